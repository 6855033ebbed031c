package org.chart2claim.coding.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import org.chart2claim.account.Role;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Browserless tests of the catalogue, the workspace (add, reorder, autosave, submit), feedback and access rules. */
class CodingUiTest extends KaribuTest {

    private static final String STREP = "pc-004-strep-pharyngitis";

    @Autowired
    AttemptService attempts;

    @Autowired
    ScenarioLibrary library;

    private String uniqueStudent() {
        String name = "learner-" + UUID.randomUUID().toString().substring(0, 8);
        login(name, Role.STUDENT);
        return name;
    }

    @Test
    void catalogueListsEveryScenarioAndFilters() {
        String user = uniqueStudent();
        attempts.submit(
                user,
                STREP,
                CodingAnswer.fromKey(library.find(STREP).orElseThrow().key()));
        UI.getCurrent().navigate("practice");
        PracticeView view = _get(PracticeView.class);
        // every shipped scenario is listed, and only scenarios this learner may open (other tests in the shared
        // context publish scenarios, some visible to their own cohorts only)
        assertThat(view.filtered()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(view.filtered())
                .allSatisfy(r ->
                        assertThat(library.findVisible(r.scenario().id(), user)).isPresent());
        assertThat(view.filtered())
                .anySatisfy(r -> assertThat(r.scenario().id()).isEqualTo(STREP));
        int listed = view.filtered().size();

        view.specialty.setValue("Dermatology");
        assertThat(view.filtered())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.scenario().specialty()).isEqualTo("Dermatology"));
        view.specialty.clear();
        view.difficulty.setValue(3);
        assertThat(view.filtered())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.scenario().difficulty()).isEqualTo(3));
        view.difficulty.clear();
        view.tags.setValue(java.util.Set.of("modifier 25"));
        assertThat(view.filtered())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.scenario().tags()).contains("modifier 25"));
        view.tags.clear();

        view.status.setValue(PracticeView.DONE);
        assertThat(view.filtered()).singleElement().satisfies(r -> {
            assertThat(r.scenario().id()).isEqualTo(STREP);
            assertThat(r.bestScore()).isEqualTo(100);
        });
        view.status.setValue(PracticeView.NOT_DONE);
        assertThat(view.filtered()).hasSize(listed - 1);
        view.status.setValue(PracticeView.ALL);
        view.score.setValue(PracticeView.AT_LEAST_80);
        assertThat(view.filtered()).extracting(r -> r.scenario().id()).containsExactly(STREP);
        view.score.setValue(PracticeView.BELOW_80);
        assertThat(view.filtered()).isEmpty();
    }

    @Test
    void workspaceAddsReordersAutosavesSubmitsAndShowsFeedback() {
        String user = uniqueStudent();
        UI.getCurrent().navigate("practice/" + STREP);
        assertThat(_get(
                        H2.class,
                        s -> s.withText(library.find(STREP).orElseThrow().title())))
                .isNotNull();

        TextField code = _get(TextField.class, s -> s.withId("code-entry"));
        code.setValue("J02.9");
        _get(Button.class, s -> s.withId("add-diagnosis")).click();
        code.setValue("j02.0");
        _get(Button.class, s -> s.withId("add-diagnosis")).click();
        code.setValue("99213");
        _get(Button.class, s -> s.withId("add-procedure")).click();
        code.setValue("87880");
        _get(Button.class, s -> s.withId("add-procedure")).click();
        _get(TextField.class, s -> s.withId("line-pointers-1")).setValue("2");

        // Move J02.0 to the top: the line pointing at it follows.
        _get(Button.class, s -> s.withId("dx-up-2")).click();
        CodingAnswer draft = attempts.draft(user, STREP).orElseThrow();
        assertThat(draft.diagnoses()).containsExactly("J02.0", "J02.9");
        assertThat(draft.procedures().get(0).pointers()).containsExactly(1);
        _get(Button.class, s -> s.withId("dx-remove-2")).click();
        // Removing J02.9 dropped the 87880 line's pointer to it (the encoder warns); point it at J02.0 again.
        _get(TextField.class, s -> s.withId("line-pointers-2")).setValue("1");
        _get(IntegerField.class, s -> s.withId("line-units-2")).setValue(1);

        // Leaving and coming back restores the draft.
        UI.getCurrent().navigate("practice");
        UI.getCurrent().navigate("practice/" + STREP);
        WorkspaceView workspace = _get(WorkspaceView.class);
        assertThat(workspace.cart().answer().diagnoses()).containsExactly("J02.0");
        assertThat(workspace.cart().answer().procedures())
                .extracting(CodingAnswer.Line::code)
                .containsExactly("99213", "87880");

        _get(Button.class, s -> s.withId("submit-attempt")).click();
        assertThat(_get(FeedbackView.class)).isNotNull();
        assertThat(_get(Span.class, s -> s.withId("attempt-score")).getText()).isEqualTo("100 / 100");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<org.chart2claim.coding.GradeResult.DiagnosisVerdict> dx =
                _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("diagnosis-verdicts"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(dx, 0).rationale())
                .contains("Streptococcal pharyngitis is one combination code");
        assertThat(attempts.draft(user, STREP)).isEmpty(); // the draft became the submitted attempt

        // on a phone the verdict grids show one cell per row: codes, the verdict chip, points and rationale
        assertThat(visibleHeaders(dx)).contains("Key", "Yours", "Verdict", "Why (rationale)");
        _get(FeedbackView.class).phoneWidth(true);
        assertThat(visibleHeaders(dx)).containsExactly("Diagnosis");
        assertThat(visibleHeaders(_get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("procedure-verdicts"))))
                .containsExactly("Claim line");
        com.vaadin.flow.component.grid.Grid.Column<org.chart2claim.coding.GradeResult.DiagnosisVerdict> cell =
                dx.getColumns().stream()
                        .filter(com.vaadin.flow.component.grid.Grid.Column::isVisible)
                        .findFirst()
                        .orElseThrow();
        String text = ((com.vaadin.flow.data.renderer.ComponentRenderer<
                                ?, org.chart2claim.coding.GradeResult.DiagnosisVerdict>)
                        cell.getRenderer())
                .createComponent(dx.getListDataView().getItem(0))
                .getElement()
                .getTextRecursively();
        assertThat(text)
                .contains("key J02.0")
                .contains("\u2713")
                .contains("points")
                .contains("Streptococcal pharyngitis is one combination code");
        _get(FeedbackView.class).phoneWidth(false);
        assertThat(visibleHeaders(dx)).contains("Key", "Yours", "Verdict", "Why (rationale)");
    }

    private static List<String> visibleHeaders(com.vaadin.flow.component.grid.Grid<?> grid) {
        return grid.getColumns().stream()
                .filter(com.vaadin.flow.component.grid.Grid.Column::isVisible)
                .map(c -> c.getHeaderText())
                .toList();
    }

    @Test
    void highlightingNoteTextSearchesTheCodeBooksAndAChosenCodeGoesToTheCart() {
        String user = uniqueStudent();
        UI.getCurrent().navigate("practice/" + STREP);
        WorkspaceView workspace = _get(WorkspaceView.class);
        assertThat(workspace.searchSlot()).isInstanceOf(CodebookSearchSlot.class);
        workspace.noteView().selected("Streptococcal pharyngitis");
        var panel = ((CodebookSearchSlot) workspace.searchSlot()).panel();
        var hit = panel.getResults().stream()
                .filter(h -> h.code().equals("J02.0"))
                .findFirst()
                .orElseThrow();
        com.vaadin.flow.component.ComponentUtil.fireEvent(
                panel, new org.chart2claim.codebook.ui.CodeSearchPanel.CodeChosenEvent(panel, hit));
        assertThat(workspace.cart().answer().diagnoses()).containsExactly("J02.0");
        assertThat(attempts.draft(user, STREP).orElseThrow().diagnoses()).containsExactly("J02.0");
    }

    @Test
    void workspaceShowsEncoderWarningsButNeverTheKey() {
        uniqueStudent();
        UI.getCurrent().navigate("practice/" + STREP);
        TextField code = _get(TextField.class, s -> s.withId("code-entry"));
        code.setValue("99213");
        _get(Button.class, s -> s.withId("add-procedure")).click();
        String html = everythingRendered(_get(WorkspaceView.class).getElement());
        assertThat(html).contains("Tyler Brandt").contains("99213"); // the walk does see the encounter box and the cart
        var key = library.find(STREP).orElseThrow().key();
        for (var dx : key.diagnoses()) {
            assertThat(html)
                    .doesNotContain(dx.code())
                    .doesNotContain(dx.rationale().substring(0, 40));
        }
        for (var line : key.procedures()) {
            assertThat(html).doesNotContain(line.rationale().substring(0, 40));
        }
        key.commonMistakes()
                .forEach(m -> assertThat(html).doesNotContain(m.why().substring(0, 30)));
        // The line has no pointer yet: the encoder says so.
        assertThat(_find(Div.class, s -> s.withClasses("c2c-warning")))
                .extracting(d -> d.getElement().getTextRecursively())
                .anySatisfy(t -> assertThat(t).contains("at least one diagnosis pointer"));
    }

    @Test
    void aStudentCannotOpenAnotherStudentsAttempt() {
        AttemptService.GradedAttempt theirs =
                attempts.submit("someone-else", STREP, new CodingAnswer(List.of("J02.0"), List.of()));
        uniqueStudent();
        UI.getCurrent().navigate("results/attempt/" + theirs.id());
        assertThat(_get(H2.class).getText()).isEqualTo("Attempt not found");
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class)).isEmpty();
        assertThat(everythingRendered(_get(FeedbackView.class).getElement())).doesNotContain("J02.0");
        UI.getCurrent().navigate("results/attempt/not-a-number");
        assertThat(_get(H2.class).getText()).isEqualTo("Attempt not found");
    }

    @Test
    void resultsPageDrawsProgressChartsAsSvg() {
        String user = uniqueStudent();
        attempts.submit(user, STREP, new CodingAnswer(List.of("J02.9"), List.of()));
        attempts.submit(user, "de-003-actinic-keratoses", new CodingAnswer(List.of("L57.0"), List.of()));
        UI.getCurrent().navigate("results");
        Html overTime = chartOf("chart-over-time");
        assertThat(overTime.getElement().getTag()).isEqualTo("svg");
        assertThat(overTime.getInnerHtml()).contains("<path");
        Html bySpecialty = chartOf("chart-by-specialty");
        assertThat(bySpecialty.getElement().getTag()).isEqualTo("svg");
        assertThat(bySpecialty.getInnerHtml()).contains("Dermatology").contains("Primary care");
    }

    /** Every text, attribute and property value in an element tree: what could reach the browser. */
    private static String everythingRendered(com.vaadin.flow.dom.Element element) {
        StringBuilder sb = new StringBuilder(element.getText()).append('\n');
        element.getAttributeNames()
                .forEach(n -> sb.append(element.getAttribute(n)).append('\n'));
        element.getPropertyNames()
                .forEach(n -> sb.append(element.getProperty(n, "")).append('\n'));
        element.getChildren().forEach(c -> sb.append(everythingRendered(c)));
        return sb.toString();
    }

    private static Html chartOf(String id) {
        return _get(Div.class, s -> s.withId(id))
                .getChildren()
                .filter(c -> c instanceof Html)
                .map(c -> (Html) c)
                .findFirst()
                .orElseThrow();
    }
}
