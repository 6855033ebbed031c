package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.junit.jupiter.api.Test;

/** Every shipped question file under scenarios/questions/ loads without a single problem against the shipped books. */
class ShippedQuestionsTest {

    private static final Path BANK = Path.of("scenarios", "questions");

    @Test
    void everyShippedQuestionLoadsWithoutProblems() throws IOException {
        QuestionLoader.Result result =
                QuestionBank.loader(ShippedCodeBooks.books()).loadFolder(BANK);
        assertThat(result.problems())
                .as("problems of the shipped question bank")
                .isEmpty();
        long files;
        try (Stream<Path> list = Files.isDirectory(BANK) ? Files.list(BANK) : Stream.empty()) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        // every file contributed at least one question
        assertThat(result.questions().stream()
                        .map(Question::sourceFile)
                        .distinct()
                        .count())
                .isEqualTo(files);
    }

    @Test
    void theCpcPresetSharesAddUpToOneHundred() {
        assertThat(Stream.of(QuestionDomain.values())
                        .mapToInt(QuestionDomain::cpcShare)
                        .sum())
                .isEqualTo(100);
        assertThat(Stream.of(QuestionDomain.values())
                        .map(QuestionDomain::idPrefix)
                        .distinct()
                        .count())
                .isEqualTo(QuestionDomain.values().length);
    }
}
