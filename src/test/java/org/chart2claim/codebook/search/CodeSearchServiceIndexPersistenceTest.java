package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeBooksChangedEvent;
import org.chart2claim.codebook.CodeEntry;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.config.Chart2ClaimProperties;
import org.chart2claim.config.ContentLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk is reused while the books are unchanged and rebuilt when they change. */
class CodeSearchServiceIndexPersistenceTest {

    @TempDir
    Path dataDir;

    private static List<String> indexFolders(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private ContentLocations locations() throws IOException {
        Files.createDirectories(dataDir.resolve("scenarios"));
        return new ContentLocations(new Chart2ClaimProperties(
                dataDir.toString(),
                Path.of("codebooks").toAbsolutePath().toString(),
                dataDir.resolve("scenarios").toString(),
                "x"));
    }

    @Test
    void reusesTheIndexUntilTheBooksChange() throws IOException {
        ContentLocations locations = locations();
        // without Spring, the test delivers the books-changed event to the index it is checking
        List<CodeSearchService> listening = new java.util.ArrayList<>();
        CodeBookService books = new CodeBookService(
                locations, event -> listening.forEach(s -> s.onCodeBooksChanged((CodeBooksChangedEvent) event)));

        CodeSearchService first = new CodeSearchService(books, locations, "");
        assertThat(first.lastOpenBuilt()).isTrue();
        List<String> folders = indexFolders(first.indexRoot());
        assertThat(folders).hasSize(1);
        assertThat(first.search("e119", null, false, 1))
                .extracting(CodeHit::code)
                .containsExactly("E11.9");
        first.close();

        CodeSearchService second = new CodeSearchService(books, locations, "");
        listening.add(second);
        assertThat(second.lastOpenBuilt()).isFalse();
        assertThat(indexFolders(second.indexRoot())).isEqualTo(folders);
        assertThat(second.search("CHF", null, false, 1))
                .extracting(CodeHit::code)
                .containsExactly("I50.9");

        // an importer installs another HCPCS set: the index is rebuilt for it and the old one removed
        CodeSet small = new CodeSet(
                CodeSystem.HCPCS,
                "2026 test",
                "test",
                "test",
                books.books().book(CodeSystem.HCPCS).orElseThrow().set().chapters(),
                books.books().book(CodeSystem.HCPCS).orElseThrow().set().blocks(),
                List.of(CodeEntry.simple("K0003", "Lightweight wheelchair", true, null, 5, "K", "K0001-K0009")),
                List.of(),
                List.of());
        books.install(small);
        assertThat(indexFolders(second.indexRoot())).hasSize(1).isNotEqualTo(folders);
        assertThat(second.search("wheelchair", CodeSystem.HCPCS, false, 10))
                .extracting(CodeHit::version)
                .containsOnly("2026 test");
        second.close();

        // a damaged index on disk (segments lost) is rebuilt instead of failing the start
        Path folder =
                second.indexRoot().resolve(indexFolders(second.indexRoot()).getFirst());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments"))
                    .toList()) {
                Files.delete(file);
            }
        }
        CodeSearchService third = new CodeSearchService(books, locations, "");
        assertThat(third.lastOpenBuilt()).isTrue();
        assertThat(third.search("wheelchair", CodeSystem.HCPCS, false, 1))
                .extracting(CodeHit::code)
                .containsExactly("K0003");
        third.close();
    }

    @Test
    void aFlippedByteInsideTheIndexIsFoundByTheChecksumAtOpenAndTheIndexRebuilt() throws IOException {
        ContentLocations locations = locations();
        CodeBookService books = new CodeBookService(locations, event -> {});
        CodeSearchService first = new CodeSearchService(books, locations, "");
        first.ensureStarted(); // opens (here: builds) the index, as the background start does after a start
        Path folder = first.indexRoot().resolve(indexFolders(first.indexRoot()).getFirst());
        first.close();

        // the largest file, one byte in its middle: Lucene's open alone does not read that far
        Path largest;
        try (Stream<Path> files = Files.list(folder)) {
            largest = files.filter(f -> !f.getFileName().toString().equals("complete"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().length()))
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(largest, bytes);

        CodeSearchService second = new CodeSearchService(books, locations, "");
        assertThat(second.lastOpenBuilt())
                .as("rebuilt after the checksum failed")
                .isTrue();
        assertThat(second.search("e119", null, false, 1))
                .extracting(CodeHit::code)
                .containsExactly("E11.9");
        second.close();
    }
}
