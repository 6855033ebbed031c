package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 on a real web server (Tomcat, Vaadin's servlet, the error dispatch), where every API error used
 * to be an empty 403 and unknown API paths the Vaadin page: the answers are their real statuses with the
 * problem body, and the pages cannot be framed by other sites.
 */
class RealServerErrorsTest {

    private static final String PASSWORD = "real-server-1";

    @Test
    void apiErrorsKeepTheirStatusAndBodyOnARealServer(@TempDir Path dataDir) throws Exception {
        try (StandaloneApp app = StandaloneApp.start(
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(), "--chart2claim.demo-password=" + PASSWORD)) {
            String base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            String basic = "Basic "
                    + Base64.getEncoder().encodeToString(("student:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> unknownPath = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/no/such/path"))
                            .header("Authorization", basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknownPath.statusCode()).isEqualTo(404);
            assertThat(unknownPath.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(unknownPath.body()).contains("\"status\":404").doesNotContain("<html");

            HttpResponse<String> unknownScenario = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/scenarios/no-such-id"))
                            .header("Authorization", basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknownScenario.statusCode()).isEqualTo(404);
            assertThat(unknownScenario.body()).contains("No scenario with id no-such-id");

            HttpResponse<String> malformed = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/scenarios/pc-001-dm2-neuropathy/attempts"))
                            .header("Authorization", basic)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"diagnoses\": ["))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("\"status\":400");

            HttpResponse<String> tooLarge = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/scenarios/pc-001-dm2-neuropathy/attempts"))
                            .header("Authorization", basic)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tooLarge.statusCode()).isEqualTo(413);

            HttpResponse<String> loginPage = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(loginPage.statusCode()).isEqualTo(200);
            assertThat(loginPage.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
            assertThat(loginPage.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'self'"));
            assertThat(loginPage.headers().allValues("Set-Cookie"))
                    .allSatisfy(cookie ->
                            assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly"));
        }
    }
}
