package org.chart2claim.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chart2claim.billing.eligibility.EligibilityService;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/payer/eligibility}: JSON and X12 270/271, bad input 400, and the check is remembered. */
@IntegrationTest
class EligibilityApiTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    EligibilityService eligibility;

    @Test
    void jsonInquiryAnswersActiveCoverageWithBenefitsAndIsRemembered() throws Exception {
        mvc.perform(post("/api/payer/eligibility")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"payerId\":\"ppo-sim\",\"memberId\":\"W514476320\",\"lastName\":\"Greenleaf\","
                                + "\"firstName\":\"Vanessa\",\"birthDate\":\"1983-12-14\",\"dateOfService\":\"2026-03-02\","
                                + "\"serviceType\":\"98\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.plan").value("Blue Horizon PPO (simulated)"))
                .andExpect(jsonPath("$.deductible.annual").value(1000.00))
                .andExpect(jsonPath("$.deductible.met").value(0))
                .andExpect(jsonPath("$.copay['98']").value(30.00))
                .andExpect(jsonPath("$.coinsurance").value(0))
                .andExpect(jsonPath("$.outOfPocket.max").value(4000.00))
                .andExpect(jsonPath("$.priorAuthorizationRequired").isArray())
                .andExpect(jsonPath("$.reason").doesNotExist());
        assertThat(eligibility.latestCheck("student", "ppo-sim", "W514476320"))
                .hasValueSatisfying(c -> assertThat(c.answer().active()).isTrue());
    }

    @Test
    void terminatedNotFoundAndMismatchAnswerInactiveWithTheReason() throws Exception {
        String base = "\"payerId\":\"ppo-sim\",\"dateOfService\":\"2026-03-01\"";
        mvc.perform(post("/api/payer/eligibility")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + base
                                + ",\"memberId\":\"W700100201\",\"lastName\":\"Tenney\",\"firstName\":\"Harold\","
                                + "\"birthDate\":\"1969-04-11\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.reason").value("TERMINATED"));
        mvc.perform(post("/api/payer/eligibility")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + base + ",\"memberId\":\"NOPE1\",\"lastName\":\"Doe\",\"firstName\":\"Jane\","
                                + "\"birthDate\":\"1990-01-01\"}"))
                .andExpect(jsonPath("$.reason").value("NOT_FOUND"))
                .andExpect(jsonPath("$.plan").doesNotExist());
        mvc.perform(post("/api/payer/eligibility")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + base
                                + ",\"memberId\":\"W700100201\",\"lastName\":\"Tenney\",\"firstName\":\"Harold\","
                                + "\"birthDate\":\"1969-04-12\"}"))
                .andExpect(jsonPath("$.reason").value("MISMATCH"));
    }

    @Test
    void badJsonInquiriesAre400() throws Exception {
        mvc.perform(post("/api/payer/eligibility")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"payerId\":\"ppo-sim\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("memberId is required")));
        mvc.perform(post("/api/payer/eligibility")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"payerId\":\"ppo-sim\",\"memberId\":\"W1\",\"lastName\":\"A\",\"firstName\":\"B\","
                                + "\"birthDate\":\"14/12/1983\",\"dateOfService\":\"2026-03-01\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/payer/eligibility")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a270GetsA271AndMalformedX12Is400WithSegmentAndPosition() throws Exception {
        byte[] golden = Files.readAllBytes(Path.of("src/test/resources/x12/golden-270.txt"));
        String answer = mvc.perform(post("/api/payer/eligibility")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType("application/edi-x12")
                        .content(golden))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/edi-x12"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("ST*271*").contains("EB*B*IND*98*C1**27*30").contains("AAA*N**75*C");

        String broken = new String(golden, java.nio.charset.StandardCharsets.US_ASCII)
                .replace("DMG*D8*19831214", "DMG*D8*1983");
        mvc.perform(post("/api/payer/eligibility")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType("application/edi-x12")
                        .content(broken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.segment").value("DMG"))
                .andExpect(jsonPath("$.segmentPosition").value(12))
                .andExpect(jsonPath("$.elementPosition").value(2));
    }
}
