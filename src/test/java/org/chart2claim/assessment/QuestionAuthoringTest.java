package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.junit.jupiter.api.Test;

/**
 * The plain rules behind the question bank view: a question's canonical text reads back as the same question (what a
 * version stores and hashes), the form goes through the bank files' own parser and code check, every message lands
 * at its field, and the list filters.
 */
class QuestionAuthoringTest {

    private static final CodeBooks BOOKS = ShippedCodeBooks.books();
    private static final Path SHIPPED = Path.of("scenarios/questions");

    private static QuestionForm form(String id, String optionD, String rationale) {
        return new QuestionForm(
                id,
                QuestionDomain.ICD_10_CM,
                2,
                "diabetes, , combination-code ",
                "A patient with \"type 2\" diabetes:\nwhich code?",
                Map.of("A", "E11.9", "B", "E11.65", "C", "E11.649", "D", optionD),
                "B",
                rationale,
                "Ann",
                "Ben",
                LocalDate.of(2026, 12, 1));
    }

    /** The form judged as the loader judges a file: the messages of the question, or none. */
    private static List<String> judge(QuestionForm f) {
        QuestionLoader.Result r = QuestionBank.loader(BOOKS)
                .load(Map.of(f.domain() == null ? "x.yaml" : f.domain().fileName(), f.text()));
        List<String> messages = new ArrayList<>();
        r.problems().forEach(p -> messages.addAll(p.reasons()));
        return messages;
    }

    @Test
    void everyShippedQuestionReadsBackFromItsCanonicalTextUnchanged() {
        QuestionLoader.Result shipped = QuestionBank.loader(BOOKS).loadFolder(SHIPPED);
        assertThat(shipped.questions()).hasSizeGreaterThan(150);
        for (Question q : shipped.questions()) {
            String text = QuestionText.write(q);
            List<String> reasons = new ArrayList<>();
            Question back = QuestionBank.parseOne(text, reasons);
            assertThat(reasons).as(q.id()).isEmpty();
            assertThat(back.withVersion(1)).as(q.id()).isEqualTo(q);
            assertThat(QuestionText.write(back)).isEqualTo(text);
        }
    }

    @Test
    void theHashChangesWithAWordNotWithTheVersionNumber() {
        Question q = QuestionBank.parseOne(form("icd-x01", "E11.8", "r").text(), new ArrayList<>());
        String text = QuestionText.write(q);
        assertThat(QuestionText.hash(QuestionText.write(q.withVersion(7)))).isEqualTo(QuestionText.hash(text));
        Question changed = new Question(
                q.id(),
                q.domain(),
                q.author(),
                q.review(),
                q.difficulty(),
                q.tags(),
                q.stem() + "?",
                q.options(),
                q.key(),
                q.rationale(),
                q.sourceFile());
        assertThat(QuestionText.hash(QuestionText.write(changed))).isNotEqualTo(QuestionText.hash(text));
    }

    @Test
    void aValidFormIsAValidQuestionWithQuotesLineBreaksAndTagsKept() {
        QuestionForm f = form("icd-x01", "E11.8", "E11.65: \"with hyperglycemia\"; see I.C.4.a.");
        assertThat(judge(f)).isEmpty();
        Question q = QuestionBank.parseOne(f.text(), new ArrayList<>());
        assertThat(q.stem()).isEqualTo("A patient with \"type 2\" diabetes:\nwhich code?");
        assertThat(q.tags()).containsExactly("diabetes", "combination-code");
        assertThat(q.review()).isEqualTo("Ben, 2026-12-01");
        assertThat(QuestionForm.of(q))
                .isEqualTo(new QuestionForm(
                        "icd-x01",
                        QuestionDomain.ICD_10_CM,
                        2,
                        "diabetes, combination-code",
                        q.stem(),
                        q.options(),
                        "B",
                        q.rationale(),
                        "Ann",
                        "Ben",
                        LocalDate.of(2026, 12, 1)));
    }

    @Test
    void theBankFileRulesApplyToTheFormWithTheirMessagesAtTheFields() {
        QuestionForm bad = new QuestionForm(
                "ICD 1",
                QuestionDomain.ICD_10_CM,
                5,
                "",
                " ",
                Map.of("A", "E11.9", "B", "E11.9", "C", "x", "D", "E11.99"),
                null,
                "E1165 is wrong",
                "Ann",
                "ann",
                null);
        Map<String, List<String>> byField = QuestionForm.byField(judge(bad));
        assertThat(byField.get(QuestionForm.ID)).singleElement().asString().contains("must be lower-case");
        assertThat(byField.get(QuestionForm.DIFFICULTY))
                .singleElement()
                .asString()
                .contains("1, 2 or 3");
        assertThat(byField.get(QuestionForm.STEM)).containsExactly("missing required field stem");
        assertThat(byField.get(QuestionForm.KEY)).singleElement().asString().startsWith("key must be one of A, B");
        assertThat(byField.get(QuestionForm.OPTIONS)).containsExactly("two options have the same text");
        assertThat(byField.get(QuestionForm.REVIEW))
                .singleElement()
                .asString()
                .contains("someone other than the author");
        assertThat(byField).doesNotContainKey(QuestionForm.GENERAL);
    }

    @Test
    void codeMessagesLandAtTheOptionOrTheRationaleTheyAreAbout() {
        assertThat(judge(form("icd-x01", "E11.99", "E1165 is wrong")))
                .containsExactly(
                        "option D: E11.99 is not in the ICD-10-CM book",
                        "rationale: E1165 is not in the HCPCS Level II book (an ICD-10-CM code is written with its"
                                + " dot: E11.65)");
        assertThat(QuestionForm.fieldOf("option D: E11.99 is not in the ICD-10-CM book"))
                .isEqualTo("D");
        assertThat(QuestionForm.fieldOf("option A must be non-blank text in quotes, not nothing"))
                .isEqualTo("A");
        assertThat(QuestionForm.fieldOf("rationale: modifier 9Z (in 99214-9Z) is not in the modifier books"))
                .isEqualTo(QuestionForm.RATIONALE);
        assertThat(QuestionForm.fieldOf("missing required field rationale")).isEqualTo(QuestionForm.RATIONALE);
        assertThat(QuestionForm.fieldOf("id icd-001 is already used by another question; choose a new id"))
                .isEqualTo(QuestionForm.ID);
        assertThat(QuestionForm.fieldOf("domain must be one of [...], not 'null'"))
                .isEqualTo(QuestionForm.DOMAIN);
        assertThat(QuestionForm.fieldOf("something unforeseen")).isEqualTo(QuestionForm.GENERAL);
    }

    @Test
    void aFormWithoutADomainIsRefusedAtTheDomainField() {
        QuestionForm f = new QuestionForm(
                "icd-x01",
                null,
                1,
                null,
                "s",
                Map.of("A", "a", "B", "b", "C", "c", "D", "d"),
                "A",
                "r",
                null,
                null,
                null);
        assertThat(QuestionForm.byField(judge(f))).containsOnlyKeys(QuestionForm.DOMAIN);
    }

    @Test
    void theListFiltersByDomainTagStatusAndEveryWord() {
        Question icd = QuestionBank.parseOne(
                form("icd-x01", "E11.8", "Index: Diabetes").text(), new ArrayList<>());
        Question em = QuestionBank.parseOne(
                new QuestionForm(
                                "em-x01",
                                QuestionDomain.EVALUATION_MANAGEMENT,
                                1,
                                "mdm",
                                "Office visit, moderate MDM",
                                Map.of("A", "99213", "B", "99214", "C", "99215", "D", "99212"),
                                "B",
                                "moderate",
                                null,
                                null,
                                null)
                        .text(),
                new ArrayList<>());
        List<QuestionBank.Listed> all =
                List.of(new QuestionBank.Listed(icd, false, null), new QuestionBank.Listed(em, true, "instructor"));
        assertThat(QuestionFilter.NONE.apply(all)).hasSize(2);
        assertThat(ids(new QuestionFilter(QuestionDomain.ICD_10_CM, null, null, null).apply(all)))
                .containsExactly("icd-x01");
        assertThat(ids(new QuestionFilter(null, "mdm", QuestionFilter.Status.ALL, null).apply(all)))
                .containsExactly("em-x01");
        assertThat(ids(new QuestionFilter(null, null, QuestionFilter.Status.ACTIVE, null).apply(all)))
                .containsExactly("icd-x01");
        assertThat(ids(new QuestionFilter(null, null, QuestionFilter.Status.RETIRED, null).apply(all)))
                .containsExactly("em-x01");
        assertThat(ids(new QuestionFilter(null, null, null, "99214 OFFICE").apply(all)))
                .containsExactly("em-x01");
        assertThat(ids(new QuestionFilter(null, null, null, "99214 diabetes").apply(all)))
                .isEmpty();
    }

    private static List<String> ids(List<QuestionBank.Listed> listed) {
        return listed.stream().map(l -> l.question().id()).toList();
    }
}
