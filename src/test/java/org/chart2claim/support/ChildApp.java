package org.chart2claim.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chart2claim.Application;

/**
 * The application as a separate JVM (the test class path, a free port, its own data folder), so a test can
 * do what a crash does to a server: {@link #kill()} sends SIGKILL, no shutdown hook runs, nothing is flushed.
 */
public final class ChildApp implements AutoCloseable {
    public static final String PASSWORD = "child-demo-pass-1";

    private final Process process;
    private final int port;
    private final long startedNanos;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildApp(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** Starts the app on a free port with {@code dataDir} and waits until the API answers (at most 5 min). */
    public static ChildApp start(Path dataDir, Path log, String... extraArgs) throws Exception {
        return start(dataDir, log, List.of("-Xmx1g"), extraArgs);
    }

    /** The same with JVM options of one's own (heap size, …). */
    public static ChildApp start(Path dataDir, Path log, List<String> jvmOptions, String... extraArgs)
            throws Exception {
        // -Dchild.app.port=N: a fixed port (a helper's own range on a shared machine), else any free one
        int port = Integer.getInteger("child.app.port", 0) > 0 ? Integer.getInteger("child.app.port") : freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                Application.class.getName(),
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.demo-password=" + PASSWORD,
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--vaadin.launch-browser=false"));
        command.addAll(List.of(extraArgs));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ChildApp app = new ChildApp(process, port, started);
        app.awaitReady();
        return app;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Seconds from process start until the API answered. */
    public double secondsToReady() {
        return readySeconds;
    }

    private double readySeconds;

    private void awaitReady() throws Exception {
        // -Dchild.app.ready-seconds=N: a longer wait on a machine other builds keep busy
        long limitSeconds = Long.getLong("child.app.ready-seconds", 300);
        while (System.nanoTime() - startedNanos < limitSeconds * 1_000_000_000L) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue());
            }
            try {
                if (send(get("/api/me", "student")).statusCode() == 200) {
                    readySeconds = (System.nanoTime() - startedNanos) / 1e9;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not answer within " + limitSeconds + " s");
    }

    public HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(5))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    public HttpRequest get(String path, String user) {
        return request(path, user).GET().build();
    }

    public HttpRequest postJson(String path, String user, String json) {
        return request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The same with a body handler of one's own (e.g. a large answer read as it arrives). */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(request, body);
    }

    /** CPU seconds the child JVM has used so far (user + system, from /proc; -1 where there is none). */
    public double cpuSeconds() {
        try {
            String[] stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"))
                    .replaceFirst("^.*\\) ", "")
                    .split(" ");
            return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }

    /** kill -9: the JVM gets no chance to flush, close the database or run shutdown hooks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** A clean stop (SIGTERM: Spring closes the database). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }
}
