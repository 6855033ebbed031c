package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * now full ledger (every line a duplicate), the 10,000 into a new empty ledger of the now warm server, and 10
 * files of 1,000. Each request's server CPU is also split by thread: request, GC, JIT and other. With
 * {@code -Dledger.bench.jfr=file.jfr} the server records a JFR profile; {@code -Dledger.bench.quick=true} stops
 * after the first 10,000. The baseline in the same run is the
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
        // -Dledger.bench.baseline=false: without it (repeated cold runs compare builds run one after another)
        for (int round = 1;
                round <= (Boolean.parseBoolean(System.getProperty("ledger.bench.baseline", "true")) ? 2 : 0);
                round++) {
            long start = System.nanoTime();
            long cpu = PayerPipelineBench.cpu();
            int[] n = {0};
            Claim837Reader.read(
                    new ByteArrayInputStream(file), pc -> PayerPipelineBench.adjudicate(adjudicator, pc, "B" + n[0]++));
            report(String.format(
                    "ledger bench: baseline in-process parse + adjudicate (round %d): %.2f s wall, %.1f s thread CPU",
                    round, (System.nanoTime() - start) / 1e9, (PayerPipelineBench.cpu() - cpu) / 1e9));
        }

        // -Dledger.bench.colds=N: N servers one after another, each started on a new data folder (and a new
        // PostgreSQL database): the cold-server file N times, so its spread shows
        int colds = Integer.getInteger("ledger.bench.colds", 1);
        for (int run = 1; run <= colds; run++) {
            if (colds > 1) {
                report("ledger bench: server " + run + " of " + colds);
            }
            server(colds == 1 ? dataDir : dataDir.resolve("server-" + run), file, claims);
        }
    }

    /** One server (a child JVM on {@code dataDir}) and the files posted to it. */
    private static void server(Path dataDir, byte[] file, List<Claim> claims) throws Exception {
        Path log = Path.of("target", "ledger-bench-child.log").toAbsolutePath();
        Files.deleteIfExists(log);
        Files.deleteIfExists(GC_LOG);
        Files.createDirectories(dataDir);
        gcLinesSeen = 0;
        // the heap after each collection, to show what a request keeps (see heapAfterGc)
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Xlog:gc:file=" + GC_LOG));
        String jfr = System.getProperty("ledger.bench.jfr", "");
        if (!jfr.isBlank()) {
            // profile the server: jfr print --events jdk.ExecutionSample <file>
            jvm.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath()
                    + ",settings=profile,jdk.CPUTimeSample#enabled=true");
            jvm.add("-XX:FlightRecorderOptions:stackdepth=512");
        }
        List<String> args = new ArrayList<>(List.of(database()));
        String extra = System.getProperty("ledger.bench.args", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+"))); // experiments: settings of the app under test
        }
        try (ChildApp app = ChildApp.start(dataDir, log, jvm, args.toArray(String[]::new))) {
            report(String.format(
                    "ledger bench: app ready after %.1f s (-Xmx512m, %s)",
                    app.secondsToReady(),
                    System.getProperty("ledger.bench.postgres", "").isBlank() ? "H2 file" : "PostgreSQL"));
            if (Boolean.getBoolean("ledger.bench.settled")) {
                // the first start on a new data folder builds the search index in the background for 15-35 s; with
                // this the files wait for it, so only the claim path is cold
                long waited = System.nanoTime();
                while (!Files.readString(log).contains("Background start done")) {
                    Thread.sleep(200);
                }
                report(String.format(
                        "ledger bench: waited %.1f s for the background start to end",
                        (System.nanoTime() - waited) / 1e9));
            }
            post(app, "warm-up", x12(claims.subList(0, 500)), "warm-up: 500 claims, empty ledger");
            if (Boolean.getBoolean("ledger.bench.beyondCapOnly")) {
                beyondTheCap(app, file, claims, 0);
                return;
            }
            String firstAnswer = post(app, "bench", file, "10,000 claims into an empty ledger");
            if (Boolean.getBoolean("ledger.bench.quick")) {
                return; // profiling runs: only the single file into the empty ledger
            }
            post(app, "bench", file, "the same 10,000 again, ledger holds 10,000 (all duplicates)");
            String warmAnswer = post(app, "warm", file, "10,000 claims into a new empty ledger, warm server");
            // the payer decides the same file the same way: the same answer as the first file, apart from the ids
            assertThat(warmAnswer).isEqualTo(firstAnswer);
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
            if (Boolean.parseBoolean(System.getProperty("ledger.bench.beyondCap", "true"))) {
                beyondTheCap(app, file, claims, 2);
            }
        }
    }

    /**
     * Files into a ledger whose history has more lines than a submission may hold in memory
     * ({@link LedgerHistory#MAX_PREPARED_LINES}): the same 10,000 claims posted into ledger "bench" (which holds
     * {@code filesAlready} of them) until it holds more lines than that, then once more; each file's time and the
     * server's heap after its collections.
     */
    private static void beyondTheCap(ChildApp app, byte[] file, List<Claim> claims, int filesAlready) throws Exception {
        int lines = claims.stream().mapToInt(c -> c.lines().size()).sum();
        int files = filesAlready;
        while ((long) files * lines <= LedgerHistory.MAX_PREPARED_LINES) {
            post(app, "bench", file, String.format("filling: ledger holds %,d lines", (long) files * lines));
            files++;
        }
        post(
                app,
                "bench",
                file,
                String.format(
                        "**beyond the cap**: ledger holds %,d lines (cap %,d)",
                        (long) files * lines, LedgerHistory.MAX_PREPARED_LINES));
    }

    private static final Path GC_LOG = Path.of("target", "ledger-bench-gc.log").toAbsolutePath();

    /** GC log lines read so far (each request reports the collections after it). */
    private static int gcLinesSeen;

    /**
     * The collections logged since the last call: how many, how many full, and the most heap still in use after one
     * (what the server kept while it worked), e.g. "41 GCs (0 full), heap after GC at most 180 MB".
     */
    private static String heapAfterGc() throws IOException {
        if (!Files.exists(GC_LOG)) {
            return "no GC log";
        }
        List<String> all = Files.readAllLines(GC_LOG);
        Pattern pause = Pattern.compile("Pause (Young|Full|Remark|Cleanup).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
        int gcs = 0;
        int full = 0;
        int maxAfter = 0;
        for (String line : all.subList(Math.min(gcLinesSeen, all.size()), all.size())) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                gcs++;
                full += m.group(1).equals("Full") ? 1 : 0;
                maxAfter = Math.max(maxAfter, Integer.parseInt(m.group(3)));
            }
        }
        gcLinesSeen = all.size();
        return String.format("%d GCs (%d full), heap after GC at most %d MB", gcs, full, maxAfter);
    }

    /**
     * The server's database: the H2 file in the data folder, or with {@code -Dledger.bench.postgres=jdbc:postgresql://
     * host:port/} a new empty database on that PostgreSQL server (user postgres, no password), made for this run.
     */
    /** The PostgreSQL database of the run (null on H2). */
    private static String database;

    /**
     * CPU seconds the PostgreSQL server has used so far in its processes (every backend and background worker it
     * lists, from /proc): on PostgreSQL the database works outside the app's JVM. 0 on H2.
     */
    private static double databaseCpuSeconds() {
        if (database == null) {
            return 0;
        }
        double seconds = 0;
        try (Connection c = DriverManager.getConnection(database, "postgres", "");
                Statement s = c.createStatement();
                java.sql.ResultSet pids = s.executeQuery("SELECT pid FROM pg_stat_activity")) {
            while (pids.next()) {
                try {
                    String[] stat = Files.readString(Path.of("/proc", String.valueOf(pids.getInt(1)), "stat"))
                            .replaceFirst("^.*\\) ", "")
                            .split(" ");
                    seconds += (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile, or not on this machine
                }
            }
        } catch (java.sql.SQLException e) {
            return -1;
        }
        return seconds;
    }

    private static String[] database() throws Exception {
        String server = System.getProperty("ledger.bench.postgres", "");
        if (server.isBlank()) {
            return new String[0];
        }
        String name = "ledger_bench_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        report("ledger bench: PostgreSQL database " + server + name);
        database = server + name;
        return new String[] {
            "--spring.profiles.active=postgres",
            "--spring.datasource.url=" + server + name,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password="
        };
    }

    /**
     * Posts one file and reports its cost; answers a digest of the answer with the payer claim numbers (record
     * ids, which differ between ledgers and runs) numbered in order of appearance, so two runs of the bench, or
     * two ledgers of one run, can be compared.
     */
    private static String post(ChildApp app, String ledger, byte[] x12, String label) throws Exception {
        heapAfterGc(); // skip the collections before this request
        Map<String, Long> threadsBefore = threadTicks();
        double cpu = app.cpuSeconds();
        double databaseCpu = databaseCpuSeconds();
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
        report("ledger bench:   " + heapAfterGc());
        report("ledger bench:   server CPU by thread: " + threadBreakdown(threadsBefore, threadTicks())
                + (database == null
                        ? ""
                        : String.format(", PostgreSQL processes %.1f s", databaseCpuSeconds() - databaseCpu)));
        String digest = digest(response.body());
        report("ledger bench:   answer digest (payer claim numbers in order of appearance): " + digest);
        return digest;
    }

    static String digest(String answer) throws Exception {
        Map<String, String> numbers = new HashMap<>();
        Matcher m = Pattern.compile("SIM\\d{8}").matcher(answer);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, numbers.computeIfAbsent(m.group(), k -> "N" + numbers.size()));
        }
        byte[] sha = MessageDigest.getInstance("SHA-256")
                .digest(m.appendTail(out).toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha, 0, 8);
    }

    /**
     * CPU ticks (1/100 s) per thread of the child JVM, from /proc: the request thread, GC, JIT and the rest
     * can then be told apart (empty where /proc is missing).
     */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        ProcessHandle.current().children().forEach(child -> {
            Path tasks = Path.of("/proc", String.valueOf(child.pid()), "task");
            try (Stream<Path> list = Files.list(tasks)) {
                list.forEach(task -> {
                    try {
                        String[] stat = Files.readString(task.resolve("stat"))
                                .replaceFirst("^.*\\) ", "")
                                .split(" ");
                        String name = Files.readString(task.resolve("comm")).trim();
                        ticks.merge(
                                name + "#" + task.getFileName(),
                                Long.parseLong(stat[11]) + Long.parseLong(stat[12]),
                                Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended meanwhile
                    }
                });
            } catch (IOException noProc) {
                // not Linux
            }
        });
        return ticks;
    }

    private static String threadBreakdown(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String group : List.of("request", "GC", "JIT", "other")) {
            groups.put(group, 0L);
        }
        after.forEach((thread, ticks) -> {
            long used = ticks - before.getOrDefault(thread, 0L);
            String name = thread.substring(0, thread.lastIndexOf('#'));
            String group;
            if (name.startsWith("http-nio")) {
                group = "request";
            } else if (name.startsWith("G1") || name.startsWith("GC Thread") || name.equals("VM Thread")) {
                group = "GC";
            } else if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
                group = "JIT";
            } else {
                group = "other";
            }
            groups.merge(group, used, Long::sum);
        });
        StringBuilder out = new StringBuilder();
        groups.forEach((group, ticks) -> out.append(String.format("%s %.1f s, ", group, ticks / 100.0)));
        return out.substring(0, out.length() - 2);
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
