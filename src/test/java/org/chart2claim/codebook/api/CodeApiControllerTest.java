package org.chart2claim.codebook.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The code API: search, code detail with hierarchy and notes, code lists, errors and hostile input. */
@IntegrationTest
class CodeApiControllerTest {

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder asStudent(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("student", IntegrationTest.DEMO_PASSWORD));
    }

    @Test
    void searchNeedsAuthentication() throws Exception {
        mvc.perform(get("/api/codes/search").param("q", "CHF")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/codes/ICD10CM/E11.9")).andExpect(status().isUnauthorized());
    }

    @Test
    void searchFindsCodesWithScores() throws Exception {
        mvc.perform(asStudent(get("/api/codes/search")
                        .param("q", "CHF")
                        .param("system", "ICD10CM")
                        .param("billable", "true")
                        .param("limit", "5")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.results[0].system").value("ICD10CM"))
                .andExpect(jsonPath("$.results[0].code").value("I50.9"))
                .andExpect(jsonPath("$.results[0].title").value("Heart failure, unspecified"))
                .andExpect(jsonPath("$.results[0].billable").value(true))
                .andExpect(jsonPath("$.results[0].score").value(greaterThan(0.0)))
                .andExpect(jsonPath("$.results.length()").value(5));
        mvc.perform(asStudent(get("/api/codes/search").param("q", "e119")))
                .andExpect(jsonPath("$.results[0].code").value("E11.9"));
        mvc.perform(asStudent(get("/api/codes/search").param("q", "ondansetron").param("system", "hcpcs")))
                .andExpect(jsonPath("$.results[0].code").value("J2405"));
    }

    @Test
    void hostileQueriesAnswer200() throws Exception {
        String tenKb = "x".repeat(10 * 1024);
        for (String q : new String[] {
            "\"",
            "*",
            "AND OR",
            "NOT NOT",
            "(((",
            "title:*",
            "💥 héllo 中文",
            tenKb,
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "\\u0000",
            "%00",
            "?~^"
        }) {
            mvc.perform(asStudent(get("/api/codes/search").param("q", q)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.results.length()").value(greaterThanOrEqualTo(0)));
        }
        mvc.perform(asStudent(get("/api/codes/search")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(0));
    }

    @Test
    void badParametersAnswer400WithJson() throws Exception {
        mvc.perform(asStudent(get("/api/codes/search").param("q", "x").param("system", "ICD9")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("ICD10CM")));
        mvc.perform(asStudent(get("/api/codes/search").param("q", "x").param("limit", "lots")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("limit")));
        mvc.perform(asStudent(get("/api/codes/search").param("q", "x").param("limit", "0")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void codeDetailHasHierarchyNotesAndSeventhCharacters() throws Exception {
        mvc.perform(asStudent(get("/api/codes/ICD10CM/s022xxa")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("S02.2XXA"))
                .andExpect(jsonPath("$.title").value("Fracture of nasal bones, initial encounter for closed fracture"))
                .andExpect(jsonPath("$.billable").value(true))
                .andExpect(jsonPath("$.version").value("FY2026"))
                .andExpect(jsonPath("$.breadcrumbs[0].level").value("chapter"))
                .andExpect(jsonPath("$.breadcrumbs[1].id").value("S00-S09"))
                .andExpect(jsonPath("$.breadcrumbs[2].id").value("S02"))
                .andExpect(jsonPath("$.seventh.values[0].character").value("A"))
                .andExpect(jsonPath("$.notes[?(@.kind == 'codeAlso' && @.printedAt == 'S02')].inherited")
                        .value(true));
        mvc.perform(asStudent(get("/api/codes/ICD10CM/E11.9")))
                .andExpect(jsonPath("$.parent").value("E11"))
                .andExpect(jsonPath("$.notes[?(@.kind == 'excludes1' && @.printedAt == 'E11')]")
                        .exists());
        mvc.perform(asStudent(get("/api/codes/CPT/12032")))
                .andExpect(jsonPath("$.rules.globalPeriod").value("010"));
    }

    @Test
    void unknownCodeIs404WithJsonError() throws Exception {
        mvc.perform(asStudent(get("/api/codes/ICD10CM/Q99.999")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Unknown ICD10CM code")));
        mvc.perform(asStudent(get("/api/codes/ICD9/250.00")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("Unknown code system")));
    }

    @Test
    void listsEveryCodeOfASystemWithDots() throws Exception {
        mvc.perform(asStudent(get("/api/codes/ICD10CM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(greaterThan(3000)))
                .andExpect(jsonPath("$[?(@.code == 'E11.9')].billable").value(true))
                .andExpect(jsonPath("$[0].code").value("A08"));
        mvc.perform(asStudent(get("/api/codes/HCPCS")))
                .andExpect(jsonPath("$.length()").value(greaterThan(300)));
        mvc.perform(asStudent(get("/api/codes/cpt")))
                .andExpect(jsonPath("$.length()").value(greaterThan(400)));
    }
}
