package org.chart2claim.account.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.chart2claim.account.AccountChangedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class CachingApiAuthenticationManagerTest {

    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private final CachingApiAuthenticationManager manager = new CachingApiAuthenticationManager(
            request -> {
                checks.incrementAndGet();
                if (!"right-password".equals(request.getCredentials())) {
                    throw new BadCredentialsException("Bad credentials");
                }
                return UsernamePasswordAuthenticationToken.authenticated(
                        request.getName(), null, AuthorityUtils.createAuthorityList("ROLE_STUDENT"));
            },
            Duration.ofMinutes(2),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    private Authentication login(String password) {
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("student", password));
    }

    @Test
    void aSuccessfulCheckIsReusedUntilItExpires() {
        assertThat(login("right-password").isAuthenticated()).isTrue();
        login("right-password");
        assertThat(checks).hasValue(1);
        now = now.plus(Duration.ofMinutes(3));
        login("right-password");
        assertThat(checks).hasValue(2);
    }

    @Test
    void failuresAreNeverCached() {
        assertThatThrownBy(() -> login("wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);
        assertThat(manager.size()).isZero();
    }

    @Test
    void anotherPasswordForTheSameUserIsCheckedAgain() {
        login("right-password");
        assertThatThrownBy(() -> login("right-password-but-longer")).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void anAccountChangeDropsTheUsersEntries() {
        login("right-password");
        manager.onAccountChanged(new AccountChangedEvent("STUDENT"));
        login("right-password");
        assertThat(checks).hasValue(2);
    }
}
