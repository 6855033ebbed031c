package org.chart2claim.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Where the readable content lives: the {@code codebooks/} and {@code scenarios/} folders.
 *
 * <p>By default the content shipped inside the application is used. When it sits in a jar it is
 * copied once per start to a temporary folder, so every feature can read it as plain files. The
 * settings {@code chart2claim.codebooks-dir} and {@code chart2claim.scenarios-dir} point at external
 * folders instead, so instructors can edit files without rebuilding.
 */
@Component
public class ContentLocations {

    private static final Logger log = LoggerFactory.getLogger(ContentLocations.class);

    private final Path codebooksDir;
    private final Path scenariosDir;
    private final Path dataDir;

    public ContentLocations(Chart2ClaimProperties properties) {
        this.dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        deleteCopiesOfEndedProcesses(dataDir.resolve("tmp"));
        this.codebooksDir = resolve("codebooks", properties.codebooksDir(), dataDir);
        this.scenariosDir = resolve("scenarios", properties.scenariosDir(), dataDir);
        log.info("Code books from {}, scenarios from {}, data in {}", codebooksDir, scenariosDir, dataDir);
    }

    /** The code-book folder (read-only by convention). */
    public Path codebooksDir() {
        return codebooksDir;
    }

    /** The scenario folder (read-only by convention). */
    public Path scenariosDir() {
        return scenariosDir;
    }

    /** The folder for files the application writes (database, index, imported sets). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Content copies live in {@code <data-dir>/tmp/<name>-<process id>}: a JVM killed with -9 never runs its
     * shutdown hook, so every start deletes the copies of processes that are no longer running.
     */
    private static void deleteCopiesOfEndedProcesses(Path tmp) {
        if (!Files.isDirectory(tmp)) {
            return;
        }
        try (Stream<Path> copies = Files.list(tmp)) {
            for (Path copy : copies.toList()) {
                String name = copy.getFileName().toString();
                String pid = name.substring(name.lastIndexOf('-') + 1);
                boolean running = pid.matches("\\d{1,18}")
                        && ProcessHandle.of(Long.parseLong(pid)).isPresent();
                if (!running) {
                    log.info("Deleting {}, left behind by a process that ended without cleaning up", copy);
                    deleteQuietly(copy);
                }
            }
        } catch (IOException e) {
            log.warn("Could not clean {}: {}", tmp, e.toString());
        }
    }

    private static Path resolve(String name, String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            Path external = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(external)) {
                throw new IllegalStateException(
                        "chart2claim." + name + "-dir points at " + external + ", which is not a folder");
            }
            return external;
        }
        return shipped(name, dataDir);
    }

    /** The shipped folder: used in place when on the file system, copied out when inside a jar. */
    private static Path shipped(String name, Path dataDir) {
        try {
            var resolver = new PathMatchingResourcePatternResolver(ContentLocations.class.getClassLoader());
            Resource root = resolver.getResource("classpath:" + name + "/");
            if (root.exists() && "file".equals(root.getURL().getProtocol())) {
                return Path.of(root.getURL().toURI());
            }
            Path copy = dataDir.resolve("tmp")
                    .resolve(name + "-" + ProcessHandle.current().pid());
            deleteQuietly(copy);
            Files.createDirectories(copy);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(copy)));
            for (Resource resource : resolver.getResources("classpath*:" + name + "/**")) {
                if (!resource.isReadable()) {
                    continue; // a folder entry
                }
                String url = resource.getURL().toString();
                String relative = url.substring(url.lastIndexOf(name + "/") + name.length() + 1);
                if (relative.isEmpty() || relative.endsWith("/")) {
                    continue;
                }
                Path target = copy.resolve(relative).normalize();
                if (!target.startsWith(copy)) {
                    continue; // never write outside the copy
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped " + name + " folder", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary copy; the OS cleans it up eventually
        }
    }
}
