package org.chart2claim.config;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Every API error answers its real status with one problem body (issue 16 "errors that say what they are"). */
@IntegrationTest
class ApiErrorsTest {

    @Autowired
    MockMvc mvc;

    private static org.springframework.test.web.servlet.request.RequestPostProcessor student() {
        return httpBasic("student", IntegrationTest.DEMO_PASSWORD);
    }

    private static void isProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void unknownApiPathIsAJson404NotTheVaadinPage() throws Exception {
        isProblem(mvc.perform(get("/api/no/such/thing").with(student())), 404);
        mvc.perform(get("/api/no/such/thing").with(student()))
                .andExpect(jsonPath("$.detail", containsString("/api/no/such/thing")))
                .andExpect(jsonPath("$.instance").value("/api/no/such/thing"));
    }

    @Test
    void unknownScenarioIs404Everywhere() throws Exception {
        isProblem(mvc.perform(get("/api/scenarios/no-such-scenario").with(student())), 404);
        isProblem(
                mvc.perform(post("/api/scenarios/no-such-scenario/attempts")
                        .with(student())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\":[\"E11.9\"]}")),
                404);
        isProblem(
                mvc.perform(post("/api/scenarios/no-such-scenario/claims")
                        .with(student())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\":[\"E11.9\"]}")),
                404);
    }

    @Test
    void malformedOrMissingBodiesAre400() throws Exception {
        isProblem(
                mvc.perform(post("/api/scenarios/pc-001-dm2-neuropathy/attempts")
                        .with(student())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"diagnoses\": [")),
                400);
        isProblem(
                mvc.perform(post("/api/scenarios/pc-001-dm2-neuropathy/attempts")
                        .with(student())
                        .contentType(MediaType.APPLICATION_JSON)),
                400);
        isProblem(
                mvc.perform(post("/api/payer/claims")
                        .with(student())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("not json")),
                400);
        isProblem(
                mvc.perform(post("/api/payer/claims")
                        .with(student())
                        .contentType("application/edi-x12")
                        .content("ISA*garbage~")),
                400);
    }

    @Test
    void wrongMethodAndMediaTypeAnswerProblems() throws Exception {
        isProblem(
                mvc.perform(post("/api/payer/claims")
                        .with(student())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x")),
                415);
        isProblem(mvc.perform(put("/api/me").with(student())), 405);
        isProblem(mvc.perform(put("/api/no-such-endpoint").with(student())), 404);
    }

    @Test
    void authenticationAndRoleErrorsUseTheSameShape() throws Exception {
        isProblem(mvc.perform(get("/api/me")), 401);
        isProblem(mvc.perform(get("/api/scenarios/pc-001-dm2-neuropathy/key").with(student())), 403);
    }

    @Test
    void aBodyOverItsLimitIs413BeforeItIsRead() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        isProblem(
                mvc.perform(post("/api/scenarios/pc-001-dm2-neuropathy/attempts")
                        .with(student())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(twoMegabytes)),
                413);
        isProblem(
                mvc.perform(post("/api/payer/claims")
                        .with(student())
                        .contentType("application/edi-x12")
                        .content(new byte[33 * 1024 * 1024])),
                413);
    }

    @Test
    void pagesMayNotBeFramedByOtherSites() throws Exception {
        mvc.perform(formLogin("/login").user("student").password(IntegrationTest.DEMO_PASSWORD))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'self'")));
        mvc.perform(get("/api/me").with(student())).andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
    }
}
