package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.junit.jupiter.api.Test;

/**
 * The question-bank format (scenarios/questions/README.md): every rule with a file that breaks it, hostile YAML,
 * and the sample bank of the tests loading cleanly against the shipped code books.
 */
class QuestionBankFilesTest {

    private static final CodeBooks BOOKS = ShippedCodeBooks.books();

    private static QuestionLoader.Result load(String fileName, String yaml) {
        return QuestionBank.loader(BOOKS).load(Map.of(fileName, yaml));
    }

    private static String icdFile(String questionsYaml) {
        return "domain: ICD_10_CM\nquestions:\n" + questionsYaml;
    }

    private static final String GOOD = """
              - id: icd-x01
                author: "Ann"
                review: "Ben, 2026-12-01"
                difficulty: 2
                tags: [diabetes]
                stem: "Which code?"
                options:
                  A: "E11.9"
                  B: "E11.65"
                  C: "E11.649"
                  D: "E11.8"
                key: B
                rationale: "E11.65 per the Index; E11.9 is without complications."
            """;

    @Test
    void theSampleBankOfTheTestsLoadsWithoutProblems() {
        QuestionLoader.Result result =
                QuestionBank.loader(BOOKS).loadFolder(Path.of("src/test/resources/questions-sample"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.questions())
                .extracting(Question::id)
                .containsExactly("co-t01", "em-t01", "em-t02", "hc-t01", "icd-t01", "icd-t02");
        Question q = result.questions().get(4);
        assertThat(q.domain()).isEqualTo(QuestionDomain.ICD_10_CM);
        assertThat(q.options()).containsOnlyKeys("A", "B", "C", "D");
        assertThat(q.key()).isEqualTo("B");
        assertThat(q.tags()).containsExactly("diabetes", "combination-code");
    }

    @Test
    void aValidQuestionLoads() {
        QuestionLoader.Result result = load("icd-10-cm.yaml", icdFile(GOOD));
        assertThat(result.problems()).isEmpty();
        assertThat(result.questions()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("icd-x01");
            assertThat(q.sourceFile()).isEqualTo("icd-10-cm.yaml");
        });
    }

    @Test
    void exactlyOneKeyAmongTheFourOptions() {
        assertThat(problemsOf(GOOD.replace("key: B", "key: E")))
                .anyMatch(p -> p.contains("key must be one of A, B, C, D"));
        assertThat(problemsOf(GOOD.replace("key: B", "key: [B, C]")))
                .anyMatch(p -> p.contains("exactly one option letter"));
        assertThat(problemsOf(GOOD.replace("    key: B\n", ""))).anyMatch(p -> p.contains("key must be one of"));
    }

    @Test
    void fourNonBlankDistinctOptionsKeyedAToD() {
        assertThat(problemsOf(GOOD.replace("      D: \"E11.8\"\n", ""))).anyMatch(p -> p.contains("exactly four"));
        assertThat(problemsOf(GOOD.replace("D: \"E11.8\"", "E: \"E11.8\""))).anyMatch(p -> p.contains("exactly four"));
        assertThat(problemsOf(GOOD.replace("D: \"E11.8\"", "D: \"  \"")))
                .anyMatch(p -> p.contains("option D must be non-blank"));
        assertThat(problemsOf(GOOD.replace("D: \"E11.8\"", "D: \"E11.9\""))).anyMatch(p -> p.contains("same text"));
        // A bare number is not text: YAML would read 01402 as an octal number.
        assertThat(problemsOf(GOOD.replace("D: \"E11.8\"", "D: 01402")))
                .anyMatch(p -> p.contains("write text in quotes"));
    }

    @Test
    void idsAreWellFormedPrefixedByTheDomainAndUniqueAcrossFiles() {
        assertThat(problemsOf(GOOD.replace("icd-x01", "ICD_1"))).anyMatch(p -> p.contains("lower-case letters"));
        assertThat(problemsOf(GOOD.replace("icd-x01", "em-x01"))).anyMatch(p -> p.contains("must start with icd-"));
        QuestionLoader.Result twice = QuestionBank.loader(BOOKS).load(Map.of("icd-10-cm.yaml", icdFile(GOOD + GOOD)));
        assertThat(twice.questions()).hasSize(1);
        assertThat(twice.problems())
                .singleElement()
                .hasToString("icd-10-cm.yaml [icd-x01]: id icd-x01 is already used in icd-10-cm.yaml");
    }

    @Test
    void theDomainIsKnownAndMatchesTheFileName() {
        assertThat(load("icd-10-cm.yaml", "domain: CARDIOLOGY\nquestions:\n" + GOOD)
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.questionId()).isNull();
                    assertThat(p.reasons()).anyMatch(r -> r.startsWith("domain must be one of"));
                });
        assertThat(load("radiology.yaml", icdFile(GOOD)).problems().getFirst().reasons())
                .containsExactly("questions of domain ICD_10_CM belong in icd-10-cm.yaml, not in radiology.yaml");
    }

    @Test
    void anAuthoredQuestionNeedsAReviewBySomeoneElse() {
        assertThat(problemsOf(GOOD.replace("    review: \"Ben, 2026-12-01\"\n", "")))
                .anyMatch(p -> p.contains("needs a review by someone else"));
        assertThat(problemsOf(GOOD.replace("Ben, 2026-12-01", "ann, 2026-12-01")))
                .anyMatch(p -> p.contains("someone other than the author (Ann)"));
        // No author: a question of the engine's own (like the test samples) needs no review.
        assertThat(problemsOf(GOOD.replace("    author: \"Ann\"\n    review: \"Ben, 2026-12-01\"\n", "")))
                .isEmpty();
    }

    @Test
    void theReviewMayBeRecordedAsForScenarios() {
        String mapping =
                "    review: {by: \"Ben\", on: 2026-12-01, checklist: REVIEW.md, notes: \"key and codes checked\"}\n";
        assertThat(problemsOf(GOOD.replace("    review: \"Ben, 2026-12-01\"\n", mapping)))
                .isEmpty();
        assertThat(problemsOf(GOOD.replace("    review: \"Ben, 2026-12-01\"\n", mapping.replace("Ben", "Ann"))))
                .anyMatch(p -> p.contains("someone other than the author (Ann)"));
        assertThat(problemsOf(GOOD.replace("    review: \"Ben, 2026-12-01\"\n", mapping.replace("REVIEW.md", "none"))))
                .anyMatch(p -> p.contains("review.checklist must be REVIEW.md"));
        assertThat(problemsOf(GOOD.replace("    review: \"Ben, 2026-12-01\"\n", mapping.replace("2026-12-01", "soon"))))
                .anyMatch(p -> p.contains("review.on must be a date"));
    }

    @Test
    void everyCodeInOptionsAndRationaleExistsInTheBooksModifiersToo() {
        assertThat(problemsOf(GOOD.replace("E11.8", "E11.99")))
                .containsExactly("option D: E11.99 is not in the ICD-10-CM book");
        assertThat(problemsOf(GOOD.replace("E11.8", "99299")))
                .containsExactly("option D: 99299 is not in the CPT book");
        assertThat(problemsOf(GOOD.replace("E11.8", "J9999")))
                .containsExactly("option D: J9999 is not in the HCPCS Level II book");
        assertThat(problemsOf(GOOD.replace("E11.8", "99214-9Z")))
                .containsExactly("option D: modifier 9Z (in 99214-9Z) is not in the modifier books");
        assertThat(problemsOf(GOOD.replace("E11.8", "E1165")))
                .containsExactly(
                        "option D: E1165 is not in the HCPCS Level II book (an ICD-10-CM code is written with its dot: E11.65)");
        assertThat(problemsOf(GOOD.replace("E11.9 is without", "E11.90 is without")))
                .containsExactly("rationale: E11.90 is not in the ICD-10-CM book");
        // Words, guideline sections and times are no codes.
        assertThat(QuestionCodeChecker.tokens("See I.C.4.a.3, 25 minutes, 2026 rules; 99214-25 and E11.65."))
                .containsExactly("99214-25", "E11.65");
    }

    @Test
    void wrongTypesAndMissingFieldsAreNamed() {
        assertThat(problemsOf(GOOD.replace("difficulty: 2", "difficulty: hard")))
                .anyMatch(p -> p.contains("difficulty must be 1, 2 or 3, not 'hard'"));
        assertThat(problemsOf(GOOD.replace("difficulty: 2", "difficulty: 7")))
                .anyMatch(p -> p.contains("difficulty must be 1, 2 or 3"));
        assertThat(problemsOf(GOOD.replace("stem: \"Which code?\"", "stem: [a, b]")))
                .anyMatch(p -> p.contains("stem must be text, not a list"));
        assertThat(problemsOf(GOOD.replace("tags: [diabetes]", "tags: {a: b}")))
                .anyMatch(p -> p.contains("tags must be a list"));
        assertThat(problemsOf(
                        GOOD.replace("    rationale: \"E11.65 per the Index; E11.9 is without complications.\"\n", "")))
                .anyMatch(p -> p.contains("missing required field rationale"));
        assertThat(problemsOf(GOOD.replace("tags:", "tagz:"))).anyMatch(p -> p.contains("unknown field 'tagz'"));
        assertThat(load("icd-10-cm.yaml", "domain: ICD_10_CM\nquestions: {a: 1}")
                        .problems()
                        .getFirst()
                        .reasons())
                .containsExactly("questions must be a list of questions ('- id: ...')");
        assertThat(load("icd-10-cm.yaml", "- just\n- a list")
                        .problems()
                        .getFirst()
                        .reasons())
                .containsExactly("the file must be a YAML mapping with 'domain' and 'questions'");
        assertThat(load("icd-10-cm.yaml", "  ").problems().getFirst().reasons()).containsExactly("the file is empty");
    }

    @Test
    void aBrokenQuestionIsSkippedAndTheOthersLoad() {
        QuestionLoader.Result result = load(
                "icd-10-cm.yaml",
                icdFile(GOOD + GOOD.replace("icd-x01", "icd-x02").replace("key: B", "key: Z")));
        assertThat(result.questions()).extracting(Question::id).containsExactly("icd-x01");
        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.questionId()).isEqualTo("icd-x02"));
    }

    @Test
    void hostileYamlIsRefusedWithAMessage() {
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                """;
        assertThat(load("icd-10-cm.yaml", bomb).problems().getFirst().reasons().getFirst())
                .startsWith("not valid YAML");
        assertThat(load("icd-10-cm.yaml", "domain: !!javax.script.ScriptEngineManager [x]\nquestions: []")
                        .problems()
                        .getFirst()
                        .reasons()
                        .getFirst())
                .startsWith("not valid YAML");
        assertThat(load("icd-10-cm.yaml", "domain: ICD_10_CM\ndomain: ICD_10_CM\nquestions: []")
                        .problems()
                        .getFirst()
                        .reasons()
                        .getFirst())
                .startsWith("not valid YAML");
        assertThat(load("icd-10-cm.yaml", "a: " + "[".repeat(100) + "]".repeat(100))
                        .problems()
                        .getFirst()
                        .reasons()
                        .getFirst())
                .startsWith("not valid YAML");
        assertThat(load("icd-10-cm.yaml", "domain: ICD_10_CM\nquestions: [\"unterminated")
                        .problems())
                .isNotEmpty();
        assertThat(load("icd-10-cm.yaml", icdFile("  - \"just text\"\n"))
                        .problems()
                        .getFirst()
                        .reasons())
                .containsExactly("each question must be a mapping of fields (id, stem, options, key, ...)");
        assertThat(load("icd-10-cm.yaml", "x".repeat(QuestionParser.MAX_FILE_CHARS + 1))
                        .problems()
                        .getFirst()
                        .reasons())
                .containsExactly("the file is larger than 2000000 characters");
    }

    private static java.util.List<String> problemsOf(String questionYaml) {
        QuestionLoader.Result result = load("icd-10-cm.yaml", icdFile(questionYaml));
        return result.problems().stream().flatMap(p -> p.reasons().stream()).toList();
    }
}
