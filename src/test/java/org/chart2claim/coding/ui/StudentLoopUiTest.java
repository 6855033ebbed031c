package org.chart2claim.coding.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chart2claim.account.Role;
import org.chart2claim.codebook.ui.CodeSearchView;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.GradeResult;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The student's loop as issue 15 asks for it, browserless: instructional notes and Add in the workspace,
 * cart titles, confirmation of an incomplete submission, Add to my coding from the Code search page,
 * "Code it again from my answer", verdicts in words, and the catalogue's search, memory and In progress.
 */
class StudentLoopUiTest extends KaribuTest {

    private static final String STREP = "pc-004-strep-pharyngitis";

    @Autowired
    AttemptService attempts;

    @Autowired
    ScenarioLibrary library;

    private String uniqueStudent() {
        String name = "loop-" + UUID.randomUUID().toString().substring(0, 8);
        login(name, Role.STUDENT);
        return name;
    }

    private WorkspaceView openWorkspace() {
        UI.getCurrent().navigate("practice/" + STREP);
        return _get(WorkspaceView.class);
    }

    @Test
    void highlightedResultShowsItsInstructionalNotesAndAddSaysWhatItDid() {
        String user = uniqueStudent();
        WorkspaceView workspace = openWorkspace();
        CodebookSearchSlot slot = (CodebookSearchSlot) workspace.searchSlot();
        workspace.noteView().selected("Streptococcal pharyngitis");

        // The top result is highlighted; its notes (inherited from chapter 10) are in the workspace.
        CodeNotesCard notes = slot.notes();
        assertThat(notes.shown().code()).isEqualTo("J02.0");
        String text = notes.getElement().getTextRecursively();
        assertThat(text).contains("Use additional code").contains("tobacco");

        // Add takes the highlighted result only, and the workspace says so.
        notes.addButton().click();
        assertThat(workspace.cart().answer().diagnoses()).containsExactly("J02.0");
        assertThat(_get(Span.class, s -> s.withId("last-added")).getText())
                .isEqualTo("Added J02.0 (Streptococcal pharyngitis) as diagnosis 1.");
        assertThat(_get(Span.class, s -> s.withId("cart-summary")).getText()).isEqualTo("1 diagnosis · 0 claim lines");
        notes.addButton().click();
        assertThat(_get(Span.class, s -> s.withId("last-added")).getText()).isEqualTo("J02.0 is already diagnosis 1.");
        // The cart shows each code's title.
        assertThat(_find(Span.class, s -> s.withClasses("c2c-cart-title")))
                .extracting(Span::getText)
                .containsExactly("Streptococcal pharyngitis");
        assertThat(attempts.draft(user, STREP).orElseThrow().diagnoses()).containsExactly("J02.0");
    }

    @Test
    void anIncompleteCartAsksBeforeSubmitting() {
        String user = uniqueStudent();
        WorkspaceView workspace = openWorkspace();
        workspace.addToCart(new CodeSearchSlot.Pick(org.chart2claim.codebook.CodeSystem.ICD10CM, "J02.0"));

        _get(Button.class, s -> s.withId("submit-attempt")).click();
        ConfirmDialog confirm = workspace.submitConfirm();
        assertThat(confirm).isNotNull();
        assertThat(confirm.isOpened()).isTrue();
        assertThat(attempts.history(user)).isEmpty(); // nothing graded yet
        assertThat(workspace.cart().gaps()).containsExactly("no claim line");

        // "Keep coding" leaves everything as it was; confirming grades.
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, false));
        assertThat(_get(FeedbackView.class)).isNotNull();
        assertThat(attempts.history(user)).hasSize(1);
    }

    @Test
    void aCompleteCartSubmitsWithoutAsking() {
        uniqueStudent();
        WorkspaceView workspace = openWorkspace();
        workspace
                .cart()
                .setAnswer(
                        CodingAnswer.fromKey(library.find(STREP).orElseThrow().key()));
        _get(Button.class, s -> s.withId("submit-attempt")).click();
        assertThat(workspace.submitConfirm()).isNull();
        assertThat(_get(Span.class, s -> s.withId("attempt-score")).getText()).isEqualTo("100 / 100");
    }

    @Test
    void codeSearchOpenedFromAScenarioAddsTheShownCodeToThatWork() {
        String user = uniqueStudent();
        UI.getCurrent().navigate("search", QueryParameters.of("addTo", "practice/" + STREP));
        CodeSearchView search = _get(CodeSearchView.class);
        Button add = _get(Button.class, s -> s.withId("add-to-my-coding"));
        assertThat(add.isEnabled()).isFalse();
        _get(com.vaadin.flow.component.textfield.TextField.class, s -> s.withId("code-search-query"))
                .setValue("rapid strep antigen");
        assertThat(add.isEnabled()).isTrue();
        String shown = add.getText();
        add.click();

        WorkspaceView workspace = _get(WorkspaceView.class);
        String code = shown.replace("Add ", "").replace(" to my coding", "");
        assertThat(workspace.cart().answer().procedures())
                .extracting(CodingAnswer.Line::code)
                .containsExactly(code);
        assertThat(attempts.draft(user, STREP).orElseThrow().procedures()).hasSize(1);
        assertThat(search).isNotNull();
    }

    @Test
    void codeSearchIgnoresAReturnRouteThatIsNotAnInAppPath() {
        uniqueStudent();
        UI.getCurrent().navigate("search", QueryParameters.of("addTo", "https://evil.example/x"));
        assertThat(_find(Button.class, s -> s.withId("add-to-my-coding"))).isEmpty(); // not shown at all
        assertThat(CodeSearchView.isReturnRoute("practice/pc-004-strep-pharyngitis"))
                .isTrue();
        assertThat(CodeSearchView.isReturnRoute("practice/../admin")).isFalse();
        assertThat(WorkspaceView.parsePick("ICD10CM:J02.0")).isPresent();
        assertThat(WorkspaceView.parsePick("ICD10CM:<script>")).isEmpty();
        assertThat(WorkspaceView.parsePick("NOPE:J02.0")).isEmpty();
    }

    @Test
    void feedbackVerdictsCarryWordsAndCodeItAgainStartsFromTheAnswer() {
        String user = uniqueStudent();
        AttemptService.GradedAttempt graded =
                attempts.submit(user, STREP, new CodingAnswer(List.of("J02.9"), List.of()));
        UI.getCurrent().navigate("results/attempt/" + graded.id());
        @SuppressWarnings("unchecked")
        Grid<GradeResult.DiagnosisVerdict> dx = _get(Grid.class, s -> s.withId("diagnosis-verdicts"));
        assertThat(GridKt._get(dx, 0).verdict()).isEqualTo(GradeResult.Verdict.PARTIAL);
        // every chip says its verdict in words: the diagnosis chip holds the match, a line's chips the aspect
        assertThat(FeedbackView.badge(GradeResult.Verdict.PARTIAL, GradeResult.Verdict.PARTIAL.name())
                        .getText())
                .isEqualTo("\u25D0 PARTIAL");
        assertThat(FeedbackView.badge(
                                GradeResult.Verdict.MISSING,
                                "units: " + FeedbackView.verdictWord(GradeResult.Verdict.MISSING))
                        .getText())
                .isEqualTo("\u2717 units: missing");
        assertThat(_get(Button.class, s -> s.withId("build-claim")).isVisible()).isTrue();

        _get(Button.class, s -> s.withId("code-again-from-answer")).click();
        WorkspaceView workspace = _get(WorkspaceView.class);
        assertThat(workspace.cart().answer().diagnoses()).containsExactly("J02.9");
        assertThat(attempts.draft(user, STREP).orElseThrow().diagnoses()).containsExactly("J02.9");
        assertThat(_get(Span.class, s -> s.withId("last-added")).getText()).contains("attempt " + graded.id());
    }

    @Test
    void anotherStudentsAttemptIsNotLoadedIntoMyWorkspace() {
        AttemptService.GradedAttempt theirs =
                attempts.submit("someone-" + UUID.randomUUID(), STREP, new CodingAnswer(List.of("J02.9"), List.of()));
        uniqueStudent();
        UI.getCurrent().navigate("practice/" + STREP, QueryParameters.of("from", String.valueOf(theirs.id())));
        assertThat(_get(WorkspaceView.class).cart().answer().diagnoses()).isEmpty();
    }

    @Test
    void catalogueFindsWordsInTagsAndNotesShowsInProgressAndRemembersItsFilters() {
        String user = uniqueStudent();
        attempts.saveDraft(user, STREP, new CodingAnswer(List.of("J02.0"), List.of()));
        UI.getCurrent().navigate("practice");
        PracticeView view = _get(PracticeView.class);

        // a word of the note only ("penicillin" is in the strep note's plan, not in its title)
        view.text.setValue("penicillin");
        assertThat(view.filtered()).extracting(r -> r.scenario().id()).contains(STREP);
        assertThat(library.find(STREP).orElseThrow().title().toLowerCase()).doesNotContain("penicillin");
        // a tag
        view.text.setValue("modifier 25");
        // the learner's own catalogue: scenarios other tests author may be visible to their cohorts only
        List<String> tagged = library.catalogue(user).stream()
                .filter(sc -> sc.tags().contains("modifier 25"))
                .map(sc -> sc.id())
                .toList();
        assertThat(tagged).isNotEmpty();
        assertThat(view.filtered())
                .extracting(r -> r.scenario().id())
                .containsAll(tagged)
                .allSatisfy(id -> assertThat(library.find(id).orElseThrow().noteMarkdown()
                                + library.find(id).orElseThrow().tags()
                                + library.find(id).orElseThrow().title())
                        .containsIgnoringCase("modifier")
                        .contains("25"));
        view.text.setValue("no-such-word-anywhere");
        assertThat(view.filtered()).isEmpty();
        assertThat(view.grid.getEmptyStateText()).contains("No scenario matches");

        view.text.clear();
        view.status.setValue(PracticeView.IN_PROGRESS);
        assertThat(view.filtered()).singleElement().satisfies(r -> {
            assertThat(r.scenario().id()).isEqualTo(STREP);
            assertThat(r.inProgress()).isTrue();
        });
        view.difficulty.setValue(1);

        // Coming back in the same session finds the filters as they were left.
        UI.getCurrent().navigate("results");
        UI.getCurrent().navigate("practice");
        PracticeView again = _get(PracticeView.class);
        assertThat(again).isNotSameAs(view);
        assertThat(again.status.getValue()).isEqualTo(PracticeView.IN_PROGRESS);
        assertThat(again.difficulty.getValue()).isEqualTo(1);
        assertThat(again.filtered()).extracting(r -> r.scenario().id()).containsExactly(STREP);
        assertThat(Set.copyOf(again.tags.getValue())).isEmpty();
    }
}
