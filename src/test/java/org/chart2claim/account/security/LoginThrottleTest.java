package org.chart2claim.account.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The brute-force brake's rule table, on a hand-driven clock. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Policy.STANDARD, new Clock() {
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

    @Test
    void anAccountWaitsTwoSecondsAfterFiveFailuresAndTheWaitDoublesUpToThirtySeconds() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitFor("student", "10.0.0." + i)).isZero();
            throttle.failed("student", "10.0.0." + i);
        }
        assertThat(throttle.waitFor("student", "10.0.0.99")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            throttle.failed("student", "10.0.1." + i);
        }
        assertThat(throttle.waitFor("student", "10.0.2.1")).isEqualTo(Duration.ofSeconds(30));
        now = now.plusSeconds(31);
        assertThat(throttle.waitFor("Student", "10.0.2.1"))
                .as("never locked out for long")
                .isZero();
        assertThat(throttle.waitFor("other-user", "10.0.2.1")).isZero();
    }

    @Test
    void aClientAddressWaitsAfterFiftyFailuresWhateverTheAccountAtMostAMinute() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThat(throttle.waitFor("someone-new", "192.0.2.7")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("someone-new", "192.0.2.8")).isZero();
        for (int i = 0; i < 20; i++) {
            throttle.failed("again" + i, "192.0.2.7");
        }
        assertThat(throttle.waitFor("someone-new", "192.0.2.7")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aSuccessClearsTheAccountAndOldFailuresAreForgotten() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("teacher", "198.51.100." + i);
        }
        assertThat(throttle.waitFor("teacher", "198.51.100.50")).isPositive();
        throttle.succeeded("teacher");
        assertThat(throttle.waitFor("teacher", "198.51.100.50")).isZero();
        for (int i = 0; i < 5; i++) {
            throttle.failed("teacher", "198.51.100." + i);
        }
        now = now.plus(Duration.ofMinutes(16));
        throttle.failed("teacher", "198.51.100.9");
        assertThat(throttle.waitFor("teacher", "198.51.100.50"))
                .as("window passed: count restarted")
                .isZero();
    }
}
