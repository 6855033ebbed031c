package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chart2claim.support.ChildApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real start, as a child JVM: the server answers before the accounts of the empty database are created and
 * before the code books, the search index and the scenario library are loaded (they load in the background), and
 * requests that come at once (logged in as the demo student) wait for them and get the complete answer, never an
 * empty or partial one.
 */
class BackgroundStartChildTest {

    @Test
    void requestsRightAfterTheStartWaitForTheBackgroundWorkAndGetCompleteAnswers(@TempDir Path dataDir)
            throws Exception {
        Path log = Path.of("target", "background-start-child.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        try (ChildApp app = ChildApp.start(dataDir, log)) {
            HttpResponse<String> search = app.send(app.get("/api/codes/search?q=e119&limit=1", "student"));
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(search.body()).contains("\"E11.9\"");
            HttpResponse<String> scenarios = app.send(app.get("/api/scenarios", "student"));
            assertThat(scenarios.statusCode()).isEqualTo(200);
            assertThat(scenarios.body()).contains("pc-004-strep-pharyngitis");

            List<String> lines = awaitLine(log, "Background start done");
            assertThat(lines)
                    .anyMatch(l -> l.contains("Background start done")
                            && l.contains("accounts done")
                            && l.contains("code books done")
                            && l.contains("search index done")
                            && l.contains("scenario library done")
                            && l.contains("question bank done"));
            assertThat(indexOf(lines, "Started Application"))
                    .as("the server was up before the demo accounts, the code books and the index")
                    .isLessThan(indexOf(lines, "Created demo accounts"))
                    .isLessThan(indexOf(lines, "Code books loaded"))
                    .isLessThan(indexOf(lines, "Code search index"))
                    .isLessThan(indexOf(lines, "Scenarios: "));
        }
    }

    private static List<String> awaitLine(Path log, String text) throws Exception {
        long until = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < until) {
            List<String> lines = Files.readAllLines(log);
            if (lines.stream().anyMatch(l -> l.contains(text))) {
                return lines;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no '" + text + "' in " + log);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no '" + text + "' in the log");
    }
}
