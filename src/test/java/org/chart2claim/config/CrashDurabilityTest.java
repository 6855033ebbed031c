package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chart2claim.support.ChildApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Nothing acknowledged is lost on a crash, and no id is given out twice: the app runs as a child JVM on the
 * file database, clients burst attempts and claims at it, the JVM is killed with SIGKILL in the middle of
 * the burst, restarted, and every row that had been answered 200/201 must be there with its own content;
 * ids given out after the restart are above every acknowledged one.
 */
class CrashDurabilityTest {
    private static final String SCENARIO = "pc-004-strep-pharyngitis";
    private static final int CLIENTS = 4;
    private static final int KILL_AFTER_ACKNOWLEDGED = 150;

    @Test
    void acknowledgedAttemptsAndClaimsSurviveKillNine(@TempDir Path dataDir) throws Exception {
        Path log = Path.of("target", "crash-durability-child.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        // acknowledged id → what that row must hold (the attempt's units, the claim's ledger)
        Map<Long, Integer> attempts = new ConcurrentHashMap<>();
        Map<Long, String> claims = new ConcurrentHashMap<>();

        ChildApp app = ChildApp.start(dataDir, log);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                boolean claimClient = c % 2 == 1;
                clients.submit(() -> {
                    while (!stop.get()) {
                        int n = sequence.incrementAndGet();
                        try {
                            if (claimClient) {
                                submitClaim(app, n, claims);
                            } else {
                                submitAttempt(app, n, attempts);
                            }
                        } catch (Exception killed) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (attempts.size() + claims.size() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            app.kill(); // while the clients are still sending
        } finally {
            stop.set(true);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
            app.kill();
        }
        assertThat(attempts).as("acknowledged attempts before the kill").isNotEmpty();
        assertThat(claims).as("acknowledged claims before the kill").isNotEmpty();

        long firstAttemptAfter;
        long firstClaimAfter;
        try (ChildApp restarted = ChildApp.start(dataDir, log)) {
            for (Map.Entry<Long, Integer> acknowledged : attempts.entrySet()) {
                HttpResponse<String> response =
                        restarted.send(restarted.get("/api/attempts/" + acknowledged.getKey(), "student"));
                assertThat(response.statusCode())
                        .as("attempt %d after the restart", acknowledged.getKey())
                        .isEqualTo(200);
            }
            Map<Long, Integer> after = new ConcurrentHashMap<>();
            Map<Long, String> claimsAfter = new ConcurrentHashMap<>();
            submitAttempt(restarted, 1, after);
            submitClaim(restarted, sequence.incrementAndGet(), claimsAfter);
            firstAttemptAfter = after.keySet().iterator().next();
            firstClaimAfter = claimsAfter.keySet().iterator().next();
        }
        assertThat(firstAttemptAfter)
                .as("no attempt id is given out twice")
                .isGreaterThan(attempts.keySet().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElseThrow());
        assertThat(firstClaimAfter)
                .as("no claim id is given out twice")
                .isGreaterThan(claims.keySet().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElseThrow());

        // The database itself, after a clean stop: every acknowledged row with its own content.
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("chart2claim"), "sa", "")) {
            for (Map.Entry<Long, Integer> acknowledged : attempts.entrySet()) {
                assertThat(column(db, "SELECT answer_json FROM coding_attempt WHERE id = ?", acknowledged.getKey()))
                        .as("attempt %d", acknowledged.getKey())
                        .contains("\"units\":" + acknowledged.getValue());
            }
            for (Map.Entry<Long, String> acknowledged : claims.entrySet()) {
                assertThat(column(db, "SELECT ledger FROM payer_claim WHERE id = ?", acknowledged.getKey()))
                        .as("claim %d", acknowledged.getKey())
                        .isEqualTo(acknowledged.getValue());
            }
        }
    }

    private static void submitAttempt(ChildApp app, int n, Map<Long, Integer> acknowledged) throws Exception {
        int units = 1 + n % 9;
        HttpResponse<String> response = app.send(app.postJson(
                "/api/scenarios/" + SCENARIO + "/attempts",
                "student",
                "{\"diagnoses\":[\"J02.0\"],\"procedures\":[{\"code\":\"99213\",\"units\":" + units
                        + ",\"pointers\":[1]}]}"));
        if (response.statusCode() == 201) {
            JsonNode body = Json.MAPPER.readTree(response.body());
            acknowledged.put(body.get("attemptId").asLong(), units);
        }
    }

    private static void submitClaim(ChildApp app, int n, Map<Long, String> acknowledged) throws Exception {
        String ledger = "crash-" + n;
        HttpResponse<String> response = app.send(app.postJson(
                "/api/scenarios/" + SCENARIO + "/claims",
                "student",
                "{\"diagnoses\":[\"J02.0\"],\"procedures\":[{\"code\":\"99213\",\"units\":1,\"pointers\":[1]}],"
                        + "\"ledger\":\"" + ledger + "\"}"));
        if (response.statusCode() == 200) {
            String number = Json.MAPPER
                    .readTree(response.body())
                    .get("claims")
                    .get(0)
                    .get("payerClaimNumber")
                    .asString();
            acknowledged.put(Long.parseLong(number.substring(3)), ledger);
        }
    }

    private static String column(Connection db, String sql, long id) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
