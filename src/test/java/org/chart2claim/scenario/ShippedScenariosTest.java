package org.chart2claim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped scenario library: complete, valid, and every key code billable. */
class ShippedScenariosTest {

    private static final Path SCENARIOS = Path.of("scenarios");
    private static final Path REFERENCE = Path.of("..", "shared", "reference");

    @Test
    void allShippedScenariosLoadWithoutProblems() {
        ScenarioLoader.Result result = new ScenarioLoader(null).loadFolder(SCENARIOS);
        assertThat(result.problems()).isEmpty();
        assertThat(result.scenarios()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(result.scenarios().stream()
                        .map(Scenario::specialty)
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(10);
        assertThat(result.scenarios().stream().map(Scenario::difficulty).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void everyKeyCodeIsBillableInTheCuratedCodeBooks() {
        ScenarioLoader.Result result = new ScenarioLoader(CuratedCodeBooks.load()).loadFolder(SCENARIOS);
        assertThat(result.problems())
                .as("scenarios whose key codes the curated books lack")
                .isEmpty();
    }

    @Test
    void everyKeyScoresOneHundredAndAnEmptyAnswerZero() {
        org.chart2claim.coding.Grader grader = new org.chart2claim.coding.Grader(c -> java.util.Optional.empty());
        for (Scenario s : new ScenarioLoader(null).loadFolder(SCENARIOS).scenarios()) {
            assertThat(grader.grade(s.key(), org.chart2claim.coding.CodingAnswer.fromKey(s.key()))
                            .score())
                    .as(s.id())
                    .isEqualTo(100);
            assertThat(grader.grade(s.key(), org.chart2claim.coding.CodingAnswer.empty())
                            .score())
                    .as(s.id())
                    .isZero();
        }
    }

    @Test
    void everyIcdKeyCodeIsBillableInTheOfficialFy2026Release() throws IOException {
        Path order = REFERENCE.resolve("icd10cm-2026/icd10cm_order_2026.txt");
        Assumptions.assumeTrue(Files.exists(order), "official ICD-10-CM FY2026 order file not present");
        Set<String> billable = new HashSet<>();
        try (Stream<String> lines = Files.lines(order, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lines.filter(l -> l.length() > 14 && l.charAt(14) == '1')
                    .forEach(l -> billable.add(l.substring(6, 13).strip()));
        }
        Set<String> notBillable = new TreeSet<>();
        for (Scenario s : new ScenarioLoader(null).loadFolder(SCENARIOS).scenarios()) {
            s.key().diagnoses().forEach(d -> check(d.code(), billable, notBillable, s.id()));
            s.key().optionalCodes().forEach(c -> check(c, billable, notBillable, s.id()));
        }
        assertThat(notBillable).isEmpty();
    }

    @Test
    void everyHcpcsKeyCodeExistsInTheOfficialHcpcsFile() throws IOException {
        Path file = REFERENCE.resolve("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt");
        Assumptions.assumeTrue(Files.exists(file), "official HCPCS 2020 file not present");
        Set<String> codes = new HashSet<>();
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lines.filter(l -> l.matches("^[A-V]\\d{4}.*")).forEach(l -> codes.add(l.substring(0, 5)));
        }
        Set<String> unknown = new TreeSet<>();
        for (Scenario s : new ScenarioLoader(null).loadFolder(SCENARIOS).scenarios()) {
            s.key().procedures().stream()
                    .map(AnswerKey.ProcedureLine::code)
                    .filter(c -> Character.isLetter(c.charAt(0)) && !codes.contains(c))
                    .forEach(c -> unknown.add(s.id() + ": " + c));
        }
        assertThat(unknown).isEmpty();
    }

    private static void check(String code, Set<String> billable, Set<String> bad, String id) {
        if (!billable.contains(code.replace(".", ""))) {
            bad.add(id + ": " + code);
        }
    }
}
