package org.chart2claim.account.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The brute-force brake's rule table, on a hand-driven clock, with its counters in a database made by the V81
 * migration: an in-memory H2 always, and PostgreSQL too when {@code CHART2CLAIM_TEST_POSTGRES_URL} names one (a
 * schema of its own there). Two throttles on one database stand for two servers behind a load balancer.
 */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        cleanUp.forEach(Runnable::run);
    }

    static Stream<String> databases() {
        String postgres = System.getenv("CHART2CLAIM_TEST_POSTGRES_URL");
        return postgres == null || postgres.isBlank() ? Stream.of("h2") : Stream.of("h2", "postgresql");
    }

    /** A fresh database with the V81 table. */
    private DataSource database(String kind) throws Exception {
        DriverManagerDataSource source;
        if (kind.equals("h2")) {
            source = new DriverManagerDataSource("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            cleanUp.add(() -> new JdbcTemplate(source).execute("SHUTDOWN"));
        } else {
            String url = System.getenv("CHART2CLAIM_TEST_POSTGRES_URL");
            String schema = "throttle_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            source = new DriverManagerDataSource(
                    url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, "postgres", "");
            cleanUp.add(() -> new JdbcTemplate(source).execute("DROP SCHEMA " + schema + " CASCADE"));
        }
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V81__login_throttle.sql")).execute(source);
        return source;
    }

    /** One server's throttle on {@code database}. */
    private LoginThrottle server(DataSource database) {
        return new LoginThrottle(
                LoginThrottle.Policy.STANDARD,
                clock,
                new JdbcTemplate(database),
                new DataSourceTransactionManager(database));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAccountWaitsTwoSecondsAfterFiveFailuresAndTheWaitDoublesUpToThirtySeconds(String kind) throws Exception {
        LoginThrottle throttle = server(database(kind));
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

    @ParameterizedTest
    @MethodSource("databases")
    void aClientAddressWaitsAfterFiftyFailuresWhateverTheAccountAtMostAMinute(String kind) throws Exception {
        LoginThrottle throttle = server(database(kind));
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

    @ParameterizedTest
    @MethodSource("databases")
    void aSuccessClearsTheAccountAndOldFailuresAreForgotten(String kind) throws Exception {
        LoginThrottle throttle = server(database(kind));
        for (int i = 0; i < 6; i++) {
            throttle.failed("teacher", "198.51.100." + i);
        }
        assertThat(throttle.check("teacher", "198.51.100.50").retryAfter()).isPositive();
        assertThat(throttle.check("teacher", "198.51.100.50").accountHasFailures())
                .isTrue();
        throttle.succeeded("teacher");
        assertThat(throttle.check("teacher", "198.51.100.50")).isEqualTo(new LoginThrottle.Check(Duration.ZERO, false));
        for (int i = 0; i < 5; i++) {
            throttle.failed("teacher", "198.51.100." + i);
        }
        now = now.plus(Duration.ofMinutes(16));
        throttle.failed("teacher", "198.51.100.9");
        assertThat(throttle.waitFor("teacher", "198.51.100.50"))
                .as("window passed: count restarted")
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoServersOnOneDatabaseCountTheSameFailures(String kind) throws Exception {
        DataSource database = database(kind);
        LoginThrottle a = server(database);
        LoginThrottle b = server(database);
        for (int i = 0; i < 3; i++) {
            a.failed("instructor", "203.0.113." + i);
        }
        for (int i = 3; i < 5; i++) {
            b.failed("instructor", "203.0.113." + i);
        }
        assertThat(a.waitFor("instructor", "192.0.2.1"))
                .as("five failures spread over two servers")
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(b.waitFor("instructor", "192.0.2.1")).isEqualTo(Duration.ofSeconds(2));
        now = now.plusSeconds(3);
        b.succeeded("instructor");
        assertThat(a.check("instructor", "192.0.2.1")).isEqualTo(new LoginThrottle.Check(Duration.ZERO, false));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failuresArrivingAtOnceOnTwoServersAreAllCounted(String kind) throws Exception {
        DataSource database = database(kind);
        List<LoginThrottle> servers = List.of(server(database), server(database));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                LoginThrottle server = servers.get(i % 2);
                String address = "198.18.0." + i;
                attempts.add(() -> {
                    server.failed("admin", address);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(attempts)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new JdbcTemplate(database)
                        .queryForObject(
                                "SELECT failures FROM login_throttle WHERE throttle_key = 'account admin'",
                                Integer.class))
                .isEqualTo(40);
        assertThat(servers.get(0).waitFor("admin", "192.0.2.9")).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rowsThatBlockNothingAndLeftTheWindowAreDeletedAndLongNamesFit(String kind) throws Exception {
        DataSource database = database(kind);
        LoginThrottle throttle = server(database);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        String longName = "x".repeat(10_000);
        for (int i = 0; i < 6; i++) {
            throttle.failed(longName, "192.0.2.200");
        }
        assertThat(throttle.waitFor(longName, "192.0.2.201")).isEqualTo(Duration.ofSeconds(4));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle", Integer.class))
                .isEqualTo(2);
        now = now.plus(Duration.ofMinutes(16));
        throttle.failed("someone", "192.0.2.202");
        assertThat(jdbc.queryForList("SELECT throttle_key FROM login_throttle", String.class))
                .containsExactlyInAnyOrder("account someone", "address 192.0.2.202");
    }
}
