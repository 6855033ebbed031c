package org.chart2claim.coding.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Role;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The scenarios/attempts REST API: metadata, encounter without key, grading, key for instructors only. */
@IntegrationTest
class ScenarioApiTest {

    private static final String SCENARIO = "pc-004-strep-pharyngitis";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    org.chart2claim.scenario.ScenarioLibrary library;

    @Autowired
    org.chart2claim.account.UserAccountRepository users;

    @Test
    void listIsMetadataOnly() throws Exception {
        mvc.perform(get("/api/scenarios").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()")
                        .value(library.catalogue("student").size()))
                .andExpect(jsonPath("$[0].id").exists())
                .andExpect(jsonPath("$[0].specialty").exists())
                .andExpect(content().string(not(containsString("rationale"))))
                .andExpect(content().string(not(containsString("\"key\""))));
    }

    @Test
    void encounterHasNoteAndEncounterDataButNoKey() throws Exception {
        mvc.perform(get("/api/scenarios/" + SCENARIO).with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dateOfService").value("2025-11-04"))
                .andExpect(jsonPath("$.patient.sex").value("M"))
                .andExpect(jsonPath("$.payer.id").value("ppo-sim"))
                .andExpect(jsonPath("$.billingProvider.taxId").value("47-1234501"))
                .andExpect(jsonPath("$.note").value(containsString("Rapid strep")))
                .andExpect(content().string(not(containsString("J02.0"))))
                .andExpect(content().string(not(containsString("rationale"))));
        mvc.perform(get("/api/scenarios/no-such-id").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void keyIsForbiddenForStudentsAndScoresOneHundredWhenPostedBack() throws Exception {
        mvc.perform(get("/api/scenarios/" + SCENARIO + "/key")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        String key = mvc.perform(get("/api/scenarios/" + SCENARIO + "/key")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.diagnoses[0]").value("J02.0"))
                .andExpect(jsonPath("$.procedures[0].code").value("99213"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/attempts")
                        .with(httpBasic("admin", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(key))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score").value(100));
    }

    @Test
    void validationProblemsAreListedForInstructorsOnly() throws Exception {
        mvc.perform(get("/api/scenarios/problems").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scenarios/problems").with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(library.problems().size()));
    }

    @Test
    void attemptIsGradedWithVerdictsAndFeedback() throws Exception {
        String body = """
                {"diagnoses":["J02.9"],"procedures":[{"code":"99213","modifiers":["25"],"units":1,"pointers":[1]}]}
                """;
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/attempts")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score")
                        .value(org.hamcrest.Matchers.allOf(
                                greaterThanOrEqualTo(1), org.hamcrest.Matchers.lessThan(100))))
                .andExpect(jsonPath("$.result.diagnoses[0].verdict").value("PARTIAL"))
                .andExpect(jsonPath("$.result.procedures[0].modifiers").value("WRONG"))
                .andExpect(jsonPath("$.result.procedures[1].code").value("MISSING"))
                .andExpect(jsonPath("$.result.feedback[0].answer").value("J02.9"));
    }

    @Test
    void badBodiesAreClientErrorsNotServerErrors() throws Exception {
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/attempts")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/scenarios/nope/attempts")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\":[]}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/attempts")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\":null,\"procedures\":[null,{\"code\":null}]}"))
                .andExpect(status().isBadRequest()) // no codes at all (issue 16): refused, not graded 0
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no codes")));
    }

    @Test
    void aStudentCannotReadAnotherStudentsAttempt() throws Exception {
        if (!users.existsByUsernameIgnoreCase("student-b")) {
            accounts.create("student-b", "Bea Student", "another-password-1", EnumSet.of(Role.STUDENT));
        }
        String created = mvc.perform(post("/api/scenarios/" + SCENARIO + "/attempts")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\":[\"J02.0\"]}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = created.replaceAll("(?s).*\"attemptId\":(\\d+).*", "$1");
        mvc.perform(get("/api/attempts/" + id).with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/attempts/" + id).with(httpBasic("student-b", "another-password-1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/attempts/" + id).with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk());
    }
}
