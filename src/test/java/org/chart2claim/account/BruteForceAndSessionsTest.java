package org.chart2claim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;
import org.chart2claim.account.security.ThrottlingAuthenticationManager;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 16 "accounts and sessions": brute force is slowed on both doors; a disabled account's sessions end. */
@IntegrationTest
class BruteForceAndSessionsTest {

    static final String PASSWORD = "brute-force-ok-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    private String newStudent() {
        String name = "bf" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(name, "", PASSWORD, EnumSet.of(Role.STUDENT));
        return name;
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder formPost(
            String user, String password, String address) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                .param("username", user)
                .param("password", password)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(from(address));
    }

    @Test
    void theApiAnswers429WithRetryAfterOnceAnAccountKeepsFailing() throws Exception {
        String name = newStudent();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic(name, "wrong-" + i)).with(from("203.0.113." + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic(name, PASSWORD)).with(from("203.0.113.50")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail", containsString("try again in")));
    }

    @Test
    void oneClientAddressIsSlowedAcrossAccounts() throws Exception {
        String address = "198.51.100." + (int) (Math.random() * 200);
        for (int i = 0; i < 50; i++) {
            mvc.perform(get("/api/me").with(httpBasic("nobody" + i, "wrong")).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .with(from(address)))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/me")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .with(from("192.0.2.77")))
                .andExpect(status().isOk());
    }

    @Test
    void theLoginFormIsSlowedAndTellsWhy() throws Exception {
        String name = newStudent();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formPost(name, "wrong", "203.0.113.10" + i)).andExpect(redirectedUrl("/login?error"));
        }
        var result = mvc.perform(formPost(name, PASSWORD, "203.0.113.200"))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        Object failure = result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(failure).isInstanceOf(ThrottlingAuthenticationManager.TooManyAttemptsException.class);
        assertThat(((Exception) failure).getMessage()).startsWith("Too many failed logins: try again in");
    }

    @Test
    void disablingAnAccountEndsItsOpenBrowserSessionsAtOnce() throws Exception {
        String name = newStudent();
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user(name).password(PASSWORD))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        accounts.setEnabled(name, false, "admin");
        mvc.perform(get("/css/any.css").session(session)).andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
    }
}
