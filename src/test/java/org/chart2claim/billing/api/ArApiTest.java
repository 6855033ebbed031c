package org.chart2claim.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/ledgers/{L}/ar}: the owner's KPIs, CSV, the cohort's instructor, 404 for anybody else. */
@IntegrationTest
class ArApiTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    org.chart2claim.billing.ar.ArService ar;

    @Test
    void ownerGetsTheKpisAndCsvTheirInstructorTooAnybodyElseNotFound() throws Exception {
        String ledger = "ar-" + UUID.randomUUID();
        Scenario scenario = library.find("pc-001-dm2-neuropathy").orElseThrow();
        CodingAnswer key = CodingAnswer.fromKey(scenario.key());
        mvc.perform(post("/api/scenarios/" + scenario.id() + "/claims")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(org.chart2claim.config.Json.MAPPER.writeValueAsString(Map.of(
                                "diagnoses", key.diagnoses(), "procedures", key.procedures(), "ledger", ledger))))
                .andExpect(status().isOk());

        mvc.perform(get("/api/ledgers/" + ledger + "/ar").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.aging['0-30']").exists())
                .andExpect(jsonPath("$.aging['120+']").exists())
                .andExpect(jsonPath("$.firstPassRate").value(100.0))
                .andExpect(jsonPath("$.denialRate").value(0.0))
                .andExpect(jsonPath("$.daysInAR").exists())
                .andExpect(jsonPath("$.netCollectionRate").exists())
                .andExpect(jsonPath("$.billed").isNumber())
                .andExpect(jsonPath("$.paid").isNumber())
                .andExpect(jsonPath("$.adjusted").isNumber())
                .andExpect(jsonPath("$.open").isNumber());
        String csv = mvc.perform(get("/api/ledgers/" + ledger + "/ar?format=csv")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .startsWith("section,key,name,0-30")
                .contains("kpi,firstPassRate,First-pass acceptance %,,,,,,100.0");

        // the demo cohort joins "instructor" and "student": the instructor sees the student's ledger
        mvc.perform(get("/api/ledgers/" + ledger + "/ar?student=student")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledger").value(ledger));
        // a student cannot look at another student's ledger, an instructor not at a stranger's
        mvc.perform(get("/api/ledgers/" + ledger + "/ar?student=student")
                        .with(httpBasic("admin", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk());
        assertThat(ar.maySee(
                        "another-instructor", java.util.Set.of(org.chart2claim.account.Role.INSTRUCTOR), "student"))
                .isFalse();
        assertThat(ar.maySee("student2", java.util.Set.of(org.chart2claim.account.Role.STUDENT), "student"))
                .isFalse();

        mvc.perform(get("/api/ledgers/" + ledger + "/ar").with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/ledgers/no-such/ar").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/ledgers/" + ledger + "/statements/NOBODY-X.pdf")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        String account = org.chart2claim.config.Json.MAPPER
                .readTree(mvc.perform(get("/api/ledgers/" + ledger + "/accounts")
                                .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get(0)
                .get("account")
                .asString();
        mvc.perform(get("/api/ledgers/" + ledger + "/statements/" + account + ".pdf")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/api/ledgers/" + ledger + "/statements/" + account + ".pdf")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
