package org.chart2claim.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The production jar extracted once per jar content into a cache folder, for {@link SelfLaunch}'s child JVM (an
 * extracted jar loads its classes from plain jar files and can use a class-data-sharing archive; the nested jars of
 * the packaged one cannot).
 *
 * <p>Each extraction is a folder named after the jar's path, size and modification time, holding the extracted jar
 * in {@code app/} and the file {@code source-jar} (the jar's path). It is extracted into a {@code .partial-} folder
 * and renamed when complete, so a run killed during the extraction leaves only a partial folder, which the next run
 * removes and never uses. Each run also removes the extractions whose jar is gone or has changed since (a new build
 * at the same path); other jars' extractions stay. A lock file keeps two starting runs from doing this at once.
 */
final class ExtractionCache {

    /** Writes the extracted jar (and its {@code lib/}) into a folder that does not exist yet. */
    @FunctionalInterface
    interface Extractor {
        void extract(Path jar, Path destination) throws IOException, InterruptedException;
    }

    /** A complete extraction: its {@code folder}, the {@code jar} to start, and whether this run extracted it. */
    record Extraction(Path folder, Path jar, boolean fresh) {}

    static final String APP_FOLDER = "app";
    static final String SOURCE_FILE = "source-jar";
    static final String PARTIAL_PREFIX = ".partial-";
    private static final String LOCK_FILE = ".lock";

    private final Path root;

    ExtractionCache(Path root) {
        this.root = root;
    }

    /** The extraction of {@code jar}, made now by {@code extractor} when there is none for its current content. */
    Extraction prepare(Path jar, Extractor extractor) throws IOException, InterruptedException {
        Path source = jar.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (FileChannel lockFile =
                        FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lockFile.lock()) {
            removeLeftovers();
            Path folder = root.resolve(folderName(source));
            Path extractedJar = folder.resolve(APP_FOLDER).resolve(source.getFileName());
            if (Files.isDirectory(folder)) {
                return new Extraction(folder, extractedJar, false);
            }
            Path partial = Files.createTempDirectory(root, PARTIAL_PREFIX);
            try {
                extractor.extract(source, partial.resolve(APP_FOLDER));
                if (!Files.isRegularFile(partial.resolve(APP_FOLDER).resolve(source.getFileName()))) {
                    throw new IOException("the extraction holds no " + source.getFileName());
                }
                Files.writeString(partial.resolve(SOURCE_FILE), source.toString());
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(partial); // gone already after the rename
            }
            return new Extraction(folder, extractedJar, true);
        }
    }

    /**
     * {@code <jar name>-<hash of its path>-<size>-<modification time>}: a new build at the same path gets a new folder,
     * and two installations of the same build keep one each.
     */
    static String folderName(Path jar) throws IOException {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return name + "-" + Integer.toHexString(jar.toString().hashCode()) + "-" + Files.size(jar) + "-"
                + Files.getLastModifiedTime(jar).toMillis();
    }

    /** Partial extractions (a run killed while extracting), and extractions whose jar is gone or has changed. */
    private void removeLeftovers() throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.filter(Files::isDirectory).toList();
        }
        for (Path entry : entries) {
            if (entry.getFileName().toString().startsWith(PARTIAL_PREFIX)) {
                deleteTree(entry);
            } else if (Files.isRegularFile(entry.resolve(SOURCE_FILE)) && !current(entry)) {
                deleteTree(entry);
            }
        }
    }

    private static boolean current(Path extraction) throws IOException {
        Path jar = Path.of(Files.readString(extraction.resolve(SOURCE_FILE)).strip());
        return Files.isRegularFile(jar)
                && folderName(jar).equals(extraction.getFileName().toString());
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
