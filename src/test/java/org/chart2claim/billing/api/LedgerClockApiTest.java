package org.chart2claim.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.Json;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The per-ledger simulated clock: starts at the remittance date, moves forward only, owner only. */
@IntegrationTest
class LedgerClockApiTest {
    static final String SCENARIO = "pc-001-dm2-neuropathy";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioLibrary library;

    String ledger;
    LocalDate received;

    @BeforeEach
    void aClaimInAFreshLedger() throws Exception {
        ledger = "clock-" + UUID.randomUUID();
        Scenario scenario = library.find(SCENARIO).orElseThrow();
        CodingAnswer key = CodingAnswer.fromKey(scenario.key());
        received = scenario.dateOfService().plusDays(30);
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Json.MAPPER.writeValueAsString(Map.of(
                                "diagnoses", key.diagnoses(),
                                "procedures", key.procedures(),
                                "ledger", ledger,
                                "submittedOn", received.toString()))))
                .andExpect(status().isOk());
    }

    ResultActions move(String user, String body) throws Exception {
        return mvc.perform(post("/api/ledgers/" + ledger + "/clock")
                .with(httpBasic(user, IntegrationTest.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void startsAtTheLatestRemittanceDateAndMovesForward() throws Exception {
        mvc.perform(get("/api/ledgers/" + ledger + "/clock").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.today").value(received.toString()));

        move("student", "{\"advanceDays\":60}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(received.toString()))
                .andExpect(jsonPath("$.today").value(received.plusDays(60).toString()))
                .andExpect(jsonPath("$.events").isArray());
        move("student", "{\"today\":\"" + received.plusDays(90) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(received.plusDays(60).toString()))
                .andExpect(jsonPath("$.today").value(received.plusDays(90).toString()));

        mvc.perform(get("/api/ledgers/" + ledger + "/clock").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.today").value(received.plusDays(90).toString()));
    }

    @Test
    void refusesGoingBackBadBodiesAndChangesNothing() throws Exception {
        String detail = move("student", "{\"today\":\"" + received.minusDays(1) + "\"}")
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(detail).contains("never goes back");
        move("student", "{\"advanceDays\":0}").andExpect(status().isBadRequest());
        move("student", "{\"advanceDays\":5,\"today\":\"2026-01-01\"}").andExpect(status().isBadRequest());
        move("student", "{}").andExpect(status().isBadRequest());
        move("student", "{\"today\":\"next week\"}").andExpect(status().isBadRequest());

        mvc.perform(get("/api/ledgers/" + ledger + "/clock").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.today").value(received.toString()));
    }

    @Test
    void anotherUsersOrAnUnknownLedgerIsNotFound() throws Exception {
        move("instructor", "{\"advanceDays\":7}").andExpect(status().isNotFound());
        mvc.perform(get("/api/ledgers/" + ledger + "/clock")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/ledgers/no-such-ledger/clock").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
