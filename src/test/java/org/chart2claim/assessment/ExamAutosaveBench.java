package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Role;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (tag "bench"): one server (the app on a real port, H2 file database), 200 students each in a running
 * CPC practice exam session (100 questions from the shipped bank), each answering a random item every 10–30 s through {@code PUT /api/assessment-sessions/{sid}/answers/
 * {position}} for 90 s, then the same through the service call the exam page makes (no HTTP) for 90 s and ten times
 * as often (every 1–3 s) for 60 s. Reports the autosave latency
 * (p50/p95/p99/max), the server heap per active session (used heap after GC, before and after the 200 sessions
 * started, divided by 200), and checks that every acknowledged answer is what the session holds at the end (no lost
 * answer). Baseline in the same run: {@code GET /api/me} (an authenticated round trip that touches no exam data).
 * Before the load phases, each path runs 1,000 times one request at a time (no queueing), so the difference between
 * the HTTP save, the service call and the baseline shows where a save's time goes. Numbers go to
 * docs/PERFORMANCE.md. Run: {@code ./mvnw -o test -Pbench -Dtest=ExamAutosaveBench}
 */
@Tag("bench")
class ExamAutosaveBench {

    static final int TAKERS = 200;
    static final String PASSWORD = "bench-student-pass-1";
    static final long SLOW_MICROS = 50_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    /** Items per session: the CPC preset over the shipped bank (100 questions). */
    private int items;
    /** When the takers' Basic-auth checks were first cached (the cache's two minutes count from there). */
    private long firstWarm;

    @Test
    void twoHundredTakersAutosaving(@TempDir Path dataDir) throws Exception {
        try (StandaloneApp app = StandaloneApp.startOnPort(
                Integer.getInteger("exam.bench.port", 0),
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.demo-password=bench-demo-pass-1")) {
            port = Integer.parseInt(app.context().getEnvironment().getProperty("local.server.port"));
            AccountService accounts = app.bean(AccountService.class);
            List<String> students = new ArrayList<>();
            for (int i = 0; i < TAKERS; i++) {
                String name = "bench" + i;
                accounts.create(name, name, PASSWORD, EnumSet.of(Role.STUDENT));
                students.add(name);
            }
            Instant now = Instant.now();
            long examId = app.bean(AssessmentService.class)
                    .create(
                            new AssessmentSpec(
                                    "Bench",
                                    null,
                                    240,
                                    now.minusSeconds(60),
                                    now.plus(Duration.ofHours(5)),
                                    1,
                                    false,
                                    true,
                                    ReleaseMode.MANUAL,
                                    1,
                                    0,
                                    app.bean(AssessmentService.class).cpcPresetForBank()),
                            "instructor",
                            EnumSet.of(Role.INSTRUCTOR));

            items = app.bean(ExamStore.class)
                    .assessment(examId)
                    .orElseThrow()
                    .composition()
                    .size();
            warm(students);
            firstWarm = System.nanoTime();
            long heapBefore = usedHeapAfterGc();
            Map<String, String> sessionOf = new ConcurrentHashMap<>();
            for (String s : students) {
                HttpResponse<String> r = send("POST", "/api/assessments/" + examId + "/sessions", s, "");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                sessionOf.put(s, JSON.readTree(r.body()).get("sessionId").asString());
            }
            long heapAfter = usedHeapAfterGc();
            report(String.format(
                    "exam bench: %d takers, %d items each, %d cores, load average %.1f, max heap %d MB",
                    TAKERS,
                    items,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().maxMemory() >> 20));
            report(String.format(
                    "heap: %.1f MB used before the sessions, %.1f MB after 200 started: %.1f KB per session",
                    heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e3 / TAKERS));

            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // sid|position → displayed letter
            AtomicInteger refused = new AtomicInteger();
            ExamSessionService service = app.bean(ExamSessionService.class);

            // Where the time goes, without queueing: one request at a time, each path in turn (warmed first).
            // PUT minus the service call is HTTP + security + JSON; GET /api/me is HTTP + security alone.
            warm(students);
            quiet(students, sessionOf, service, acknowledged, 300);
            report(line(
                    "quiet GET /api/me, one at a time",
                    quietRun(students, sessionOf, service, acknowledged, 1000, Mode.BASELINE)));
            report(line(
                    "quiet HTTP autosave PUT, one at a time",
                    quietRun(students, sessionOf, service, acknowledged, 1000, Mode.HTTP)));
            report(line(
                    "quiet service call, one at a time",
                    quietRun(students, sessionOf, service, acknowledged, 1000, Mode.SERVICE)));

            // Every taker's Basic-auth check is cached before each HTTP phase. The cache's two minutes run out during
            // the phases: an expired entry is renewed with one account read (it was a BCrypt check per taker every
            // two minutes, 78% of the PUT phase's CPU samples in a JFR recording: docs/PERFORMANCE.md).
            warm(students);
            List<Long> baseline = load(students, sessionOf, 30, 10, 30, null, refused, Mode.BASELINE, null);
            report(line("HTTP baseline GET /api/me, every 10–30 s", baseline));
            warm(students);
            // -Dexam.bench.jfr=file.jfr records this phase with Java Flight Recorder (profile settings).
            jdk.jfr.Recording jfr = startRecording();
            List<Long> http = load(students, sessionOf, 90, 10, 30, acknowledged, refused, Mode.HTTP, null);
            stopRecording(jfr);
            report(line("HTTP autosave PUT, every 10–30 s", http));
            // The exam page's own path: the view calls the service (no HTTP, no Basic auth), as 200 open pages do.
            List<Long> ui = load(students, sessionOf, 90, 10, 30, acknowledged, refused, Mode.SERVICE, service);
            report(line("page autosave (service call), every 10–30 s", ui));
            List<Long> heavy = load(students, sessionOf, 60, 1, 3, acknowledged, refused, Mode.SERVICE, service);
            report(line("page autosave (service call), every 1–3 s (10x)", heavy));

            int lost = 0;
            for (String s : students) {
                JsonNode view = JSON.readTree(send("GET", "/api/assessment-sessions/" + sessionOf.get(s), s, null)
                        .body());
                for (JsonNode a : view.get("answers")) {
                    String expected = acknowledged.get(
                            sessionOf.get(s) + "|" + a.get("position").asInt());
                    String actual =
                            a.get("choice").isNull() ? null : a.get("choice").asString();
                    if (expected != null && !expected.equals(actual)) {
                        lost++;
                    }
                }
            }
            report("acknowledged answers checked: " + acknowledged.size() + " item states, lost: " + lost
                    + ", refused: " + refused.get());
            assertThat(lost).isZero();
            assertThat(refused.get()).isZero();
        }
    }

    /** Runs every taker for {@code seconds}: sleep a random 10–30 s (or as given), then save; returns latencies (µs). */
    private List<Long> load(
            List<String> students,
            Map<String, String> sessionOf,
            int seconds,
            int minPause,
            int maxPause,
            Map<String, String> acknowledged,
            AtomicInteger refused,
            Mode mode,
            ExamSessionService service)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> slowBySecond = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        report(mode + " phase starts " + (start - firstWarm) / 1_000_000_000L + " s after the first warm-up");
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String s : students) {
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    // spread the first requests over the first pause
                    Thread.sleep(random.nextLong(maxPause * 1000L));
                    while (System.nanoTime() < end) {
                        String sid = sessionOf.get(s);
                        int position = 1 + random.nextInt(items);
                        String letter = String.valueOf((char) ('A' + random.nextInt(4)));
                        long t0 = System.nanoTime();
                        boolean ok;
                        if (mode == Mode.SERVICE) {
                            service.answer(sid, s, position, ExamSessionService.AnswerInput.choice(letter));
                            ok = true;
                        } else {
                            HttpResponse<String> r = mode == Mode.BASELINE
                                    ? send("GET", "/api/me", s, null)
                                    : send(
                                            "PUT",
                                            "/api/assessment-sessions/" + sid + "/answers/" + position,
                                            s,
                                            "{\"choice\":\"" + letter + "\"}");
                            ok = r.statusCode() == 200;
                        }
                        long took = (System.nanoTime() - t0) / 1000;
                        micros.add(took);
                        if (took > SLOW_MICROS) {
                            slowBySecond.add((t0 - start) / 1_000_000_000L);
                        }
                        if (!ok) {
                            refused.incrementAndGet();
                        } else if (mode != Mode.BASELINE) {
                            acknowledged.put(sid + "|" + position, letter);
                        }
                        Thread.sleep(minPause * 1000L + random.nextLong((maxPause - minPause) * 1000L + 1));
                    }
                    return null;
                });
            }
        }
        if (!slowBySecond.isEmpty()) {
            // when in the phase the slow requests came (a wave points at something periodic, e.g. an expiry)
            report(mode + ": requests over " + SLOW_MICROS / 1000 + " ms by second of the phase: "
                    + slowBySecond.stream().sorted().toList());
        }
        return new ArrayList<>(micros);
    }

    private static jdk.jfr.Recording startRecording() throws Exception {
        String file = System.getProperty("exam.bench.jfr", "");
        if (file.isBlank()) {
            return null;
        }
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(file));
        recording.start();
        report("JFR recording of the PUT phase to " + file);
        return recording;
    }

    private static void stopRecording(jdk.jfr.Recording recording) {
        if (recording != null) {
            recording.stop(); // writes the destination file
            recording.close();
        }
    }

    /** Warm-up of the three quiet paths (JIT), not reported. */
    private void quiet(
            List<String> students,
            Map<String, String> sessionOf,
            ExamSessionService service,
            Map<String, String> acknowledged,
            int rounds)
            throws Exception {
        for (Mode mode : Mode.values()) {
            quietRun(students, sessionOf, service, acknowledged, rounds, mode);
        }
    }

    /** {@code rounds} saves (or baseline GETs) one after the other, round-robin over the takers; latencies in µs. */
    private List<Long> quietRun(
            List<String> students,
            Map<String, String> sessionOf,
            ExamSessionService service,
            Map<String, String> acknowledged,
            int rounds,
            Mode mode)
            throws Exception {
        List<Long> micros = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < rounds; i++) {
            String s = students.get(i % students.size());
            String sid = sessionOf.get(s);
            int position = 1 + random.nextInt(items);
            String letter = String.valueOf((char) ('A' + random.nextInt(4)));
            long t0 = System.nanoTime();
            if (mode == Mode.SERVICE) {
                service.answer(sid, s, position, ExamSessionService.AnswerInput.choice(letter));
            } else if (mode == Mode.HTTP) {
                HttpResponse<String> r = send(
                        "PUT",
                        "/api/assessment-sessions/" + sid + "/answers/" + position,
                        s,
                        "{\"choice\":\"" + letter + "\"}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            } else {
                assertThat(send("GET", "/api/me", s, null).statusCode()).isEqualTo(200);
            }
            micros.add((System.nanoTime() - t0) / 1000);
            if (mode != Mode.BASELINE) {
                acknowledged.put(sid + "|" + position, letter);
            }
        }
        return micros;
    }

    enum Mode {
        BASELINE,
        HTTP,
        SERVICE
    }

    /** Every student's Basic-auth check once, so the API's two-minute cache holds them. */
    private void warm(List<String> students) throws Exception {
        for (String s : students) {
            send("GET", "/api/me", s, null);
        }
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String line(String what, List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return what + ": no requests";
        }
        return String.format(
                "%s: %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                what, sorted.size(), at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.getLast() / 1000.0);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }

    private static void report(String line) {
        System.out.println("[exam-bench] " + line);
    }
}
