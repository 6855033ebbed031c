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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class CachingApiAuthenticationManagerTest {

    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    /** The test's clock: {@link #now}, moved by the tests. */
    private final Clock clock = new Clock() {
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
    };

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
            clock);

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

    // ---- renewal of an expired entry against the account as stored now (no BCrypt)

    /** The account table: username → stored hash, enabled, roles. */
    private final java.util.Map<String, UserDetails> stored = new java.util.HashMap<>();

    private void store(String hash, boolean enabled, String... roles) {
        stored.put(
                "student",
                User.withUsername("student")
                        .password(hash)
                        .disabled(!enabled)
                        .authorities(roles)
                        .build());
    }

    /** A full check like the DAO provider's: the password must fit the stored hash ("hash-of-" + password). */
    private final CachingApiAuthenticationManager renewing = new CachingApiAuthenticationManager(
            request -> {
                checks.incrementAndGet();
                UserDetails user = stored.get(request.getName());
                if (user == null
                        || !user.isEnabled()
                        || !("hash-of-" + request.getCredentials()).equals(user.getPassword())) {
                    throw new BadCredentialsException("Bad credentials");
                }
                User copy = (User) User.withUserDetails(user).build();
                return UsernamePasswordAuthenticationToken.authenticated(
                        copy, request.getCredentials(), copy.getAuthorities());
            },
            name -> {
                UserDetails user = stored.get(name);
                if (user == null) {
                    throw new UsernameNotFoundException("Bad credentials");
                }
                return User.withUserDetails(user).build();
            },
            Duration.ofMinutes(2),
            clock);

    private Authentication renewLogin(String password) {
        return renewing.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("student", password));
    }

    @Test
    void anExpiredEntryOfAnUnchangedAccountIsRenewedWithoutAFullCheck() {
        store("hash-of-pw", true, "ROLE_STUDENT");
        Authentication first = renewLogin("pw");
        assertThat(first.getCredentials()).isNull(); // erased once the matched hash was noted
        assertThat(((UserDetails) first.getPrincipal()).getPassword()).isNull();
        for (int minute = 0; minute < 30; minute += 3) {
            now = now.plus(Duration.ofMinutes(3));
            assertThat(renewLogin("pw").isAuthenticated()).isTrue();
        }
        assertThat(checks).hasValue(1);
        // another password is never served from the entry
        assertThatThrownBy(() -> renewLogin("pw2")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aPasswordRoleOrEnabledChangeMadeElsewhereTakesTheFullCheckAtExpiry() {
        store("hash-of-pw", true, "ROLE_STUDENT");
        renewLogin("pw");
        // another server changed the password: no event here; at expiry the stored hash differs
        store("hash-of-new", true, "ROLE_STUDENT");
        renewLogin("pw"); // still within the two minutes
        now = now.plus(Duration.ofMinutes(3));
        assertThatThrownBy(() -> renewLogin("pw")).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);

        store("hash-of-pw", true, "ROLE_STUDENT");
        renewLogin("pw");
        store("hash-of-pw", false, "ROLE_STUDENT"); // disabled
        now = now.plus(Duration.ofMinutes(3));
        assertThatThrownBy(() -> renewLogin("pw")).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(4);

        store("hash-of-pw", true, "ROLE_STUDENT");
        renewLogin("pw");
        store("hash-of-pw", true, "ROLE_STUDENT", "ROLE_INSTRUCTOR"); // a new role
        now = now.plus(Duration.ofMinutes(3));
        assertThat(renewLogin("pw").getAuthorities()).hasSize(2); // the full check gave the new roles
        assertThat(checks).hasValue(6);

        stored.clear(); // the account is gone
        now = now.plus(Duration.ofMinutes(3));
        assertThatThrownBy(() -> renewLogin("pw")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void theApisOwnCheckRenewsWithoutBcryptAndStillNoticesAChangedPassword() {
        // wired as SecurityConfig wires it: Spring's DAO provider (which adds a FACTOR_PASSWORD authority to the
        // result that no stored account has) and real BCrypt, counted
        AtomicInteger bcrypt = new AtomicInteger();
        org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder real =
                new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4);
        org.springframework.security.crypto.password.PasswordEncoder counting =
                new org.springframework.security.crypto.password.PasswordEncoder() {
                    @Override
                    public String encode(CharSequence raw) {
                        return real.encode(raw);
                    }

                    @Override
                    public boolean matches(CharSequence raw, String encoded) {
                        bcrypt.incrementAndGet();
                        return real.matches(raw, encoded);
                    }
                };
        var accounts =
                new org.springframework.security.provisioning.InMemoryUserDetailsManager(User.withUsername("student")
                        .password(real.encode("pw"))
                        .roles("STUDENT")
                        .build());
        CachingApiAuthenticationManager api =
                CachingApiAuthenticationManager.forAccounts(accounts, counting, Duration.ofMinutes(2), clock);
        java.util.function.Supplier<Authentication> login =
                () -> api.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("student", "pw"));

        Authentication first = login.get();
        assertThat(first.getCredentials()).isNull();
        assertThat(((UserDetails) first.getPrincipal()).getPassword()).isNull();
        for (int i = 0; i < 10; i++) {
            now = now.plus(Duration.ofMinutes(3));
            assertThat(login.get().isAuthenticated()).isTrue();
        }
        assertThat(bcrypt).hasValue(1);

        accounts.updateUser(User.withUsername("student")
                .password(real.encode("new"))
                .roles("STUDENT")
                .build());
        now = now.plus(Duration.ofMinutes(3));
        assertThatThrownBy(login::get).isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt).hasValue(2);
    }
}
