package org.chart2claim.account.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force brake for both doors (login form and API Basic). Failures are counted per account and per
 * client address over a window; once its free failures are used up the key must wait (2 s) before its next
 * attempt, and the wait doubles with every further failure up to a short cap. A waiting key is refused before its
 * password is checked, so a flood costs no BCrypt time. An account's wait never exceeds
 * {@link Policy#maxAccountWait()} (an attacker cannot lock a real user out for long), and a successful login
 * clears the account's count. Every first refusal of a key is logged.
 *
 * <p>The counters live in the database (table {@code login_throttle}, V81), not in this server's memory: servers
 * behind a load balancer on one database see the same count, and a restart forgets nothing. A failure is counted
 * with one row update (the database serialises concurrent ones, so none is lost), a check is one primary-key read of
 * at most two rows. Rows whose window has passed and that block nothing are deleted, at most once a minute per server.
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Keys longer than this (an attacker's 10,000-character user name) are stored as their SHA-256. */
    static final int MAX_KEY = 200;

    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);

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

    /**
     * What a login attempt may do now.
     *
     * @param retryAfter          how long it must still wait (zero: it may try now)
     * @param accountHasFailures  the account has counted failures, so a success must clear them
     */
    public record Check(Duration retryAfter, boolean accountHasFailures) {}

    private final Policy policy;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AtomicLong lastCleaned = new AtomicLong(Long.MIN_VALUE);

    public LoginThrottle(Policy policy, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.policy = policy;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** How long {@code username} from {@code address} must still wait; zero when it may try now. */
    public Duration waitFor(String username, String address) {
        return check(username, address).retryAfter();
    }

    /**
     * The wait of the account and the address (the longer one), read from the database. Should the database fail
     * here, the attempt is let through to the password check (which asks the same database) and the fault logged.
     */
    public Check check(String username, String address) {
        String account = accountKey(username);
        String client = addressKey(address);
        if (account == null && client == null) {
            return new Check(Duration.ZERO, false);
        }
        long now = clock.millis();
        long until = Long.MIN_VALUE;
        boolean accountHasFailures = false;
        try {
            for (Object[] row : jdbc.query(
                    "SELECT throttle_key, blocked_until_ms FROM login_throttle WHERE throttle_key IN (?, ?)",
                    (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)},
                    account == null ? client : account,
                    client == null ? account : client)) {
                until = Math.max(until, (Long) row[1]);
                accountHasFailures |= row[0].equals(account);
            }
        } catch (DataAccessException e) {
            log.warn("Login throttle not readable, attempt let through to the password check: {}", e.getMessage());
            return new Check(Duration.ZERO, false);
        }
        return new Check(until > now ? Duration.ofMillis(until - now) : Duration.ZERO, accountHasFailures);
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        try {
            count(accountKey(username), policy.freeAccountFailures(), policy.maxAccountWait(), now);
            count(addressKey(address), policy.freeAddressFailures(), policy.maxAddressWait(), now);
            cleanOldRows(now);
        } catch (DataAccessException e) {
            log.warn("Failed login of {} from {} not counted: {}", username, address, e.getMessage());
        }
    }

    /** A correct password clears the account (not the address: one success must not reset a scan). */
    public void succeeded(String username) {
        String account = accountKey(username);
        if (account == null) {
            return;
        }
        try {
            jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", account);
        } catch (DataAccessException e) {
            log.warn("Failed logins of {} not cleared: {}", username, e.getMessage());
        }
    }

    /**
     * Counts one failure of {@code key} in one transaction: the row update holds the row until commit, so the
     * failures of several servers add up exactly. The first failure of a key inserts its row; when another server
     * inserted it at the same moment the insert fails and the count is made again as an update.
     */
    private void count(String key, int free, Duration maxWait, long now) {
        if (key == null) {
            return;
        }
        long windowStart = now - policy.window().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> countInTransaction(key, free, maxWait, now, windowStart));
                return;
            } catch (DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    private void countInTransaction(String key, int free, Duration maxWait, long now, long windowStart) {
        // a window that passed starts the count again (every SET sees the row as it was before the update)
        int updated = jdbc.update(
                "UPDATE login_throttle SET failures = CASE WHEN last_failure_ms < ? THEN 1 ELSE failures + 1 END,"
                        + " logged = CASE WHEN last_failure_ms < ? THEN FALSE ELSE logged END, last_failure_ms = ?"
                        + " WHERE throttle_key = ?",
                windowStart,
                windowStart,
                now,
                key);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO login_throttle (throttle_key, failures, last_failure_ms, blocked_until_ms, logged)"
                            + " VALUES (?, 1, ?, ?, FALSE)",
                    key,
                    now,
                    Long.MIN_VALUE);
        }
        List<Object[]> rows = jdbc.query(
                "SELECT failures, logged FROM login_throttle WHERE throttle_key = ?",
                (rs, n) -> new Object[] {rs.getInt(1), rs.getBoolean(2)},
                key);
        int failures = (Integer) rows.getFirst()[0];
        boolean logged = (Boolean) rows.getFirst()[1];
        int over = failures - free;
        if (over < 0) {
            return;
        }
        // 2 s after the last free failure, doubling with each further one, capped.
        long seconds = Math.min(maxWait.toSeconds(), 2L << Math.min(over, 20));
        jdbc.update(
                "UPDATE login_throttle SET blocked_until_ms = ?, logged = TRUE WHERE throttle_key = ?",
                now + seconds * 1000,
                key);
        if (!logged) {
            log.warn("Throttling logins of {} after {} failed attempts", key, failures);
        }
    }

    /** Deletes rows whose window has passed and that block nothing any more (at most once a minute per server). */
    private void cleanOldRows(long now) {
        long last = lastCleaned.get();
        if (last != Long.MIN_VALUE && now - last < CLEAN_EVERY.toMillis()) {
            return;
        }
        if (!lastCleaned.compareAndSet(last, now)) {
            return; // another thread of this server cleans
        }
        int deleted = jdbc.update(
                "DELETE FROM login_throttle WHERE last_failure_ms < ? AND blocked_until_ms < ?",
                now - policy.window().toMillis(),
                now);
        if (deleted > 0) {
            log.debug("Forgot {} login throttle rows older than {}", deleted, policy.window());
        }
    }

    private static String accountKey(String username) {
        return username == null || username.isBlank()
                ? null
                : key("account ", username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : key("address ", address);
    }

    private static String key(String kind, String value) {
        if (kind.length() + value.length() <= MAX_KEY) {
            return kind + value;
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return kind + "sha256 " + HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
