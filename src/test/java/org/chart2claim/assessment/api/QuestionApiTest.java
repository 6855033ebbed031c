package org.chart2claim.assessment.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class QuestionApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void instructorsListTheBankByDomainStudentsMayNot() throws Exception {
        mvc.perform(get("/api/questions").with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(6))
                .andExpect(jsonPath("$.problems").isEmpty());
        mvc.perform(get("/api/questions?domain=ICD_10_CM").with(httpBasic("admin", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.questions[0].id").value("icd-t01"))
                .andExpect(jsonPath("$.questions[0].key").value("B"));
        mvc.perform(get("/api/questions?domain=CARDIOLOGY")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Unknown domain 'CARDIOLOGY'")));
        mvc.perform(get("/api/questions?tag=combination-code&q=DIABETES")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.questions[0].id").value("icd-t01"))
                .andExpect(jsonPath("$.questions[0].version").value(1));
        mvc.perform(get("/api/questions?status=GONE").with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/questions").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
