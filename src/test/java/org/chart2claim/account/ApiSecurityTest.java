package org.chart2claim.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The API door: HTTP Basic with the seeded demo accounts, 401 without them. */
@IntegrationTest
class ApiSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void apiWithoutCredentialsIs401() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Authentication required"));
        mvc.perform(get("/api/anything/else")).andExpect(status().isUnauthorized());
    }

    @Test
    void apiWithWrongPasswordIs401() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("student", "wrong-password"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("nobody", "wrong-password"))).andExpect(status().isUnauthorized());
    }

    @Test
    void meAnswersTheCallerAndRoles() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("student", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("student"))
                .andExpect(jsonPath("$.roles[0]").value("STUDENT"))
                .andExpect(jsonPath("$.roles.length()").value(1));
        mvc.perform(get("/api/me").with(httpBasic("admin", IntegrationTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"));
    }

    @Test
    void aPasswordResetOrDisableTakesEffectOnTheApiAtOnce(@Autowired AccountService accounts) throws Exception {
        String name = "api" + java.util.UUID.randomUUID().toString().substring(0, 6);
        accounts.create(name, "", "first-pass-1", java.util.EnumSet.of(Role.STUDENT));
        mvc.perform(get("/api/me").with(httpBasic(name, "first-pass-1"))).andExpect(status().isOk());
        accounts.resetPassword(name, "second-pass-2");
        mvc.perform(get("/api/me").with(httpBasic(name, "first-pass-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic(name, "second-pass-2"))).andExpect(status().isOk());
        accounts.setEnabled(name, false, "admin");
        mvc.perform(get("/api/me").with(httpBasic(name, "second-pass-2"))).andExpect(status().isUnauthorized());
    }

    @Test
    void demoAccountsLogInThroughTheLoginForm() throws Exception {
        for (String user : new String[] {"student", "instructor", "admin"}) {
            mvc.perform(formLogin("/login").user(user).password(IntegrationTest.DEMO_PASSWORD))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void failedLoginLooksTheSameForUnknownAndKnownUsers() throws Exception {
        mvc.perform(formLogin("/login").user("student").password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("no-such-user").password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"));
    }
}
