package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
 * Benchmark (tag "bench"): a claim file close to the 32 MB body limit (50,000 claims, about 30 MB of 837P) through
 * {@code POST /api/payer/claims} of the app running in a child JVM with a small heap ({@code -Xmx256m}, settable with
 * {@code -Dmemory.bench.heap=}). The app alone keeps about 100 MB live once started (code books, search index,
 * scenarios); the file, its claims and their answers held whole would need several times the rest (the code before
 * the file was streamed runs out of memory), while read as it arrives, 500 claims at a time, with the answer spooled
 * to disk, it is answered in full: every claim in the 835. Run: {@code ./mvnw test -Pbench
 * -Dtest=ClaimFileMemoryBench}
 */
@Tag("bench")
class ClaimFileMemoryBench {
    static final int CLAIMS = Integer.getInteger("memory.bench.claims", 50_000);

    @Test
    void aFileMuchLargerThanTheHeapAllowsWholeIsAnsweredInFull(@TempDir Path dataDir) throws Exception {
        Iterator<Claim> generator = generator();
        List<Claim> claims = new ArrayList<>(CLAIMS);
        while (claims.size() < CLAIMS) {
            claims.add(generator.next());
        }
        ByteArrayOutputStream x12 = new ByteArrayOutputStream();
        new Claim837Writer()
                .write(claims, new X12Envelope("BENCH", "SIMPAYER", 1, LocalDateTime.of(2026, 4, 1, 8, 0), 'T'), x12);
        claims.clear();
        Sent sent = send(dataDir, "837P", CLAIMS, "application/edi-x12", x12.toByteArray(), "CLP*");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.claims()).isEqualTo(CLAIMS - sent.rejected());
    }

    /**
     * The same for claim JSON ({@code {"claims":[...]}}, answer as JSON): as many generated claims as fit in about 30 MB
     * of JSON (fewer than the 837P holds: JSON is wordier). Read whole, the body (a 30 MB string) and its tree did not
     * fit next to the app; read one claim at a time, every claim is answered.
     */
    @Test
    void aJsonFileNearTheBodyLimitIsAnsweredInFull(@TempDir Path dataDir) throws Exception {
        Iterator<Claim> generator = generator();
        List<Claim> claims = new ArrayList<>();
        long size = 0;
        while (size < 30_000_000L) {
            Claim claim = generator.next();
            size += Json.MAPPER.writeValueAsBytes(claim).length + 1;
            claims.add(claim);
        }
        byte[] file = Json.MAPPER.writeValueAsBytes(java.util.Map.of("claims", claims));
        int count = claims.size();
        claims.clear();
        Sent sent = send(dataDir, "JSON", count, "application/json", file, "\"payerClaimNumber\":");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.claims()).isEqualTo(count);
    }

    private static Iterator<Claim> generator() {
        List<Member> members = PayerFixtures.rules().members().stream()
                .filter(m -> m.coverageEnd() == null)
                .toList();
        return PayerPipelineBench.generated(members, new Random(42));
    }

    /** What came back: status, answered claims (counted as the answer arrived), claims the 835 left out. */
    private record Sent(int status, long claims, long rejected) {}

    /**
     * Posts {@code file} to the app in a child JVM with the small heap, answered in the same format ({@code type}),
     * and counts the claims of the answer ({@code perClaim} once per claim) as it arrives.
     */
    private static Sent send(Path dataDir, String format, int claims, String type, byte[] file, String perClaim)
            throws Exception {
        String heap = System.getProperty("memory.bench.heap", "256m");
        BenchSupport.report(String.format(
                "memory bench: %s, %d claims, %.1f MB, child heap -Xmx%s, load average %.1f",
                format,
                claims,
                file.length / 1e6,
                heap,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Path log = Path.of("target", "memory-bench-" + format + "-child.log").toAbsolutePath();
        Files.deleteIfExists(log);
        try (ChildApp app = ChildApp.start(
                dataDir, log, List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + log + ".gc"))) {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = app.send(
                    app.request("/api/payer/claims?ledger=memory&receivedOn=2026-04-10", "student")
                            .header("Content-Type", type)
                            .header("Accept", type)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long[] counted = count(response.body(), perClaim);
            BenchSupport.report(String.format(
                    "memory bench: %s: HTTP %d after %.1f s, answer of %.1f MB with %d claims, server CPU %.1f s",
                    format,
                    response.statusCode(),
                    (System.nanoTime() - start) / 1e9,
                    counted[1] / 1e6,
                    counted[0],
                    app.cpuSeconds()));
            return new Sent(
                    response.statusCode(),
                    counted[0],
                    Long.parseLong(
                            response.headers().firstValue("X-Rejected-Claims").orElse("0")));
        }
    }

    /** Occurrences of {@code text} (ASCII, no repeated prefix) in a body read as it arrives, and its bytes. */
    private static long[] count(InputStream in, String text) throws Exception {
        byte[] wanted = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long found = 0;
        long bytes = 0;
        int matched = 0;
        try (InputStream body = new BufferedInputStream(in, 64 * 1024)) {
            for (int b = body.read(); b >= 0; b = body.read()) {
                bytes++;
                matched = b == wanted[matched] ? matched + 1 : (b == wanted[0] ? 1 : 0);
                if (matched == wanted.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return new long[] {found, bytes};
    }
}
