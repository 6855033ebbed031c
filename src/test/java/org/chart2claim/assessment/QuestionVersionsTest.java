package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Shipped questions are versioned like shipped scenarios: a new file question is version 1, a changed one the next
 * version at the next (re)load, a reformatted file with the same content no new version, a removed one leaves the
 * bank; an edit in the browser survives a reload. A bank of its own over a temporary folder and the shared database
 * (ids of its own, so the shared bank is untouched).
 */
@IntegrationTest
class QuestionVersionsTest {

    @Autowired
    ContentLocations locations;

    @Autowired
    CodeBookService books;

    @Autowired
    QuestionVersionStore store;

    @Autowired
    PlatformTransactionManager transactions;

    private static String file(String id, String stem, String extra) {
        return """
                domain: ANATOMY
                questions:
                  - id: %s
                    difficulty: 1
                    tags: [bones]%s
                    stem: "%s"
                    options:
                      A: "Femur"
                      B: "Tibia"
                      C: "Fibula"
                      D: "Patella"
                    key: A
                    rationale: "The femur is the longest bone."
                """.formatted(id, extra, stem);
    }

    @Test
    void fileQuestionsBecomeVersionsAndAnEditSurvivesAReload(@TempDir Path folder) throws Exception {
        String id = "at-v" + UUID.randomUUID().toString().substring(0, 8);
        QuestionBank bank = new QuestionBank(locations, books, store, transactions, folder.toString());
        Path anatomy = folder.resolve("anatomy.yaml");
        Files.writeString(anatomy, file(id, "Which is the longest bone?", ""));
        bank.reload();
        assertThat(bank.find(id).orElseThrow().version()).isEqualTo(1);

        Files.writeString(anatomy, "# a comment and other spacing\n" + file(id, "Which is the longest bone?", "  "));
        bank.reload();
        assertThat(bank.versions(id)).hasSize(1);

        Files.writeString(anatomy, file(id, "Which bone is the longest?", ""));
        bank.reload();
        assertThat(bank.find(id).orElseThrow().version()).isEqualTo(2);
        assertThat(bank.version(id, 1).orElseThrow().stem()).isEqualTo("Which is the longest bone?");
        assertThat(bank.versions(id))
                .extracting(QuestionBank.VersionInfo::source)
                .containsOnly(QuestionVersionStore.Source.FILE);

        QuestionForm edit = QuestionForm.of(bank.find(id).orElseThrow());
        bank.publish(
                new QuestionForm(
                        edit.id(),
                        edit.domain(),
                        edit.difficulty(),
                        edit.tags(),
                        "Name the longest bone of the body.",
                        edit.options(),
                        edit.key(),
                        edit.rationale(),
                        null,
                        null,
                        null),
                id,
                "instructor",
                "shorter");
        bank.reload();
        Question current = bank.find(id).orElseThrow();
        assertThat(current.version()).isEqualTo(3);
        assertThat(current.stem()).isEqualTo("Name the longest bone of the body.");
        assertThat(store.entry(id).orElseThrow().owner()).isEqualTo("instructor");

        // the file changes again: the shipped text is the newest version (as for scenarios)
        Files.writeString(anatomy, file(id, "Longest bone?", ""));
        bank.reload();
        assertThat(bank.find(id).orElseThrow().version()).isEqualTo(4);

        Files.delete(anatomy);
        bank.reload();
        assertThat(bank.find(id)).isEmpty();
        assertThat(bank.version(id, 3).orElseThrow().stem()).isEqualTo("Name the longest bone of the body.");
    }
}
