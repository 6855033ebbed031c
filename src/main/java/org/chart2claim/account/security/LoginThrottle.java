package org.chart2claim.account.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brute-force brake for both doors (login form and API Basic). Failures are counted per account and per
 * client address over a window; once its free failures are used up the key must wait (2 s) before its next
 * attempt, and the wait doubles with every further failure up to a short cap. A waiting key is refused before its
 * password is checked, so a flood costs no BCrypt time. An account's wait never exceeds
 * {@link Policy#maxAccountWait()} (an attacker cannot lock a real user out for long), and a successful login
 * clears the account's count. Every first refusal of a key is logged.
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEYS = 100_000;

    /**
     * @param freeAccountFailures failures of one account before it must wait
     * @param freeAddressFailures failures from one client address before it must wait
     * @param maxAccountWait      longest wait of an account (short: the real user may be the one waiting)
     * @param maxAddressWait      longest wait of a client address
     * @param window              failures older than this are forgotten
     */
    public record Policy(
            int freeAccountFailures,
            int freeAddressFailures,
            Duration maxAccountWait,
            Duration maxAddressWait,
            Duration window) {

        /**
         * An address is allowed many more failures than an account and waits at most a minute: a whole school
         * behind one NAT address (or a proxy without forwarded headers) shares it.
         */
        public static final Policy STANDARD =
                new Policy(5, 50, Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    private static final class Counter {
        int failures;
        Instant lastFailure;
        Instant blockedUntil = Instant.MIN;
        boolean logged;
    }

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** How long {@code username} from {@code address} must still wait; zero when it may try now. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accountKey(username), now);
        Duration client = remaining(addressKey(address), now);
        return account.compareTo(client) >= 0 ? account : client;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (counters.size() > MAX_KEYS) {
            counters.values().removeIf(c -> c.lastFailure.plus(policy.window()).isBefore(now));
            if (counters.size() > MAX_KEYS) {
                counters.clear(); // bounded memory beats perfect memory under a flood from very many addresses
            }
        }
        count(accountKey(username), policy.freeAccountFailures(), policy.maxAccountWait(), now);
        count(addressKey(address), policy.freeAddressFailures(), policy.maxAddressWait(), now);
    }

    /** A correct password clears the account (not the address: one success must not reset a scan). */
    public void succeeded(String username) {
        counters.remove(accountKey(username));
    }

    private Duration remaining(String key, Instant now) {
        Counter c = key == null ? null : counters.get(key);
        if (c == null) {
            return Duration.ZERO;
        }
        synchronized (c) {
            return c.blockedUntil.isAfter(now) ? Duration.between(now, c.blockedUntil) : Duration.ZERO;
        }
    }

    private void count(String key, int free, Duration maxWait, Instant now) {
        if (key == null) {
            return;
        }
        Counter c = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (c) {
            if (c.lastFailure != null && c.lastFailure.plus(policy.window()).isBefore(now)) {
                c.failures = 0;
                c.logged = false;
            }
            c.failures++;
            c.lastFailure = now;
            int over = c.failures - free;
            if (over < 0) {
                return;
            }
            // 2 s after the last free failure, doubling with each further one, capped.
            long seconds = Math.min(maxWait.toSeconds(), 2L << Math.min(over, 20));
            c.blockedUntil = now.plusSeconds(seconds);
            if (!c.logged) {
                c.logged = true;
                log.warn("Throttling logins of {} after {} failed attempts", key, c.failures);
            }
        }
    }

    private static String accountKey(String username) {
        return username == null || username.isBlank()
                ? null
                : "account " + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address " + address;
    }
}
