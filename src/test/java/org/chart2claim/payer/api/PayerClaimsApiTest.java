package org.chart2claim.payer.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.claim.x12.SampleClaims;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.Json;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The payer API end to end: scenario shortcut, JSON and X12 in, JSON and 835 out, errors as 4xx. */
@IntegrationTest
class PayerClaimsApiTest {
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioLibrary library;

    String keyBody(String ledger, String procedureCode) {
        CodingAnswer key =
                CodingAnswer.fromKey(library.find(SCENARIO).orElseThrow().key());
        List<CodingAnswer.Line> lines = key.procedures().stream()
                .map(l -> procedureCode == null
                        ? l
                        : new CodingAnswer.Line(procedureCode, l.modifiers(), l.units(), l.pointers()))
                .toList();
        return Json.MAPPER.writeValueAsString(
                Map.of("diagnoses", key.diagnoses(), "procedures", lines, "ledger", ledger));
    }

    @Test
    void scenarioKeyIsPaidAndExplained() throws Exception {
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(keyBody(UUID.randomUUID().toString(), null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[0].status").value("PAID"))
                .andExpect(jsonPath("$.claims[0].lines[0].code").value("99214"))
                .andExpect(jsonPath("$.claims[0].lines[0].adjustments[0].group").value("CO"))
                .andExpect(jsonPath("$.claims[0].lines[0].adjustments[0].carc").value("45"))
                .andExpect(jsonPath("$.claims[0].lines[0].adjustments[0].edit").value("FeeScheduleEdit"))
                .andExpect(jsonPath("$.claims[0].patientResponsibility").exists());
    }

    @Test
    void overcodedEmIsDowncodedByDocumentationReview() throws Exception {
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(keyBody(UUID.randomUUID().toString(), "99215")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[0].status").value("PARTIAL"))
                .andExpect(jsonPath("$.claims[0].lines[0].adjustments[1].carc").value("150"))
                .andExpect(jsonPath("$.claims[0].lines[0].adjustments[1].edit").value("DocumentationReviewEdit"))
                .andExpect(jsonPath("$.claims[0].lines[0].adjustments[1].hint").exists());
    }

    @Test
    void examModeNeitherNamesTheSupportedLevelNorConfirmsDocumentedCodes() throws Exception {
        // The key bills 99214: an overcoded 99215 is downcoded, an undocumented 99203 denied.
        for (String billed : List.of("99215", "99203")) {
            mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims?mode=exam")
                            .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(keyBody(UUID.randomUUID().toString(), billed)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.claims[0].lines[0].adjustments[?(@.edit == 'DocumentationReviewEdit')]")
                            .isNotEmpty())
                    .andExpect(jsonPath(
                                    "$.claims[0].lines[0].adjustments[?(@.edit == 'DocumentationReviewEdit')].explanation")
                            .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.allOf(
                                    org.hamcrest.Matchers.not(containsString("99214")),
                                    org.hamcrest.Matchers.not(containsString(billed)),
                                    containsString("Medical record review")))))
                    .andExpect(jsonPath("$.claims[0].lines[0].adjustments[*].hint")
                            .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
        }
    }

    @Test
    void duplicatesOnlyWithinTheSameLedger() throws Exception {
        String ledger = UUID.randomUUID().toString();
        for (String expected : List.of("PAID", "DENIED")) {
            mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims")
                            .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(keyBody(ledger, null)))
                    .andExpect(jsonPath("$.claims[0].status").value(expected));
        }
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(keyBody(ledger + "-other", null)))
                .andExpect(jsonPath("$.claims[0].status").value("PAID"));
    }

    @Test
    void x12InX12Out() throws Exception {
        String x12 = new Claim837Writer().write(SampleClaims.all(), SampleClaims.ENVELOPE);
        mvc.perform(post("/api/payer/claims?ledger=" + UUID.randomUUID() + "&receivedOn=2026-03-24")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType("application/edi-x12")
                        .accept("application/edi-x12")
                        .content(x12))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/edi-x12"))
                .andExpect(content().string(startsWith("ISA*")))
                .andExpect(content().string(containsString("ST*835*")))
                .andExpect(content().string(containsString("CLP*PCN1001*")));
    }

    @Test
    void x12InJsonOutHandlesManyClaims() throws Exception {
        String x12 = new Claim837Writer().write(SampleClaims.all(), SampleClaims.ENVELOPE);
        mvc.perform(post("/api/payer/claims?ledger=" + UUID.randomUUID() + "&receivedOn=2026-03-24")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType("application/edi-x12")
                        .accept(MediaType.APPLICATION_JSON)
                        .content(x12))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims.length()").value(4))
                .andExpect(jsonPath("$.claims[0].patientControlNumber").value("PCN1001"));
    }

    @Test
    void malformedX12IsA400WithSegmentAndPosition() throws Exception {
        String x12 = new Claim837Writer()
                .write(SampleClaims.all(), SampleClaims.ENVELOPE)
                .replaceFirst("SE\\*\\d+\\*", "SE*3*");
        mvc.perform(post("/api/payer/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType("application/edi-x12")
                        .content(x12))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.segment").value("SE"))
                .andExpect(jsonPath("$.segmentPosition").isNumber())
                .andExpect(jsonPath("$.detail").value(containsString("segment")));
        mvc.perform(post("/api/payer/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType("application/edi-x12")
                        .content("garbage"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void appClaimJsonIsAdjudicatedAndBadJsonIsA400() throws Exception {
        String claim = Json.MAPPER.writeValueAsString(SampleClaims.all().getFirst());
        mvc.perform(post("/api/payer/claims?ledger=" + UUID.randomUUID() + "&receivedOn=2026-03-24&mode=exam")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(claim))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[0].status").value("PAID"))
                .andExpect(jsonPath("$.claims[0].lines[0].allowed").value(130.0));
        mvc.perform(post("/api/payer/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claims\": [ {\"lines\": 5 ]"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void rejectedClaimSaysWhy() throws Exception {
        mvc.perform(post("/api/payer/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"patientControlNumber\":\"X1\",\"payerId\":\"medicare-sim\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[0].status").value("REJECTED"))
                .andExpect(jsonPath("$.claims[0].rejections[0].reason").exists());
    }

    @Test
    void unknownScenarioAndAnonymousCallers() throws Exception {
        mvc.perform(post("/api/scenarios/no-such/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\":[],\"procedures\":[]}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/payer/claims")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }
}
