package org.chart2claim.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chart2claim.config.Chart2ClaimProperties;
import org.chart2claim.config.ContentLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code books are off the start path: constructing the service reads nothing; the first reader (the background
 * start, or a request that comes earlier) loads them, and already sees the set the importer wants active.
 */
class CodeBookServiceStartTest {

    @TempDir
    Path dataDir;

    @Test
    void nothingLoadsAtConstructionAndTheFirstReaderSeesTheStartupSetNotTheCuratedOne() throws IOException {
        Files.createDirectories(dataDir.resolve("scenarios"));
        ContentLocations locations = new ContentLocations(new Chart2ClaimProperties(
                dataDir.toString(),
                Path.of("codebooks").toAbsolutePath().toString(),
                dataDir.resolve("scenarios").toString(),
                "x"));
        AtomicInteger asked = new AtomicInteger();
        StartupCodeSets importer = curated -> {
            asked.incrementAndGet();
            CodeSet hcpcs = curated.sets().stream()
                    .filter(s -> s.system() == CodeSystem.HCPCS)
                    .findFirst()
                    .orElseThrow();
            // an "imported" HCPCS set without A0425 (ground mileage), so the test can tell the two apart
            return List.of(new CodeSet(
                    hcpcs.system(),
                    "2099 test",
                    "HCPCS 2099 test",
                    hcpcs.source(),
                    hcpcs.chapters(),
                    hcpcs.blocks(),
                    hcpcs.entries().stream()
                            .filter(e -> !e.code().equals("A0425"))
                            .toList(),
                    hcpcs.indexTerms(),
                    hcpcs.modifiers()));
        };
        List<Object> events = new ArrayList<>();
        CodeBookService service = new CodeBookService(locations, events::add, () -> List.of(importer));

        assertThat(service.started()).isFalse();
        assertThat(asked).as("nothing is read on the start path").hasValue(0);

        assertThat(service.find(CodeSystem.HCPCS, "A0425"))
                .as("the first read sees the imported set")
                .isEmpty();
        assertThat(service.book(CodeSystem.HCPCS).orElseThrow().set().version()).isEqualTo("2099 test");
        assertThat(service.curatedSet(CodeSystem.HCPCS).orElseThrow().entries())
                .anyMatch(e -> e.code().equals("A0425"));
        assertThat(service.started()).isTrue();
        assertThat(asked).hasValue(1);
        assertThat(events)
                .as("nobody read the curated books, so no change is announced")
                .isEmpty();

        service.ensureStarted();
        assertThat(asked).as("loaded once").hasValue(1);
    }
}
