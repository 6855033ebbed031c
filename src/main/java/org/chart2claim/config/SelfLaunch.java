package org.chart2claim.config;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A plain {@code java -jar} of the production jar runs the web server in a child JVM that starts from the extracted
 * jar with a class-data-sharing archive: about half the CPU of a start from the nested jars, which a plain
 * {@code java -jar} cannot be given JVM options for (docs/PERFORMANCE.md, "Restart with an imported set").
 *
 * <p>Called first in {@code main}, before Spring. This JVM (the launcher) extracts the jar once per jar content
 * ({@link ExtractionCache}, in {@code ~/.cache/chart2claim} or {@code -Dchart2claim.launcher.cache-dir}), starts the
 * child with the same {@code java}, JVM options, program arguments, working directory, environment and console,
 * waits, and exits with the child's exit code. Stopping the launcher (SIGTERM, Ctrl-C) stops the child; a child
 * whose launcher is gone (killed with {@code kill -9}) stops itself within about a second.
 *
 * <p>Only a web start of the packaged jar is launched so ({@link #whyInThisJvm}); everything else, and any failure
 * before the child runs, starts the application in this JVM as before.
 */
public final class SelfLaunch {

    /** {@code -Dchart2claim.launcher=off} (or the environment variable) runs the server in this JVM. */
    public static final String SWITCH = "chart2claim.launcher";

    static final String SWITCH_VARIABLE = "CHART2CLAIM_LAUNCHER";
    /** Given to the child: the launcher's process id, which the child watches. */
    static final String PARENT_PID = "chart2claim.launcher.parent-pid";

    static final String CACHE_DIR = "chart2claim.launcher.cache-dir";
    static final String ARCHIVE = "web.jsa";
    private static final String PACKAGED_PREFIX = "jar:nested:";
    private static final String PACKAGED_CLASSES = "/!BOOT-INF/classes/";
    /** Options that must not be given to two JVMs (ports) or that choose their own archive or cache. */
    private static final List<String> OWN_JVM_OPTIONS = List.of(
            "-agentlib:jdwp",
            "-Xrunjdwp",
            "-Dcom.sun.management.jmxremote",
            "-Xshare",
            "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit",
            "-XX:AOTCache",
            "-XX:AOTCacheOutput",
            "-XX:AOTConfiguration",
            "-XX:AOTMode");
    /** Read by the JVM itself: the child gets their options through the launcher's input arguments already. */
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration PARENT_POLL = Duration.ofSeconds(1);

    private SelfLaunch() {}

    /**
     * Returns when this JVM is to run the application; otherwise runs it in the child JVM and exits with the child's
     * exit code (never returns).
     */
    public static void runInChildJvmOrReturn(Class<?> application, String[] args) {
        String parentPid = System.getProperty(PARENT_PID);
        if (parentPid != null) {
            stopWhenParentIsGone(parentPid);
            return;
        }
        CodeSource source = application.getProtectionDomain().getCodeSource();
        String location = source == null ? null : source.getLocation().toString();
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (whyInThisJvm(location, args, jvmOptions, System::getProperty, System.getenv(SWITCH_VARIABLE)) != null) {
            return;
        }
        Process child;
        String extracted;
        Path archive;
        String archiveState;
        try {
            long start = System.nanoTime();
            ExtractionCache.Extraction extraction =
                    new ExtractionCache(cacheRoot()).prepare(packagedJar(location), SelfLaunch::extractWithBootTools);
            archive = extraction.folder().resolve(ARCHIVE);
            extracted = extraction.fresh()
                    ? String.format(
                            "extracted the jar to %s in %.1f s, ",
                            extraction.folder(), (System.nanoTime() - start) / 1e9)
                    : "";
            archiveState = Files.exists(archive) ? "" : ", written when the server stops the first time";
            ProcessBuilder builder = new ProcessBuilder(childCommand(
                            javaExecutable(),
                            jvmOptions,
                            ProcessHandle.current().pid(),
                            archive,
                            extraction.jar(),
                            args))
                    .inheritIO();
            OPTION_VARIABLES.forEach(builder.environment()::remove);
            child = builder.start();
        } catch (IOException | RuntimeException | InterruptedException failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.err.println("WARN Chart2Claim launcher: could not start the server in a child JVM (" + failure
                    + "); starting it in this JVM");
            return;
        }
        System.out.println(
                "Chart2Claim launcher: " + extracted + "started the server in a child JVM (pid " + child.pid()
                        + ") with class-data sharing (archive " + archive + archiveState + "); -D" + SWITCH
                        + "=off to run in this JVM");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "launcher-stop-child"));
        System.exit(exitCode(child));
    }

    /**
     * Why this run stays in this JVM, or {@code null} when it is a web start of the packaged jar that the launcher
     * starts in a child JVM.
     *
     * @param classesLocation where the application's classes come from ({@code jar:nested:…/!BOOT-INF/classes/!/} in
     *     the packaged jar)
     */
    static String whyInThisJvm(
            String classesLocation,
            String[] args,
            List<String> jvmOptions,
            UnaryOperator<String> systemProperty,
            String switchVariable) {
        if (systemProperty.apply(PARENT_PID) != null) {
            return "this is the launcher's child";
        }
        if (isOff(systemProperty.apply(SWITCH)) || isOff(switchVariable)) {
            return "launcher switched off";
        }
        if (systemProperty.apply("jarmode") != null) {
            return "a jar mode run";
        }
        if (classesLocation == null
                || !classesLocation.startsWith(PACKAGED_PREFIX)
                || !classesLocation.contains(PACKAGED_CLASSES)) {
            return "not the packaged jar";
        }
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                return "a command (" + arg + "), not a web start";
            }
            if (arg.startsWith("--spring.main.web-application-type=") || arg.startsWith("--spring.context.exit")) {
                return "not a web start (" + arg + ")";
            }
        }
        if (systemProperty.apply("spring.main.web-application-type") != null
                || systemProperty.apply("spring.context.exit") != null) {
            return "not a web start (system property)";
        }
        for (String option : jvmOptions) {
            for (String own : OWN_JVM_OPTIONS) {
                if (option.startsWith(own)) {
                    return "JVM option " + own + " given";
                }
            }
        }
        return null;
    }

    /**
     * The child: the same {@code java} and JVM options, the parent's pid, the class-data-sharing archive (created at
     * the first clean exit, used from then on), the extracted jar and the same program arguments.
     */
    static List<String> childCommand(
            Path java, List<String> jvmOptions, long parentPid, Path archive, Path extractedJar, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // the archive's first dump warns once per class it skips (hundreds of lines); options given later win
        command.add("-Xlog:cds=error");
        command.addAll(jvmOptions);
        command.add("-D" + PARENT_PID + "=" + parentPid);
        command.add("-XX:SharedArchiveFile=" + archive);
        command.add("-XX:+AutoCreateSharedArchive");
        command.add("-jar");
        command.add(extractedJar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The packaged jar's file from {@code jar:nested:/srv/app%20x.jar/!BOOT-INF/classes/!/}. */
    static Path packagedJar(String classesLocation) {
        String path = classesLocation.substring(PACKAGED_PREFIX.length(), classesLocation.indexOf(PACKAGED_CLASSES));
        Path jar = Path.of(URI.create("file://" + (path.startsWith("/") ? "" : "/") + path));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged jar " + jar + " is not a file");
        }
        return jar;
    }

    private static boolean isOff(String value) {
        return value != null
                && List.of("off", "false", "no").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static Path cacheRoot() {
        String configured = System.getProperty(CACHE_DIR);
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "chart2claim");
    }

    private static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /** Spring Boot's own {@code java -Djarmode=tools -jar app.jar extract}, as the README documents it. */
    private static void extractWithBootTools(Path jar, Path destination) throws IOException, InterruptedException {
        Path log = destination.resolveSibling("extract.log");
        Process extract = new ProcessBuilder(
                        javaExecutable().toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exit = extract.waitFor();
        if (exit != 0) {
            throw new IOException("-Djarmode=tools extract exited with " + exit + ": "
                    + Files.readString(log).strip());
        }
    }

    private static int exitCode(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException ignored) {
                // only the child's end ends the launcher
            }
        }
    }

    /** SIGTERM (Spring's graceful shutdown, which also writes the archive), then bounded, then forcibly. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            child.destroyForcibly();
        }
    }

    /**
     * The child's side: when the launcher dies without stopping it ({@code kill -9}), the kernel gives the child
     * another parent; the child then exits (gracefully: the port and the H2 file are released).
     */
    private static void stopWhenParentIsGone(String parentPid) {
        long launcher;
        try {
            launcher = Long.parseLong(parentPid.strip());
        } catch (NumberFormatException notAPid) {
            return;
        }
        Thread watch = new Thread(
                () -> {
                    while (!launcherGone(launcher, ProcessHandle.current().parent())) {
                        try {
                            Thread.sleep(PARENT_POLL);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                    System.err.println("WARN Chart2Claim launcher (pid " + launcher + ") is gone: stopping the server");
                    System.exit(1);
                },
                "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    static boolean launcherGone(long launcher, java.util.Optional<ProcessHandle> parent) {
        return parent.map(p -> p.pid() != launcher || !p.isAlive()).orElse(true);
    }
}
