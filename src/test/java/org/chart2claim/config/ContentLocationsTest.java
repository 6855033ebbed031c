package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with -9 leaves its content copies behind; the next start deletes them, not a running one's. */
class ContentLocationsTest {

    @Test
    void copiesOfEndedProcessesAreDeletedAtStart(@TempDir Path dataDir) throws Exception {
        Path ended = Files.createDirectories(dataDir.resolve("tmp/codebooks-999999999"));
        Files.writeString(ended.resolve("icd10cm.txt"), "left behind");
        Path running = Files.createDirectories(
                dataDir.resolve("tmp/scenarios-" + ProcessHandle.current().pid()));

        new ContentLocations(new Chart2ClaimProperties(dataDir.toString(), null, null, null));

        assertThat(ended).doesNotExist();
        assertThat(running).exists();
    }
}
