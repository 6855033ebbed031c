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
 * Two application servers on one PostgreSQL, as a school behind a load balancer runs them (docs/assessment.md): a
 * student starts an exam on server A, which is killed mid-exam; the student continues on server B with the same
 * answers and deadline; A comes back, and when the deadline passes both servers' pollers race for the auto-submit,
 * which happens exactly once. Runs when {@code CHART2CLAIM_TEST_POSTGRES_URL} names an empty database ({@code .ci/run}
 * starts a throw-away server); skipped otherwise.
 */
class TwoServersExamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anExamSurvivesItsServerAndIsAutoSubmittedOnceAcrossTwoServers(@TempDir Path dirs) throws Exception {
        String url = System.getenv("CHART2CLAIM_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "no PostgreSQL for tests (CHART2CLAIM_TEST_POSTGRES_URL unset)");
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
            ChildApp a = ChildApp.start(dirs.resolve("a"), log, args);
            apps.add(a);
            ChildApp b = ChildApp.start(dirs.resolve("b"), log, args);
            apps.add(b);

            Instant now = Instant.now();
            HttpResponse<String> created = a.send(a.postJson("/api/assessments", "instructor", """
                    {"title":"Two servers","timeLimitMinutes":60,"opensAt":"%s","closesAt":"%s","attemptsAllowed":1,
                     "openBook":false,"shuffle":true,"release":"ON_SUBMIT",
                     "blueprint":[{"domain":"ICD_10_CM","count":2},{"domain":"EVALUATION_MANAGEMENT","count":2}]}""".formatted(
                            now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(4)))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = JSON.readTree(created.body()).get("id").asLong();

            // Server A: start and answer two items.
            HttpResponse<String> started = a.send(a.postJson("/api/assessments/" + id + "/sessions", "student", ""));
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
            JsonNode onB = JSON.readTree(
                    b.send(b.get("/api/assessment-sessions/" + sid, "student")).body());
            assertThat(onB.get("status").asString()).isEqualTo("IN_PROGRESS");
            assertThat(onB.get("deadline").asString()).isEqualTo(deadline);
            assertThat(onB.get("answers").get(0).get("choice").asString()).isEqualTo("A");
            assertThat(onB.get("answers").get(1).get("choice").asString()).isEqualTo("C");
            assertThat(onB.get("answers").get(1).get("flagged").asBoolean()).isTrue();
            assertThat(onB.get("items").toString())
                    .isEqualTo(session.get("items").toString());
            assertThat(b.send(put(b, sid, 3, "{\"choice\":\"B\"}")).statusCode())
                    .isEqualTo(200);

            // A comes back; the deadline is a few seconds away; both pollers race for the auto-submit.
            ChildApp again = ChildApp.start(dirs.resolve("a"), log, args);
            apps.add(again);
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                try (PreparedStatement ps = db.prepareStatement("UPDATE exam_session SET deadline = ? WHERE id = ?")) {
                    ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
                    ps.setString(2, sid);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!"SUBMITTED".equals(status(db, sid)) && System.nanoTime() < until) {
                    Thread.sleep(250);
                }
                assertThat(status(db, sid)).isEqualTo("SUBMITTED");
                Thread.sleep(3_000); // more poller ticks on both servers: nothing may happen twice
                assertThat(count(
                                db,
                                "SELECT COUNT(*) FROM exam_session_event WHERE session_id = ? AND kind = 'AUTO_SUBMITTED'",
                                sid))
                        .isEqualTo(1);
                assertThat(count(
                                db,
                                "SELECT COUNT(*) FROM exam_session_event WHERE session_id = ? AND kind LIKE '%SUBMITTED'",
                                sid))
                        .isEqualTo(1);
            }
            // Both servers tell the same story, and a late answer is refused on either.
            for (ChildApp app : List.of(again, b)) {
                JsonNode after = JSON.readTree(app.send(app.get("/api/assessment-sessions/" + sid, "student"))
                        .body());
                assertThat(after.get("status").asString()).isEqualTo("SUBMITTED");
                assertThat(after.get("answers").get(2).get("choice").asString()).isEqualTo("B");
                assertThat(app.send(put(app, sid, 4, "{\"choice\":\"A\"}")).statusCode())
                        .isEqualTo(409);
            }
        } finally {
            for (ChildApp app : apps) {
                app.close();
            }
        }
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
