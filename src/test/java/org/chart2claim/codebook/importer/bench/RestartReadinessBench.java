package org.chart2claim.codebook.importer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.chart2claim.Application;
import org.chart2claim.config.SelfLaunch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Restart with an imported code set: imports FY2026 + HCPCS 2020 with the {@code import-codebooks}
 * command into a fresh data folder, then starts the application three times and measures the time from
 * process start until the login page answers 200. The first start after an import builds the search
 * index for the imported books; the next ones must only open it (no re-import, no re-index).
 *
 * <p>The second bench does the same with the production jar, started as the README says: plain
 * {@code java -jar}, then extracted with a class-data-sharing archive, then extracted with a JDK 25 AOT
 * cache ({@code -Drestart.bench.plain-only=true}: only the plain starts; {@code -Drestart.bench.baseline-jar=PATH}: another
 * build's jar started plainly too, alternating, as a baseline in the same run). It runs when {@code target/} holds a
 * production jar:
 * {@code ./mvnw -Pproduction -DskipTests package && ./mvnw test -Pbench -Dtest=RestartReadinessBench}.
 */
@Tag("bench")
class RestartReadinessBench {

    private static final String DEMO_PASSWORD = "DEMO_PASSWORD=run-modes-1";
    private static final String KEYSTORE_PASSWORD = "run-modes-1";
    /** The imported fixture book (recorded in the H2 database) answers "cholera" with A00. */
    private static final String IMPORTED_CHOLERA = "\"A00";
    /** config.SelfLaunch's line when it started the server in a child JVM. */
    private static final String LAUNCHED = "started the server in a child JVM";

    @Test
    void readyAfterRestartWithoutReimport() throws Exception {
        Path order = BenchSupport.REFERENCE
                .resolve("icd10cm-2026/icd10cm_order_2026.txt")
                .toAbsolutePath();
        Path hcpcs = BenchSupport.REFERENCE
                .resolve("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt")
                .toAbsolutePath();
        assumeTrue(Files.exists(order) && Files.exists(hcpcs), "reference data absent");
        Path data = Path.of("target", "bench-restart-data").toAbsolutePath();
        deleteTree(data);

        long importStart = System.nanoTime();
        Process importRun = start(
                data,
                0,
                Path.of("target", "bench-restart-import.log"),
                "import-codebooks",
                order.toString(),
                hcpcs.toString());
        assertThat(importRun.waitFor()).isZero();
        BenchSupport.report(String.format(
                "restart bench: import-codebooks command (JVM start to exit) %.1f s; log %s",
                (System.nanoTime() - importStart) / 1e9, Path.of("target", "bench-restart-import.log")));

        // Baseline: the same app with the curated books only (second start, after the first created everything).
        Path curatedOnly = Path.of("target", "bench-restart-curated").toAbsolutePath();
        deleteTree(curatedOnly);
        for (int run = 1; run <= 2; run++) {
            int port = freePort();
            long start = System.nanoTime();
            Process app = start(curatedOnly, port, Path.of("target", "bench-restart-curated" + run + ".log"));
            try {
                double seconds = waitForLogin(port, start, app);
                BenchSupport.report(String.format(
                        "baseline curated books only, start %d: login page served after %.1f s", run, seconds));
            } finally {
                app.destroy();
                app.waitFor();
            }
        }

        for (int run = 1; run <= 3; run++) {
            int port = freePort();
            Path log = Path.of("target", "bench-restart-run" + run + ".log");
            long start = System.nanoTime();
            Process app = start(data, port, log);
            try {
                double seconds = waitForLogin(port, start, app);
                double cpu = cpuSeconds(app);
                String indexLine = Files.readAllLines(log).stream()
                        .filter(l -> l.contains("Code search index"))
                        .reduce((a, b) -> b)
                        .orElse("(no index line)");
                BenchSupport.report(String.format(
                        "restart %d: login page served after %.1f s, %.1f s of CPU; %s",
                        run, seconds, cpu, indexLine.substring(Math.max(0, indexLine.indexOf("Code search index")))));
            } finally {
                app.destroy();
                app.waitFor();
            }
        }
    }

    @Test
    void productionJarRestartsAsTheReadmeStartsIt() throws Exception {
        Path order = BenchSupport.REFERENCE
                .resolve("icd10cm-2026/icd10cm_order_2026.txt")
                .toAbsolutePath();
        Path hcpcs = BenchSupport.REFERENCE
                .resolve("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt")
                .toAbsolutePath();
        assumeTrue(Files.exists(order) && Files.exists(hcpcs), "reference data absent");
        Path jar = productionJar();
        assumeTrue(jar != null, "no production jar in target/ (./mvnw -Pproduction -DskipTests package)");
        Path work = Path.of("target", "bench-production").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);

        long importStart = System.nanoTime();
        assertThat(java(
                                work,
                                work.resolve("import.log"),
                                "-jar",
                                jar.toString(),
                                "import-codebooks",
                                order.toString(),
                                hcpcs.toString())
                        .waitFor())
                .isZero();
        BenchSupport.report(String.format(
                "production jar: import-codebooks (JVM start to exit) %.1f s",
                (System.nanoTime() - importStart) / 1e9));

        // -Drestart.bench.baseline-jar=PATH: another build's production jar (e.g. main's) started the same way,
        // alternating with this one, against the same data folder: a baseline in the same run
        String baseline = System.getProperty("restart.bench.baseline-jar", "");
        // the first plain start of this jar extracts it and writes the launcher's archive (config.SelfLaunch)
        for (int run = 1; run <= Integer.getInteger("restart.bench.plain-starts", 3); run++) {
            timeStart(work, "plain java -jar, start " + run, "-jar", jar.toString());
            if (!baseline.isBlank()) {
                timeStart(work, "baseline jar, plain java -jar, start " + run, "-jar", baseline);
            }
        }
        if (Boolean.getBoolean("restart.bench.plain-only")) {
            return; // quick runs: only the plain starts
        }
        Path app = work.resolve("app");
        String extracted = extract(work, jar, app);
        for (int run = 1; run <= 2; run++) {
            // what the nested jars cost: the same classes from plain jar files, no archive or cache
            timeStart(work, "extracted, no archive, start " + run, "-jar", extracted);
        }
        for (int run = 1; run <= 4; run++) {
            timeStart(
                    work,
                    "extracted + class-data-sharing archive, start " + run + (run == 1 ? " (writes the archive)" : ""),
                    "-XX:+AutoCreateSharedArchive",
                    "-XX:SharedArchiveFile=" + app.resolve("app.jsa"),
                    "-jar",
                    extracted);
        }
        long training = System.nanoTime();
        assertThat(java(
                                work,
                                work.resolve("aot-training.log"),
                                "-XX:AOTCacheOutput=" + app.resolve("app.aot"),
                                "-Dspring.context.exit=onRefresh",
                                "-jar",
                                extracted,
                                "--server.port=0")
                        .waitFor())
                .isZero();
        BenchSupport.report(
                String.format("production jar: AOT cache training run %.1f s", (System.nanoTime() - training) / 1e9));
        for (int run = 1; run <= 3; run++) {
            timeStart(
                    work,
                    "extracted + AOT cache, start " + run,
                    "-XX:AOTCache=" + app.resolve("app.aot"),
                    "-jar",
                    extracted);
        }
    }

    /**
     * Every documented way to run the production jar still works with the bean definitions precomputed at build time
     * (Spring AOT, {@code config.PrecomputedStart}), which freeze the beans' conditions: the plain and the extracted
     * start use them and answer the API (a login through the lazy repositories, search, scenario list), {@code -Dspring.aot.enabled=false}
     * turns them off, the {@code import-codebooks} batch run (no web server, another set of beans) never uses them, and
     * the {@code postgres} profile starts and migrates a fresh PostgreSQL database (when
     * {@code CHART2CLAIM_TEST_POSTGRES_URL} names one, as {@code .ci/run} provides). Needs only the production jar.
     */
    @Test
    void productionJarRunsInEveryDocumentedMode() throws Exception {
        Path jar = productionJar();
        assumeTrue(jar != null, "no production jar in target/ (./mvnw -Pproduction -DskipTests package)");
        Path work = Path.of("target", "bench-run-modes").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);

        Path order =
                Path.of("src/test/resources/importer/icd10cm_order_2030.txt").toAbsolutePath();
        // the import creates the database, so it seeds the demo accounts the starts below log in with
        Process importRun = java(
                List.of(DEMO_PASSWORD),
                work,
                work.resolve("import.log"),
                "-jar",
                jar.toString(),
                "import-codebooks",
                order.toString());
        assertThat(importRun.waitFor()).as("import-codebooks exit code").isZero();
        assertThat(Files.readString(work.resolve("import.log"))).doesNotContain("AOT-processed");

        assertServes(work, "plain", true, IMPORTED_CHOLERA, List.of(), "-jar", jar.toString());
        assertThat(Files.readString(work.resolve("mode-plain.log"))).contains(LAUNCHED);
        String oneJvm = assertServes(
                work,
                "launcher-off",
                true,
                IMPORTED_CHOLERA,
                List.of(),
                "-D" + SelfLaunch.SWITCH + "=off",
                "-jar",
                jar.toString());
        assertThat(oneJvm).doesNotContain(LAUNCHED);
        assertServes(
                work,
                "opted-out",
                false,
                IMPORTED_CHOLERA,
                List.of(),
                "-Dspring.aot.enabled=false",
                "-jar",
                jar.toString());

        assertServes(
                work, "extracted", true, IMPORTED_CHOLERA, List.of(), "-jar", extract(work, jar, work.resolve("app")));

        // docs/SECURITY.md's HTTPS deployment: server.ssl.* given at run time still applies to the precomputed start
        Path keystore = work.resolve("server.p12");
        assertThat(new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "server",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                keystore.toString(),
                                "-storepass",
                                KEYSTORE_PASSWORD,
                                "-dname",
                                "CN=localhost",
                                "-validity",
                                "2")
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("keytool.log").toFile())
                        .start()
                        .waitFor())
                .isZero();
        String https = assertServes(
                work,
                "https",
                true,
                IMPORTED_CHOLERA,
                List.of(),
                "-jar",
                jar.toString(),
                "--server.ssl.key-store=" + keystore,
                "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + KEYSTORE_PASSWORD);
        assertThat(https).containsPattern("Tomcat started on port \\d+ \\(https\\)");

        String postgres = System.getenv("CHART2CLAIM_TEST_POSTGRES_URL");
        if (postgres == null || postgres.isBlank()) {
            BenchSupport.report("run modes: postgres profile NOT checked (CHART2CLAIM_TEST_POSTGRES_URL unset)");
            return;
        }
        String database = "c2c_run_modes";
        String server = postgres.substring(0, postgres.lastIndexOf('/') + 1);
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(postgres, "postgres", "");
                java.sql.Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database);
            sql.execute("CREATE DATABASE " + database);
        }
        String log = assertServes(
                work,
                "postgres",
                true,
                "\"code\"", // a fresh database has no imported set: any hit from the shipped books
                List.of(
                        "SPRING_PROFILES_ACTIVE=postgres",
                        "SPRING_DATASOURCE_URL=" + server + database,
                        "SPRING_DATASOURCE_USERNAME=postgres",
                        "SPRING_DATASOURCE_PASSWORD="),
                "-jar",
                jar.toString());
        assertThat(log)
                .contains("The following 1 profile is active: \"postgres\"")
                .contains("PostgreSQL");
    }

    /**
     * A plain {@code java -jar} of the production jar serves from a child JVM started with class-data sharing
     * ({@code config.SelfLaunch}) and the child follows its launcher: the login page answers through the child, whose
     * archive is written at its clean stop and mapped by the next start; SIGTERM to the launcher stops both; after a
     * {@code kill -9} of the launcher the child exits by itself; the child's exit code is the launcher's;
     * {@code -Dchart2claim.launcher=off} serves from one JVM. Needs only the production jar.
     */
    @Test
    void productionJarServesFromAChildJvmThatFollowsItsLauncher() throws Exception {
        Path jar = productionJar();
        assumeTrue(jar != null, "no production jar in target/ (./mvnw -Pproduction -DskipTests package)");
        Path work = Path.of("target", "bench-launcher").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);

        List<Process> launchers = new ArrayList<>();
        try {
            launcherLifecycle(work, jar, launchers);
        } finally {
            for (Process launcher : launchers) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    private static void launcherLifecycle(Path work, Path jar, List<Process> launchers) throws Exception {
        // first start: extracts the jar, serves from the child; SIGTERM to the launcher stops both
        Launched first = launch(work, "first", "-jar", jar.toString());
        launchers.add(first.launcher());
        assertThat(first.log()).contains(LAUNCHED).contains("Starting AOT-processed");
        Path archive = Path.of(first.childCommand()
                .get(first.childCommand().indexOf("-XX:+AutoCreateSharedArchive") - 1)
                .substring("-XX:SharedArchiveFile=".length()));
        // the archive does not exist before the child's first clean stop: compare the paths as written
        assertThat(archive.startsWith(work.resolve("launcher-cache")))
                .as("archive %s in the launcher cache", archive)
                .isTrue();
        long stopStart = System.nanoTime();
        first.launcher().destroy(); // SIGTERM
        assertThat(first.launcher().waitFor(90, java.util.concurrent.TimeUnit.SECONDS))
                .as("launcher stopped")
                .isTrue();
        assertThat(first.child().isAlive())
                .as("child stopped with its launcher")
                .isFalse();
        BenchSupport.report(String.format(
                "launcher: first start (extracts) %.1f s, SIGTERM to the launcher stopped both in %.1f s",
                first.seconds(), (System.nanoTime() - stopStart) / 1e9));
        assertThat(archive).as("archive written at the child's clean stop").isRegularFile();

        // second start: maps the archive; kill -9 of the launcher: the child notices and exits by itself
        Launched second = launch(work, "second", "-jar", jar.toString());
        launchers.add(second.launcher());
        assertThat(second.log()).doesNotContain("extracted the jar");
        assertThat(Files.readString(
                        Path.of("/proc", String.valueOf(second.child().pid()), "maps")))
                .as("the child maps the class-data-sharing archive")
                .contains(archive.toString());
        second.launcher().destroyForcibly(); // SIGKILL: no shutdown hook runs
        long killed = System.nanoTime();
        assertThat(second.child().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS))
                .isNotNull();
        BenchSupport.report(String.format(
                "launcher: second start %.1f s (archive mapped); after kill -9 of the launcher the child exited in %.1f s",
                second.seconds(), (System.nanoTime() - killed) / 1e9));
        assertThat(Files.readString(second.logFile())).contains("is gone: stopping the server");

        // the child's exit code is the launcher's: a server that cannot start (its port taken) exits with 1
        try (ServerSocket taken = new ServerSocket(0)) {
            Process failing = java(
                    work,
                    work.resolve("launcher-port-taken.log"),
                    "-jar",
                    jar.toString(),
                    "--server.port=" + taken.getLocalPort());
            launchers.add(failing);
            assertThat(failing.waitFor(180, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(failing.exitValue()).as("exit code forwarded").isEqualTo(1);
            assertThat(Files.readString(work.resolve("launcher-port-taken.log")))
                    .contains(LAUNCHED);
        }

        // opted out: one JVM
        Launched oneJvm = launch(work, "off", "-D" + SelfLaunch.SWITCH + "=off", "-jar", jar.toString());
        launchers.add(oneJvm.launcher());
        assertThat(oneJvm.child()).isNull();
        assertThat(oneJvm.log()).doesNotContain(LAUNCHED).contains("Starting AOT-processed");
        BenchSupport.report(String.format("launcher: switched off, one JVM: %.1f s", oneJvm.seconds()));
    }

    /** A started launcher, its child JVM (null when none), the child's command line, the log. */
    private record Launched(
            Process launcher,
            ProcessHandle child,
            List<String> childCommand,
            Path logFile,
            String log,
            double seconds) {}

    /** Starts the jar until its login page answers; returns the launcher and its child (killed on a failure). */
    private static Launched launch(Path work, String name, String... javaArgs) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(javaArgs));
        args.add("--server.port=" + port);
        Path log = work.resolve("launcher-" + name + ".log");
        long start = System.nanoTime();
        Process launcher = java(work, log, args.toArray(String[]::new));
        try {
            double seconds = waitForLogin(port, start, launcher);
            ProcessHandle child = launcher.descendants()
                    .filter(ProcessHandle::isAlive)
                    .findFirst()
                    .orElse(null);
            List<String> command = child == null
                    ? List.of()
                    : List.of(Files.readString(Path.of("/proc", String.valueOf(child.pid()), "cmdline"))
                            .split("\0"));
            return new Launched(launcher, child, command, log, Files.readString(log), seconds);
        } catch (Exception | AssertionError failure) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            throw failure;
        }
    }

    /**
     * Starts the jar (demo accounts seeded), checks whether it used the precomputed start, that the login page and
     * the API answer (the student's login through the lazy repositories, a search finds the imported fixture's
     * cholera, the scenario list); returns the log.
     */
    private static String assertServes(
            Path work,
            String mode,
            boolean precomputed,
            String expectedInSearch,
            List<String> environment,
            String... javaArgs)
            throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(javaArgs));
        args.add("--server.port=" + port);
        Path log = work.resolve("mode-" + mode + ".log");
        List<String> variables = new ArrayList<>(environment);
        variables.add(DEMO_PASSWORD);
        String keystore = args.stream()
                .filter(a -> a.startsWith("--server.ssl.key-store="))
                .map(a -> a.substring(a.indexOf('=') + 1))
                .findFirst()
                .orElse(null);
        HttpClient http = keystore == null ? HttpClient.newHttpClient() : trusting(Path.of(keystore));
        String base = (keystore == null ? "http" : "https") + "://localhost:" + port;
        long start = System.nanoTime();
        Process app = java(variables, work, log, args.toArray(String[]::new));
        try {
            double seconds = waitForLogin(http, URI.create(base + "/login"), start, app);
            String basic = "Basic "
                    + java.util.Base64.getEncoder()
                            .encodeToString("student:run-modes-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> search = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/codes/search?q=cholera&system=ICD10CM"))
                            .header("Authorization", basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> scenarios = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/scenarios"))
                            .header("Authorization", basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = Files.readString(log);
            BenchSupport.report(String.format(
                    "run modes: %s: login page after %.1f s, precomputed start %s, child JVM %s, search %d, scenarios %d",
                    mode,
                    seconds,
                    text.contains("Starting AOT-processed"),
                    text.contains(LAUNCHED),
                    search.statusCode(),
                    scenarios.statusCode()));
            assertThat(text.contains("Starting AOT-processed"))
                    .as(mode + ": precomputed start")
                    .isEqualTo(precomputed);
            assertThat(search.statusCode()).as(mode + ": search").isEqualTo(200);
            assertThat(search.body()).as(mode + ": search").contains(expectedInSearch);
            assertThat(scenarios.statusCode()).as(mode + ": scenario list").isEqualTo(200);
            // a list (empty here: the scenarios' codes are not in the small imported fixture book)
            assertThat(scenarios.body()).as(mode + ": scenario list").startsWith("[");
            return text;
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /** The README's {@code -Djarmode=tools extract}; returns the extracted jar to start. */
    private static String extract(Path work, Path jar, Path destination) throws Exception {
        assertThat(java(
                                work,
                                work.resolve("extract.log"),
                                "-Djarmode=tools",
                                "-jar",
                                jar.toString(),
                                "extract",
                                "--destination",
                                destination.toString())
                        .waitFor())
                .isZero();
        return destination.resolve(jar.getFileName()).toString();
    }

    /** The jar in target/ when it was built with -Pproduction (no Vaadin development tools inside). */
    private static Path productionJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            for (Path jar : files.filter(p -> p.getFileName().toString().matches("chart2claim-.*\\.jar"))
                    .toList()) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                    boolean devTools = zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/vaadin-dev-"));
                    if (!devTools) {
                        return jar.toAbsolutePath();
                    }
                }
            }
        }
        return null;
    }

    private static void timeStart(Path work, String label, String... javaArgs) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(javaArgs));
        args.add("--server.port=" + port);
        Path log = work.resolve(label.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        long start = System.nanoTime();
        Process app = java(work, log, args.toArray(String[]::new));
        try {
            double seconds = waitForLogin(port, start, app);
            double cpu = cpuSeconds(app);
            boolean reindexed =
                    Files.readAllLines(log).stream().anyMatch(l -> l.contains("Code search index built with"));
            BenchSupport.report(String.format(
                    "production jar: %s: login page served after %.1f s, %.1f s of CPU (all threads, child JVM"
                            + " included)%s%s",
                    label,
                    seconds,
                    cpu,
                    reindexed ? " (rebuilt the index!)" : "",
                    Files.readString(log).contains(LAUNCHED)
                            ? " (served by the launcher's child JVM; launcher RSS " + residentMegabytes(app.pid())
                                    + " MB, child "
                                    + app.descendants()
                                            .mapToLong(child -> residentMegabytes(child.pid()))
                                            .sum() + " MB)"
                            : " (RSS " + residentMegabytes(app.pid()) + " MB)"));
            if (label.startsWith("plain") || label.startsWith("baseline")) {
                reportBackgroundStart(log, start, app);
                for (String line : Files.readAllLines(log)) {
                    if (line.contains("Code search index opened with")) {
                        BenchSupport.report("  " + line.substring(line.indexOf("Code search index")));
                    }
                }
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /**
     * How long after the process start the code books, index, scenarios and question bank were loaded in the background
     * (the server answers before that; config.BackgroundStarter logs "Background start done in N ms").
     */
    private static void reportBackgroundStart(Path log, long startNanos, Process app) throws Exception {
        while (System.nanoTime() - startNanos < 180_000_000_000L && app.isAlive()) {
            String done = Files.readAllLines(log).stream()
                    .filter(l -> l.contains("Background start done in"))
                    .findFirst()
                    .orElse(null);
            if (done != null) {
                BenchSupport.report(String.format(
                        "  background start done %.1f s after the process start; %s",
                        (System.nanoTime() - startNanos) / 1e9,
                        done.substring(done.indexOf("Background start done in"))));
                return;
            }
            Thread.sleep(100);
        }
        BenchSupport.report("  background start: no \"done\" line within 180 s");
    }

    /**
     * User + system CPU seconds the process, its reaped children (the launcher's extraction) and its live descendants
     * (the launcher's child JVM) used so far (from /proc; -1 elsewhere): on a machine other builds share, the CPU a
     * start needs says more than its wall time.
     */
    private static double cpuSeconds(Process app) {
        try {
            String[] stat = procStat(app.pid());
            long ticks = Long.parseLong(stat[11])
                    + Long.parseLong(stat[12])
                    + Long.parseLong(stat[13])
                    + Long.parseLong(stat[14]);
            for (ProcessHandle descendant : app.descendants().toList()) {
                String[] child = procStat(descendant.pid());
                ticks += Long.parseLong(child[11]) + Long.parseLong(child[12]);
            }
            return ticks / 100.0;
        } catch (java.io.IOException | RuntimeException noProc) {
            return -1;
        }
    }

    /** The process's resident set (VmRSS) in MB, -1 when unknown. */
    private static long residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst()
                    .orElse(-1);
        } catch (java.io.IOException | RuntimeException noProc) {
            return -1;
        }
    }

    private static String[] procStat(long pid) throws java.io.IOException {
        return Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))
                .replaceFirst("^.*\\) ", "")
                .split(" ");
    }

    /** A free port, or the one {@code -Dchild.app.port} names (a helper's own range on a shared machine). */
    private static int freePort() throws Exception {
        if (Integer.getInteger("child.app.port", 0) > 0) {
            return Integer.getInteger("child.app.port");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A JVM in {@code work} (its ./data is the data folder), as a server would run it. */
    private static Process java(Path work, Path log, String... args) throws Exception {
        return java(List.of(), work, log, args);
    }

    /** The same with environment variables ({@code NAME=value}). */
    private static Process java(List<String> environment, Path work, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the launcher's extractions in the bench's folder, not the user's ~/.cache
                "-Dchart2claim.launcher.cache-dir=" + work.resolve("launcher-cache")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        for (String variable : environment) {
            String[] nameValue = variable.split("=", 2);
            builder.environment().put(nameValue[0], nameValue[1]);
        }
        return builder.start();
    }

    private static Process start(Path data, int port, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                Application.class.getName(),
                "--chart2claim.data-dir=" + data,
                "--server.port=" + port,
                "--vaadin.launch-browser=false"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** A client that trusts the self-signed certificate in {@code keystore} (and nothing else). */
    private static HttpClient trusting(Path keystore) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        javax.net.ssl.TrustManagerFactory trust =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
    }

    private static double waitForLogin(int port, long startNanos, Process app) throws Exception {
        return waitForLogin(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(),
                URI.create("http://localhost:" + port + "/login"),
                startNanos,
                app);
    }

    private static double waitForLogin(HttpClient http, URI loginPage, long startNanos, Process app) throws Exception {
        HttpRequest login = HttpRequest.newBuilder(loginPage)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        while (System.nanoTime() - startNanos < 300_000_000_000L) {
            if (!app.isAlive()) {
                throw new IllegalStateException("application exited with " + app.exitValue());
            }
            try {
                if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startNanos) / 1e9;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("login page not served within 300 s");
    }

    private static void deleteTree(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
