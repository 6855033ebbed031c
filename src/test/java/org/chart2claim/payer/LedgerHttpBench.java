package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.x12.Claim837Reader;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.codebook.importer.bench.BenchSupport;
import org.chart2claim.config.Json;
import org.chart2claim.payer.data.Member;
import org.chart2claim.standard.x12.X12Envelope;
import org.chart2claim.support.ChildApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (tag "bench"): claim files through the HTTP API of the running app (a child JVM with a 512 MB
 * heap, file database), into one ledger: 10,000 claims into an empty ledger, the same 10,000 again into the
 * now full ledger (every line a duplicate), and 10 files of 1,000. The baseline in the same run is the
 * in-process parse + adjudicate of the same file without database or HTTP. Numbers go to
 * docs/PERFORMANCE-payer.md. Run: {@code ./mvnw test -Pbench -Dtest=LedgerHttpBench}
 */
@Tag("bench")
class LedgerHttpBench {
    static final int CLAIMS = 10_000;

    @Test
    void tenThousandClaimsInOneLedgerThroughTheApi(@TempDir Path dataDir) throws Exception {
        List<Member> members = PayerFixtures.rules().members().stream()
                .filter(m -> m.coverageEnd() == null)
                .toList();
        List<Claim> claims = new ArrayList<>();
        Iterator<Claim> generator = PayerPipelineBench.generated(members, new Random(42));
        while (claims.size() < CLAIMS) {
            claims.add(generator.next());
        }
        byte[] file = x12(claims);
        report(String.format(
                "ledger bench: %d claims, 837P %.1f MB, %d cores, load average %.1f",
                CLAIMS,
                file.length / 1e6,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        // Baseline: the same file parsed and adjudicated in this JVM, empty history, no database, no HTTP.
        Adjudicator adjudicator = PayerFixtures.adjudicator();
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            int[] n = {0};
            Claim837Reader.read(
                    new ByteArrayInputStream(file), pc -> PayerPipelineBench.adjudicate(adjudicator, pc, "B" + n[0]++));
            report(String.format(
                    "ledger bench: baseline in-process parse + adjudicate (round %d): %.2f s",
                    round, (System.nanoTime() - start) / 1e9));
        }

        Path log = Path.of("target", "ledger-bench-child.log").toAbsolutePath();
        Files.deleteIfExists(log);
        try (ChildApp app = ChildApp.start(dataDir, log, List.of("-Xmx512m"))) {
            report(String.format("ledger bench: app ready after %.1f s (-Xmx512m)", app.secondsToReady()));
            post(app, "warm-up", x12(claims.subList(0, 500)), "warm-up: 500 claims, empty ledger");
            post(app, "bench", file, "10,000 claims into an empty ledger");
            post(app, "bench", file, "the same 10,000 again, ledger holds 10,000 (all duplicates)");
            long start = System.nanoTime();
            double cpu = app.cpuSeconds();
            for (int part = 0; part < 10; part++) {
                post(
                        app,
                        "thousands",
                        x12(claims.subList(part * 1000, part * 1000 + 1000)),
                        "file " + (part + 1) + " of 10 × 1,000, ledger holds " + part * 1000);
            }
            report(String.format(
                    "ledger bench: 10 files × 1,000 claims into one ledger: %.2f s wall, server CPU %.1f s",
                    (System.nanoTime() - start) / 1e9, app.cpuSeconds() - cpu));
        }
    }

    private static void post(ChildApp app, String ledger, byte[] x12, String label) throws Exception {
        double cpu = app.cpuSeconds();
        long start = System.nanoTime();
        HttpResponse<String> response =
                app.send(app.request("/api/payer/claims?ledger=" + ledger + "&receivedOn=2026-04-10", "student")
                        .header("Content-Type", "application/edi-x12")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(x12))
                        .build());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        int answered = Json.MAPPER.readTree(response.body()).get("claims").size();
        int duplicates = response.body().split("\"carc\":\"18\"", -1).length - 1;
        report(String.format(
                "ledger bench: %s: %.2f s wall, server CPU %.1f s, %d claims answered, %d duplicate lines, answer %.1f MB",
                label,
                seconds,
                app.cpuSeconds() - cpu,
                answered,
                duplicates,
                response.body().length() / 1e6));
    }

    private static byte[] x12(List<Claim> claims) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Claim837Writer()
                .write(claims, new X12Envelope("BENCH", "SIMPAYER", 1, LocalDateTime.of(2026, 4, 1, 8, 0), 'T'), out);
        return out.toByteArray();
    }

    static void report(String line) throws Exception {
        BenchSupport.report(line);
    }
}
