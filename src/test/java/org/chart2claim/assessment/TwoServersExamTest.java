package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.support.ChildApp;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application servers on one PostgreSQL, as a school behind a load balancer runs them (docs/assessment.md).
 * Both servers are started once. While both run, several sessions reach their deadline at the
 * same moment and both servers' pollers race for them: each is auto-submitted exactly once. Then a student starts
 * an exam on server A, which is killed (SIGKILL) mid-exam; the student continues on server B with the same items,
 * answers, flag and deadline; at the deadline B auto-submits the session exactly once, and a late answer is refused.
 * Runs when {@code CHART2CLAIM_TEST_POSTGRES_URL} names an empty database ({@code .ci/run} starts a throw-away
 * server); skipped otherwise. Two application starts (it used to restart A for the race: three).
 */
class TwoServersExamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Sessions whose deadlines pass at the same instant while both servers poll. */
    private static final int RACED = 4;

    @Test
    void anExamSurvivesItsServerAndIsAutoSubmittedOnceAcrossTwoServers(@TempDir Path dirs) throws Exception {
        String url = System.getenv("CHART2CLAIM_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "no PostgreSQL for tests (CHART2CLAIM_TEST_POSTGRES_URL unset)");
        long t0 = System.nanoTime();
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .cleanDisabled(false)
                .load()
                .clean();
        Path log = Path.of("target", "two-servers.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        String[] args = {
            "--spring.profiles.active=postgres",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--chart2claim.questions-dir="
                    + Path.of("target/test-classes/questions-sample").toAbsolutePath(),
            "--chart2claim.assessment.auto-submit-interval=1s"
        };
        List<ChildApp> apps = new ArrayList<>();
        try {
            // Each server is started once (one after the other: on two busy cores two starts at once took
            // longer than ChildApp's 300 s limit).
            ChildApp a = ChildApp.start(dirs.resolve("a"), log, args);
            apps.add(a);
            ChildApp b = ChildApp.start(dirs.resolve("b"), log, args);
            apps.add(b);
            System.out.printf(
                    "[two-servers] started A in %.1f s, B in %.1f s (%.1f s since the test began)%n",
                    a.secondsToReady(), b.secondsToReady(), (System.nanoTime() - t0) / 1e9);

            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                // While both servers run: several sessions (one per exam, started on either server) reach their
                // deadline at the same instant; the two pollers race and each session is submitted exactly once.
                List<String> raced = new ArrayList<>();
                for (int i = 0; i < RACED; i++) {
                    ChildApp on = i % 2 == 0 ? a : b;
                    long exam = exam(on, "Race " + i);
                    HttpResponse<String> started =
                            on.send(on.postJson("/api/assessments/" + exam + "/sessions", "student", ""));
                    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                    String sid = JSON.readTree(started.body()).get("sessionId").asString();
                    assertThat(on.send(put(on, sid, 1, "{\"choice\":\"A\"}")).statusCode())
                            .isEqualTo(200);
                    raced.add(sid);
                }
                try (PreparedStatement ps =
                        db.prepareStatement("UPDATE exam_session SET deadline = ? WHERE id IN (?, ?, ?, ?)")) {
                    ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
                    for (int i = 0; i < RACED; i++) {
                        ps.setString(2 + i, raced.get(i));
                    }
                    assertThat(ps.executeUpdate()).isEqualTo(RACED);
                }
                awaitSubmitted(db, raced);
                Thread.sleep(3_000); // more poller ticks on both servers: nothing may happen twice
                for (String sid : raced) {
                    assertThat(count(db, AUTO_SUBMITTED, sid)).as(sid).isEqualTo(1);
                    assertThat(count(db, ANY_SUBMITTED, sid)).as(sid).isEqualTo(1);
                }
                System.out.println("[two-servers] raced sessions submitted by " + submitters(db, raced));

                // Server A: start an exam and answer two items; B sees the same session while A runs.
                long id = exam(a, "Two servers");
                HttpResponse<String> started =
                        a.send(a.postJson("/api/assessments/" + id + "/sessions", "student", ""));
                assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                JsonNode session = JSON.readTree(started.body());
                String sid = session.get("sessionId").asString();
                String deadline = session.get("deadline").asString();
                assertThat(a.send(put(a, sid, 1, "{\"choice\":\"A\"}")).statusCode())
                        .isEqualTo(200);
                assertThat(a.send(put(a, sid, 2, "{\"choice\":\"C\",\"flagged\":true}"))
                                .statusCode())
                        .isEqualTo(200);

                a.kill(); // mid-exam, no shutdown
                apps.remove(a);

                // Server B: the same session, answers and deadline; the student carries on.
                JsonNode onB = JSON.readTree(b.send(b.get("/api/assessment-sessions/" + sid, "student"))
                        .body());
                assertThat(onB.get("status").asString()).isEqualTo("IN_PROGRESS");
                assertThat(onB.get("deadline").asString()).isEqualTo(deadline);
                assertThat(onB.get("answers").get(0).get("choice").asString()).isEqualTo("A");
                assertThat(onB.get("answers").get(1).get("choice").asString()).isEqualTo("C");
                assertThat(onB.get("answers").get(1).get("flagged").asBoolean()).isTrue();
                assertThat(onB.get("items").toString())
                        .isEqualTo(session.get("items").toString());
                assertThat(b.send(put(b, sid, 3, "{\"choice\":\"B\"}")).statusCode())
                        .isEqualTo(200);

                // The deadline comes a few seconds later: the surviving server submits the session, once.
                try (PreparedStatement ps = db.prepareStatement("UPDATE exam_session SET deadline = ? WHERE id = ?")) {
                    ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
                    ps.setString(2, sid);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                awaitSubmitted(db, List.of(sid));
                Thread.sleep(3_000);
                assertThat(count(db, AUTO_SUBMITTED, sid)).isEqualTo(1);
                assertThat(count(db, ANY_SUBMITTED, sid)).isEqualTo(1);

                JsonNode after = JSON.readTree(b.send(b.get("/api/assessment-sessions/" + sid, "student"))
                        .body());
                assertThat(after.get("status").asString()).isEqualTo("SUBMITTED");
                assertThat(after.get("answers").get(0).get("choice").asString()).isEqualTo("A");
                assertThat(after.get("answers").get(2).get("choice").asString()).isEqualTo("B");
                assertThat(b.send(put(b, sid, 4, "{\"choice\":\"A\"}")).statusCode())
                        .isEqualTo(409);
            }
            System.out.printf("[two-servers] whole test %.1f s%n", (System.nanoTime() - t0) / 1e9);
        } finally {
            for (ChildApp app : apps) {
                app.close();
            }
        }
    }

    private static final String AUTO_SUBMITTED =
            "SELECT COUNT(*) FROM exam_session_event WHERE session_id = ? AND kind = 'AUTO_SUBMITTED'";
    private static final String ANY_SUBMITTED =
            "SELECT COUNT(*) FROM exam_session_event WHERE session_id = ? AND kind LIKE '%SUBMITTED'";

    /** An exam of four questions from the sample bank, open now, created through the instructor's API. */
    private static long exam(ChildApp app, String title) throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> created = app.send(app.postJson("/api/assessments", "instructor", """
                {"title":"%s","timeLimitMinutes":60,"opensAt":"%s","closesAt":"%s","attemptsAllowed":1,
                 "openBook":false,"shuffle":true,"release":"ON_SUBMIT",
                 "blueprint":[{"domain":"ICD_10_CM","count":2},{"domain":"EVALUATION_MANAGEMENT","count":2}]}""".formatted(
                        title, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(4)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static void awaitSubmitted(Connection db, List<String> sids) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            boolean all = true;
            for (String sid : sids) {
                all &= "SUBMITTED".equals(status(db, sid));
            }
            if (all) {
                return;
            }
            Thread.sleep(250);
        }
        for (String sid : sids) {
            assertThat(status(db, sid)).as(sid).isEqualTo("SUBMITTED");
        }
    }

    /** Which server (pid@host) wrote each AUTO_SUBMITTED line: shows that both pollers took part. */
    private static List<String> submitters(Connection db, List<String> sids) throws Exception {
        List<String> out = new ArrayList<>();
        for (String sid : sids) {
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT server_name FROM exam_session_event WHERE session_id = ? AND kind = 'AUTO_SUBMITTED'")) {
                ps.setString(1, sid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static HttpRequest put(ChildApp app, String sid, int position, String json) {
        return app.request("/api/assessment-sessions/" + sid + "/answers/" + position, "student")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static String status(Connection db, String sid) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("SELECT status FROM exam_session WHERE id = ?")) {
            ps.setString(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection db, String sql, String sid) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
