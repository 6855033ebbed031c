package org.chart2claim.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.Json;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** {@code "replaces"} on the scenario shortcut: the payer reverses the original, then adjudicates the replacement. */
@IntegrationTest
class ScenarioReplacementApiTest {
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioLibrary library;

    ResultActions send(String user, String ledger, String replaces) throws Exception {
        CodingAnswer key =
                CodingAnswer.fromKey(library.find(SCENARIO).orElseThrow().key());
        Map<String, Object> body = new HashMap<>();
        body.put("diagnoses", key.diagnoses());
        body.put("procedures", key.procedures());
        if (ledger != null) {
            body.put("ledger", ledger);
        }
        if (replaces != null) {
            body.put("replaces", replaces);
        }
        return mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims")
                .with(httpBasic(user, IntegrationTest.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(Json.MAPPER.writeValueAsString(body)));
    }

    static JsonNode claims(ResultActions result) throws Exception {
        return Json.MAPPER
                .readTree(result.andReturn().getResponse().getContentAsString())
                .get("claims");
    }

    @Test
    void replacementAnswersTheReversalOfTheOriginalFirstAndRestoresItsDeductible() throws Exception {
        String ledger = UUID.randomUUID().toString();
        JsonNode original =
                claims(send("student", ledger, null).andExpect(status().isOk())).get(0);
        String number = original.get("payerClaimNumber").asString();
        assertThat(original.get("status").asString()).isEqualTo("PAID");

        // no ledger in the request: the replacement goes to the original's ledger
        JsonNode answer = claims(send("student", null, number)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims.length()").value(2)));
        JsonNode reversal = answer.get(0);
        JsonNode replacement = answer.get(1);
        assertThat(reversal.get("status").asString()).isEqualTo("REVERSED");
        assertThat(reversal.get("payerClaimNumber").asString()).isEqualTo(number);
        assertThat(reversal.get("paid").decimalValue())
                .isEqualByComparingTo(original.get("paid").decimalValue().negate());
        assertThat(reversal.get("patientResponsibility").decimalValue())
                .isEqualByComparingTo(
                        original.get("patientResponsibility").decimalValue().negate())
                .isLessThan(BigDecimal.ZERO);
        // same codes, same ledger: not a duplicate, and the deductible the original used is open again
        assertThat(replacement.get("status").asString()).isEqualTo("PAID");
        assertThat(replacement.get("payerClaimNumber").asString()).isNotEqualTo(number);
        assertThat(replacement.get("paid").decimalValue())
                .isEqualByComparingTo(original.get("paid").decimalValue());
        assertThat(replacement.get("patientResponsibility").decimalValue())
                .isEqualByComparingTo(original.get("patientResponsibility").decimalValue());

        // a claim is taken back once: replacing the same number again is rejected up front
        JsonNode again = claims(send("student", null, number)).get(0);
        assertThat(again.get("status").asString()).isEqualTo("REJECTED");
        assertThat(again.get("rejections").get(0).get("reason").asString()).contains(number);
    }

    @Test
    void nobodyReplacesAnotherUsersClaim() throws Exception {
        JsonNode original =
                claims(send("student", UUID.randomUUID().toString(), null)).get(0);
        String number = original.get("payerClaimNumber").asString();
        List<String> statuses = List.of(
                claims(send("instructor", null, number)).get(0).get("status").asString());
        assertThat(statuses).containsExactly("REJECTED");
    }
}
