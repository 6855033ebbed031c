package org.chart2claim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.coding.CodingAttempt;
import org.chart2claim.coding.CodingAttemptRepository;
import org.chart2claim.config.Chart2ClaimProperties;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Start-up synchronisation: new and changed files update their rows, removed ones retire, attempts stay. */
@IntegrationTest
class ScenarioSyncTest {

    @Autowired
    ScenarioRecordRepository records;

    @Autowired
    CodingAttemptRepository attempts;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ScenarioVersionRepository versions;

    @Autowired
    ScenarioClaimVersionRepository claimVersions;

    @Autowired
    org.chart2claim.account.CohortService cohorts;

    @Autowired
    CodeLookup lookup;

    @Autowired
    ScenarioLibrary appLibrary;

    @TempDir
    Path folder;

    @AfterEach
    void restoreTheShippedLibrary() {
        appLibrary.reload();
    }

    @Test
    void newChangedAndRemovedFilesAreSynchronisedAndAttemptsKept() throws Exception {
        String text = ScenarioLoaderTest.VALID.replace("t-001-sample", "sync-001");
        Files.writeString(folder.resolve("sync-001.md"), text);
        Files.writeString(folder.resolve("broken.md"), "not a scenario");
        ContentLocations locations =
                new ContentLocations(new Chart2ClaimProperties("target/test-data", null, folder.toString(), null));
        ScenarioLibrary library = new ScenarioLibrary(locations, lookup, records, versions, cohorts, claimVersions, tx);

        library.reload();
        assertThat(library.find("sync-001")).isPresent();
        assertThat(library.problems())
                .extracting(ScenarioLoader.Problem::fileName)
                .containsExactly("broken.md");
        assertThat(records.findById("sync-001"))
                .get()
                .extracting(ScenarioRecord::getTitle)
                .isEqualTo("Sample");
        CodingAttempt attempt =
                attempts.save(new CodingAttempt("sync-learner", "sync-001", "hash", "{\"diagnoses\":[\"E11.40\"]}"));

        Files.writeString(folder.resolve("sync-001.md"), text.replace("title: Sample", "title: Sample, revised"));
        library.reload();
        ScenarioRecord changed = records.findById("sync-001").orElseThrow();
        assertThat(changed.getTitle()).isEqualTo("Sample, revised");
        assertThat(changed.getContentHash())
                .isEqualTo(library.find("sync-001").orElseThrow().contentHash());
        assertThat(attempts.findById(attempt.getId())).isPresent();

        Files.delete(folder.resolve("sync-001.md"));
        library.reload();
        assertThat(library.find("sync-001")).isEmpty();
        assertThat(records.findById("sync-001"))
                .get()
                .extracting(ScenarioRecord::isAvailable)
                .isEqualTo(false);
        assertThat(attempts.findById(attempt.getId())).isPresent();
        assertThat(List.of(folder.toFile().list())).contains("broken.md");
    }
}
