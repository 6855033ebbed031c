package org.chart2claim.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The practice ledger over REST: the ERA posted on its own, patient payments, refusals, owner only. */
@IntegrationTest
class LedgerBooksApiTest {
    /** Medicare patient (deductible 283.00 open): the visit goes to the deductible, the patient owes it. */
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioLibrary library;

    String ledger;
    LocalDate received;
    JsonNode claim;

    @BeforeEach
    void aClaimInAFreshLedger() throws Exception {
        ledger = "books-" + UUID.randomUUID();
        claim = send(null).get("claims").get(0);
    }

    JsonNode send(String replaces) throws Exception {
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        CodingAnswer key = CodingAnswer.fromKey(scenario.key());
        received = scenario.dateOfService().plusDays(7);
        Map<String, Object> body = new HashMap<>(Map.of(
                "diagnoses", key.diagnoses(),
                "procedures", key.procedures(),
                "ledger", ledger,
                "submittedOn", received.toString()));
        if (replaces != null) {
            body.put("replaces", replaces);
        }
        String answer = mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(org.chart2claim.config.Json.MAPPER.writeValueAsString(body)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return org.chart2claim.config.Json.MAPPER.readTree(answer);
    }

    JsonNode read(String user, String what) throws Exception {
        return org.chart2claim.config.Json.MAPPER.readTree(mvc.perform(
                        get("/api/ledgers/" + ledger + "/" + what).with(httpBasic(user, IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    ResultActions pay(String user, String body) throws Exception {
        return mvc.perform(post("/api/ledgers/" + ledger + "/payments")
                .with(httpBasic(user, IntegrationTest.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    static BigDecimal sum(JsonNode transactions, String type) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode t : transactions) {
            if (t.get("type").asString().equals(type)) {
                sum = sum.add(t.get("amount").decimalValue());
            }
        }
        return sum;
    }

    @Test
    void theRemittanceIsPostedOnItsOwnAndBalancesToTheCent() throws Exception {
        JsonNode transactions = read("student", "transactions");
        BigDecimal billed = claim.get("billed").decimalValue();
        BigDecimal paid = claim.get("paid").decimalValue();
        BigDecimal owed = claim.get("patientResponsibility").decimalValue();
        assertThat(owed).isPositive();
        assertThat(sum(transactions, "CHARGE")).isEqualByComparingTo(billed);
        assertThat(sum(transactions, "INSURANCE_PAYMENT")).isEqualByComparingTo(paid);
        assertThat(sum(transactions, "DEDUCTIBLE")
                        .add(sum(transactions, "COINSURANCE"))
                        .add(sum(transactions, "COPAY")))
                .isEqualByComparingTo(owed);
        assertThat(billed)
                .isEqualByComparingTo(paid.add(sum(transactions, "CONTRACTUAL_ADJUSTMENT"))
                        .add(owed)
                        .add(sum(transactions, "DENIAL")));
        assertThat(transactions.get(0).get("postedOn").asString()).isEqualTo(received.toString());
        assertThat(transactions.get(0).get("claimNumber").asString())
                .isEqualTo(claim.get("payerClaimNumber").asString());

        JsonNode accounts = read("student", "accounts");
        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).get("balance").decimalValue()).isEqualByComparingTo(owed);
        assertThat(accounts.get(0).get("account").asString()).matches("[A-Z0-9-]+-\\d{8}");
        // reading twice posts nothing twice
        assertThat(read("student", "transactions")).hasSize(transactions.size());
    }

    @Test
    void aPatientPaymentIsPostedAndBadPaymentsAreRefusedWithNothingPosted() throws Exception {
        String account = read("student", "accounts").get(0).get("account").asString();
        BigDecimal owed = claim.get("patientResponsibility").decimalValue();
        int before = read("student", "transactions").size();

        String tooMuch = pay(
                        "student",
                        "{\"account\":\"" + account + "\",\"amount\":" + owed.add(BigDecimal.ONE)
                                + ",\"method\":\"cash\"}")
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tooMuch).contains("more than the open balance");
        pay("student", "{\"account\":\"" + account + "\",\"amount\":-5,\"method\":\"cash\"}")
                .andExpect(status().isBadRequest());
        pay(
                        "student",
                        "{\"account\":\"" + account + "\",\"amount\":5,\"method\":\"cash\",\"date\":\""
                                + received.minusDays(1) + "\"}")
                .andExpect(status().isBadRequest());
        pay("student", "{\"account\":\"" + account + "\",\"amount\":5,\"method\":\"cash\",\"date\":\"soon\"}")
                .andExpect(status().isBadRequest());
        pay("student", "{\"account\":\"NOBODY\",\"amount\":5,\"method\":\"cash\"}")
                .andExpect(status().isBadRequest());
        String unbalanced = pay(
                        "student",
                        "{\"batchTotal\":20.00,\"payments\":[{\"account\":\"" + account
                                + "\",\"amount\":5,\"method\":\"cash\"},{\"account\":\"" + account
                                + "\",\"amount\":10,\"method\":\"check\",\"reference\":\"1042\"}]}")
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(unbalanced).contains("difference 5.00").contains("\"difference\"");
        assertThat(read("student", "transactions")).hasSize(before);

        JsonNode posted = org.chart2claim.config.Json.MAPPER.readTree(pay(
                        "student",
                        "{\"account\":\"" + account
                                + "\",\"amount\":10.00,\"method\":\"check\",\"reference\":\"1042\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(posted.get("posted").get(0).get("type").asString()).isEqualTo("PATIENT_PAYMENT");
        assertThat(posted.get("posted").get(0).get("id").asLong()).isPositive();
        assertThat(posted.get("accounts").get(0).get("balance").decimalValue())
                .isEqualByComparingTo(owed.subtract(BigDecimal.TEN));
        assertThat(read("student", "transactions")).hasSize(before + 1);
    }

    @Test
    void aReplacementReversesTheOriginalsPostingInTheBooks() throws Exception {
        String number = claim.get("payerClaimNumber").asString();
        send(number);
        JsonNode transactions = read("student", "transactions");
        BigDecimal ofOriginal = BigDecimal.ZERO;
        boolean negative = false;
        for (JsonNode t : transactions) {
            if (t.get("claimNumber").asString().equals(number)
                    && t.get("type").asString().equals("CHARGE")) {
                ofOriginal = ofOriginal.add(t.get("amount").decimalValue());
                negative |= t.get("amount").decimalValue().signum() < 0;
            }
        }
        assertThat(negative).isTrue();
        assertThat(ofOriginal).isEqualByComparingTo("0");
        // the replacement's patient share stands alone: one claim's worth owed, not two
        assertThat(read("student", "accounts").get(0).get("balance").decimalValue())
                .isEqualByComparingTo(claim.get("patientResponsibility").decimalValue());
    }

    @Test
    void anotherUsersOrAnUnknownLedgerIsNotFound() throws Exception {
        for (String what : new String[] {"transactions", "accounts"}) {
            mvc.perform(get("/api/ledgers/" + ledger + "/" + what)
                            .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/ledgers/no-such-ledger/" + what)
                            .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                    .andExpect(status().isNotFound());
        }
        pay("instructor", "{\"account\":\"X\",\"amount\":1,\"method\":\"cash\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/ledgers/" + ledger + "/transactions")).andExpect(status().isUnauthorized());
    }
}
