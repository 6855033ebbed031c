package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's extraction cache: once per jar content, complete or not used, stale extractions removed. */
class ExtractionCacheTest {

    @TempDir
    Path folder;

    private final AtomicInteger extractions = new AtomicInteger();

    /** Stands in for Spring Boot's extract: the jar of the same name and a lib/ folder. */
    private void extract(Path jar, Path destination) throws IOException {
        extractions.incrementAndGet();
        Files.createDirectories(destination.resolve("lib"));
        Files.writeString(destination.resolve("lib/dependency.jar"), "lib");
        Files.copy(jar, destination.resolve(jar.getFileName()));
    }

    private Path jar(String name, String content) throws IOException {
        Path jar = folder.resolve("jars").resolve(name);
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, content);
    }

    private String[] cacheEntries(Path cache) throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toArray(String[]::new);
        }
    }

    @Test
    void aJarIsExtractedOnceAndTheExtractionReused() throws Exception {
        Path jar = jar("chart2claim.jar", "v1");
        ExtractionCache cache = new ExtractionCache(folder.resolve("cache"));

        ExtractionCache.Extraction first = cache.prepare(jar, this::extract);
        ExtractionCache.Extraction second = cache.prepare(jar, this::extract);

        assertThat(first.fresh()).isTrue();
        assertThat(second.fresh()).isFalse();
        assertThat(second).isEqualTo(new ExtractionCache.Extraction(first.folder(), first.jar(), false));
        assertThat(extractions).hasValue(1);
        assertThat(first.jar()).hasContent("v1").hasFileName("chart2claim.jar");
        assertThat(first.folder().resolve("app/lib/dependency.jar")).exists();
    }

    @Test
    void anExtractionKilledHalfwayIsNeverUsedAndRemovedByTheNextStart() throws Exception {
        Path jar = jar("chart2claim.jar", "v1");
        Path root = folder.resolve("cache");
        ExtractionCache cache = new ExtractionCache(root);

        assertThatThrownBy(() -> cache.prepare(jar, (source, destination) -> {
                    Files.createDirectories(destination.resolve("lib"));
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(cacheEntries(root)).isEmpty();
        // what a kill -9 during the extraction leaves behind
        Files.createDirectories(root.resolve(ExtractionCache.PARTIAL_PREFIX + "123/app/lib"));

        ExtractionCache.Extraction next = cache.prepare(jar, this::extract);

        assertThat(next.fresh()).isTrue();
        assertThat(cacheEntries(root))
                .containsExactly(next.folder().getFileName().toString());
    }

    @Test
    void anExtractionWithoutTheJarIsAFailureNotAFolderToUse() throws Exception {
        Path jar = jar("chart2claim.jar", "v1");
        Path root = folder.resolve("cache");

        assertThatThrownBy(() -> new ExtractionCache(root)
                        .prepare(jar, (source, destination) -> Files.createDirectories(destination)))
                .hasMessageContaining("holds no chart2claim.jar");
        assertThat(cacheEntries(root)).isEmpty();
    }

    @Test
    void aChangedJarIsExtractedAgainAndOnlyStaleExtractionsAreRemoved() throws Exception {
        Path jar = jar("chart2claim.jar", "v1");
        Path other = jar("other.jar", "other");
        Path gone = jar("gone.jar", "gone");
        Path root = folder.resolve("cache");
        ExtractionCache cache = new ExtractionCache(root);
        ExtractionCache.Extraction old = cache.prepare(jar, this::extract);
        ExtractionCache.Extraction kept = cache.prepare(other, this::extract);
        ExtractionCache.Extraction removed = cache.prepare(gone, this::extract);
        Files.delete(gone);

        // a new build at the same path
        Files.writeString(jar, "v2, longer");
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        ExtractionCache.Extraction rebuilt = cache.prepare(jar, this::extract);

        assertThat(rebuilt.fresh()).isTrue();
        assertThat(rebuilt.folder()).isNotEqualTo(old.folder());
        assertThat(rebuilt.jar()).hasContent("v2, longer");
        assertThat(old.folder()).doesNotExist();
        assertThat(removed.folder()).doesNotExist();
        assertThat(kept.folder()).exists();
        assertThat(cacheEntries(root))
                .containsExactlyInAnyOrder(
                        rebuilt.folder().getFileName().toString(),
                        kept.folder().getFileName().toString());
    }
}
