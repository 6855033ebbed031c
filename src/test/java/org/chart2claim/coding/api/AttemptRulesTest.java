package org.chart2claim.coding.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.UUID;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Issue 16: attempts must carry codes and sane units, count once, and be read only within one's cohorts. */
@IntegrationTest
class AttemptRulesTest {

    static final String SCENARIO = "pc-001-dm2-neuropathy";
    static final String PASSWORD = "attempt-rules-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    private String account(String prefix, Role role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(name, "", PASSWORD, EnumSet.of(role));
        return name;
    }

    private ResultActions attempt(String user, String body) throws Exception {
        return mvc.perform(post("/api/scenarios/" + SCENARIO + "/attempts")
                .with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void anAttemptWithoutCodesOrWithNegativeUnitsIsRefused() throws Exception {
        String student = account("norules", Role.STUDENT);
        attempt(student, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("no codes")));
        attempt(student, "{\"diagnoses\":[],\"procedures\":[]}").andExpect(status().isBadRequest());
        attempt(student, "{\"diagnoses\":[\"E11.40\"],\"procedures\":[{\"code\":\"99214\",\"units\":-3}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]", containsString("not -3")));
        mvc.perform(get("/api/attempts").with(httpBasic(student, PASSWORD)))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/scenarios/" + SCENARIO + "/claims")
                        .with(httpBasic(student, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\":[\"E11.40\"],\"procedures\":[{\"code\":\"99214\",\"units\":0}]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheFirstGradedAttemptCountsLaterOnesAreAfterTheKey() throws Exception {
        String student = account("repeat", Role.STUDENT);
        String body = "{\"diagnoses\":[\"E11.40\"],\"procedures\":[{\"code\":\"99213\",\"pointers\":[1]}]}";
        attempt(student, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.afterKey").value(false));
        attempt(student, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.afterKey").value(true));
        mvc.perform(get("/api/attempts").with(httpBasic(student, PASSWORD)))
                .andExpect(jsonPath("$[0].afterKey").value(false))
                .andExpect(jsonPath("$[1].afterKey").value(true));
    }

    @Test
    void instructorsReadOnlyTheirOwnCohortsAttemptsAdminsAll() throws Exception {
        String student = account("taught", Role.STUDENT);
        String outsider = account("outsider", Role.INSTRUCTOR);
        String teacher = account("teacher", Role.INSTRUCTOR);
        Cohort cohort = cohorts.create("Rules " + student, "", teacher);
        cohorts.enrol(cohort.getId(), student);
        String created = attempt(student, "{\"diagnoses\":[\"E11.40\"]}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.attemptId")).longValue();

        mvc.perform(get("/api/attempts/" + id).with(httpBasic(outsider, PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/attempts/" + id).with(httpBasic(teacher, PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/attempts/" + id).with(httpBasic("admin", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/attempts/" + id).with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
