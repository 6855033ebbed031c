package org.chart2claim.appeal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Role;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.Json;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** {@code /api/denials}: the worklist, actions, bad input, owner-only access, drills and the clock that decides. */
@IntegrationTest
class DenialsApiTest {
    static final String OTHER_STUDENT = "appeal-student-b";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    AccountService accounts;

    @Autowired
    org.chart2claim.appeal.AppealStore store;

    String ledger;

    @BeforeEach
    void freshLedger() {
        ledger = "denials-" + UUID.randomUUID();
        if (accounts.findAll().stream().noneMatch(a -> a.getUsername().equals(OTHER_STUDENT))) {
            accounts.create(OTHER_STUDENT, "Bea Student", IntegrationTest.DEMO_PASSWORD, EnumSet.of(Role.STUDENT));
        }
    }

    static JsonNode json(ResultActions r) throws Exception {
        return Json.MAPPER.readTree(r.andReturn().getResponse().getContentAsString());
    }

    ResultActions submit(String scenario, CodingAnswer coding, String submittedOn) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("diagnoses", coding.diagnoses());
        body.put("procedures", coding.procedures());
        body.put("ledger", ledger);
        if (submittedOn != null) {
            body.put("submittedOn", submittedOn);
        }
        return mvc.perform(post("/api/scenarios/" + scenario + "/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Json.MAPPER.writeValueAsString(body)))
                .andExpect(status().isOk());
    }

    JsonNode worklist(String user) throws Exception {
        return json(mvc.perform(get("/api/denials")
                        .param("ledger", ledger)
                        .with(httpBasic(user, IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk()));
    }

    JsonNode item(String label) throws Exception {
        for (JsonNode i : worklist("student")) {
            if ((i.get("group").asString() + "-" + i.get("carc").asString()).equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no " + label + " item in " + worklist("student"));
    }

    ResultActions act(String user, long id, Object body) throws Exception {
        return mvc.perform(post("/api/denials/" + id + "/actions")
                .with(httpBasic(user, IntegrationTest.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : Json.MAPPER.writeValueAsString(body)));
    }

    CodingAnswer key(String scenario) {
        return CodingAnswer.fromKey(library.find(scenario).orElseThrow().key());
    }

    @Test
    void aDowncodeOfAnUpcodedVisitIsAcceptedWithNoAction() throws Exception {
        upcodedVisit();
        JsonNode downcode = item("CO-150");
        assertThat(downcode.get("status").asString()).isEqualTo("OPEN");
        assertThat(downcode.get("deadline").asString()).isNotBlank();
        assertThat(downcode.has("score")).isFalse();
        JsonNode answer = json(act("student", downcode.get("id").asLong(), Map.of("action", "NO_ACTION"))
                .andExpect(status().isOk()));
        assertThat(answer.get("status").asString()).isEqualTo("CLOSED");
        assertThat(answer.get("score").asInt()).isEqualTo(100);
        assertThat(item("CO-150").get("score").asInt()).isEqualTo(100);
    }

    @Test
    void aMissing25BundlingDenialIsFixedByACorrectedClaimThatIsPaid() throws Exception {
        CodingAnswer key = key("pc-003-preventive-with-problem");
        List<CodingAnswer.Line> without25 = key.procedures().stream()
                .map(l -> new CodingAnswer.Line(l.code(), List.of(), l.units(), l.pointers()))
                .toList();
        submit("pc-003-preventive-with-problem", new CodingAnswer(key.diagnoses(), without25), null);
        JsonNode bundled = item("CO-97");
        Map<String, Object> corrected =
                Map.of("action", "CORRECTED_CLAIM", "diagnoses", key.diagnoses(), "procedures", key.procedures());
        JsonNode answer =
                json(act("student", bundled.get("id").asLong(), corrected).andExpect(status().isOk()));
        assertThat(answer.get("status").asString()).isEqualTo("CORRECTED");
        assertThat(answer.get("paid").decimalValue()).isPositive();
        assertThat(answer.get("explanation").asString()).contains("paid");
        assertThat(answer.get("score").asInt()).isEqualTo(100);
    }

    @Test
    void aTimelyFilingDenialIsWrittenOffWithTheTimelyFilingReason() throws Exception {
        String scenario = "pc-003-preventive-with-problem";
        submit(
                scenario,
                key(scenario),
                library.find(scenario)
                        .orElseThrow()
                        .dateOfService()
                        .plusDays(200)
                        .toString());
        JsonNode late = item("CO-29");
        JsonNode answer =
                json(act("student", late.get("id").asLong(), Map.of("action", "WRITE_OFF", "reason", "TIMELY_FILING"))
                        .andExpect(status().isOk()));
        assertThat(answer.get("status").asString()).isEqualTo("WRITTEN_OFF");
        assertThat(answer.get("score").asInt()).isEqualTo(100);
    }

    /** An upcoded visit in the test's ledger: its CO-150 downcode item's id. */
    long upcodedVisit() throws Exception {
        CodingAnswer key = key("pc-001-dm2-neuropathy");
        submit(
                "pc-001-dm2-neuropathy",
                new CodingAnswer(key.diagnoses(), List.of(new CodingAnswer.Line("99215", List.of(), 1, List.of(1, 2)))),
                null);
        return item("CO-150").get("id").asLong();
    }

    void refused(long id, Map<String, Object> body, String message) throws Exception {
        act("student", id, body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(message)));
    }

    static Map<String, Object> appeal(Map<String, Object> letter) {
        return Map.of("action", "APPEAL", "letter", letter);
    }

    static Map<String, Object> corrected(int pointer, String on) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "action", "CORRECTED_CLAIM",
                "diagnoses", List.of("E11.42"),
                "procedures", List.of(Map.of("code", "99214", "units", 1, "pointers", List.of(pointer)))));
        if (on != null) {
            body.put("on", on);
        }
        return body;
    }

    @Test
    void badInputAnswers400AndChangesNothing() throws Exception {
        long id = upcodedVisit();
        String remitted = item("CO-150").get("remittedOn").asString();
        refused(id, Map.of("action", "PRAY"), "Unknown action 'PRAY'");
        refused(id, appeal(Map.of("reason", "CO-150", "documentation", List.of("note"))), "no argument");
        refused(
                id,
                appeal(Map.of(
                        "argument",
                        "The note supports a level five visit.",
                        "documentation",
                        List.of("operative-report"))),
                "no operative");
        refused(id, corrected(1, "2020-01-01"), "before the remittance of " + remitted);
        refused(id, corrected(3, null), "");
        refused(id, Map.of("action", "WRITE_OFF"), "needs a reason");
        refused(id, Map.of("action", "BILL_PATIENT"), "patient responsibility");
        assertThat(item("CO-150").get("status").asString()).isEqualTo("OPEN");

        act("student", id, Map.of("action", "NO_ACTION")).andExpect(status().isOk());
        refused(id, Map.of("action", "NO_ACTION"), "takes no more actions");
        mvc.perform(get("/api/denials").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void ofTwoConcurrentActionsOnOneItemOnlyTheFirstIsStored() throws Exception {
        long id = upcodedVisit();
        var seenByBothTabs = store.item(id).orElseThrow();
        act("student", id, Map.of("action", "NO_ACTION")).andExpect(status().isOk());
        var late = seenByBothTabs.with(
                org.chart2claim.appeal.ItemStatus.WRITTEN_OFF,
                0,
                seenByBothTabs.determinedOn(),
                org.chart2claim.appeal.AppealAction.WRITE_OFF,
                seenByBothTabs.remittedOn(),
                org.chart2claim.appeal.WriteOffReason.CONTRACTUAL,
                java.math.BigDecimal.ZERO,
                null,
                0,
                "late");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.save(late, seenByBothTabs.status()))
                .hasMessageContaining("changed meanwhile");
        assertThat(item("CO-150").get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void anotherStudentsItemsAreNotFound() throws Exception {
        long id = upcodedVisit();
        mvc.perform(get("/api/denials/" + id).with(httpBasic(OTHER_STUDENT, IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        act(OTHER_STUDENT, id, Map.of("action", "NO_ACTION")).andExpect(status().isNotFound());
        assertThat(worklist(OTHER_STUDENT)).isEmpty();
        assertThat(item("CO-150").get("status").asString()).isEqualTo("OPEN");
        mvc.perform(get("/api/denials/" + id).with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentationAvailable[0]").value("note"));
    }

    @Test
    void drillsAreListedTheirKeyIsForInstructorsAndAnAppealIsDecidedWhenTheClockPassesItsResponseDate()
            throws Exception {
        JsonNode drills =
                json(mvc.perform(get("/api/denials/drills").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                        .andExpect(status().isOk()));
        assertThat(drills.size()).isGreaterThanOrEqualTo(20);
        String drill = "auth-not-linked-lap-chole";
        mvc.perform(get("/api/denials/drills/" + drill + "/key")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/denials/drills/" + drill + "/key")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expectedActions[0]").value("APPEAL"))
                .andExpect(jsonPath("$.documentation[0]").value("authorization"))
                .andExpect(jsonPath("$.rationale").isNotEmpty());

        JsonNode started = json(mvc.perform(post("/api/denials/drills/" + drill + "/start")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ledger\":\"" + ledger + "\"}"))
                .andExpect(status().isOk()));
        assertThat(started.get("remittance").get("status").asString()).isEqualTo("DENIED");
        JsonNode denied = started.get("items").get(0);
        assertThat(denied.get("carc").asString()).isEqualTo("197");
        long id = denied.get("id").asLong();

        JsonNode filed = json(act(
                        "student",
                        id,
                        Map.of(
                                "action",
                                "APPEAL",
                                "letter",
                                Map.of(
                                        "reason", "CO-197 was applied although the authorization is on file",
                                        "argument",
                                                "Authorization PA-26-0418832 was approved for this member and 47562 before surgery.",
                                        "documentation", List.of("authorization", "note"),
                                        "outcome", "Reprocess line 1 and pay it")))
                .andExpect(status().isOk()));
        assertThat(filed.get("decision").asString()).isEqualTo("PENDING");
        assertThat(filed.get("level").asInt()).isEqualTo(1);

        JsonNode early = json(mvc.perform(post("/api/ledgers/" + ledger + "/clock")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"advanceDays\":7}"))
                .andExpect(status().isOk()));
        assertThat(early.get("events")).isEmpty();
        JsonNode decided = json(mvc.perform(post("/api/ledgers/" + ledger + "/clock")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"advanceDays\":60}"))
                .andExpect(status().isOk()));
        JsonNode event = decided.get("events").get(0);
        assertThat(event.get("type").asString()).isEqualTo("appeal-decision");
        assertThat(event.get("detail").get("decision").asString()).isEqualTo("OVERTURNED");
        assertThat(event.get("detail").get("paid").decimalValue()).isPositive();
        JsonNode after =
                json(mvc.perform(get("/api/denials/" + id).with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                        .andExpect(status().isOk()));
        assertThat(after.get("status").asString()).isEqualTo("OVERTURNED");
        assertThat(after.get("score").asInt()).isEqualTo(100);
        assertThat(after.get("appeals").get(0).get("decision").asString()).isEqualTo("OVERTURNED");
    }
}
