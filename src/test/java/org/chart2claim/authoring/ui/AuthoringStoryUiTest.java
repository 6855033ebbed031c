package org.chart2claim.authoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.chart2claim.account.Role;
import org.chart2claim.authoring.AuthoringFixtures;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.KeyElement;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.ui.FeedbackView;
import org.chart2claim.coding.ui.WorkspaceView;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.KaribuTest;
import org.chart2claim.ui.AccessDeniedView;
import org.chart2claim.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12's story in the browserless UI: an instructor duplicates a shipped scenario, sees a validation error
 * next to its field, fixes it, checks the key with the payer and publishes; a student attempts it and disputes a
 * code; the instructor accepts with a corrected key and regrades; the student sees the new score, the history
 * and the outcome on the attempt and the home page. A student cannot open the editor or the queue.
 */
class AuthoringStoryUiTest extends KaribuTest {

    @Autowired
    ScenarioLibrary library;

    @Test
    void duplicateFixPublishAttemptDisputeAcceptRegrade() {
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("scenarios");
        ScenariosView list = _get(ScenariosView.class);
        list.search.setValue(AuthoringFixtures.BASE);
        assertThat(list.shown()).extracting(AuthoringService.Row::id).containsExactly(AuthoringFixtures.BASE);
        list.grid.select(list.shown().getFirst());
        _get(Button.class, b -> b.withId("duplicate-scenario")).click();

        ScenarioEditorView editor = _get(ScenarioEditorView.class);
        String id = AuthoringFixtures.newId("story");
        editor.fields.get("id").setValue(id);
        assertThat(_get(Span.class, s -> s.withId("editor-state")).getText()).startsWith("Valid");
        // The note preview is the workspace's rendering.
        assertThat(editor.preview.getElement().toString()).contains("<strong>");

        // A broken NPI: the error sits next to the field, with the loader's words.
        TextField npi = editor.fields.get("renderingProvider.npi");
        String goodNpi = npi.getValue();
        npi.setValue("1234567890");
        assertThat(npi.isInvalid()).isTrue();
        assertThat(npi.getErrorMessage()).contains("is not a valid NPI");
        assertThat(_get(Span.class, s -> s.withId("editor-state")).getText()).startsWith("1 problem");
        _get(Button.class, b -> b.withId("publish-scenario")).click();
        assertThat(library.find(id)).isEmpty(); // nothing published while invalid
        npi.setValue(goodNpi);
        assertThat(npi.isInvalid()).isFalse();

        // The key as a claim: paid without denial, remittance shown.
        _get(Button.class, b -> b.withId("check-with-payer")).click();
        assertThat(_get(Span.class, s -> s.withId("payer-verdict")).getText()).startsWith("\u2713 Paid without denial");

        // The instructor (deliberately, for the story) keys the visit as 99214: a new line needs its rationale.
        editor.cart().removeLine(0);
        editor.cart().addLine("99214");
        TextArea rationale = editor.rationaleAreas().get("line:99214#1");
        editor.changed();
        assertThat(rationale.isInvalid()).isTrue();
        assertThat(rationale.getErrorMessage()).contains("missing required field key.procedures[2].rationale");
        rationale.setValue("Moderate MDM (the author's reading).");
        assertThat(editor.changed()).isEmpty();
        _get(Button.class, b -> b.withId("publish-scenario")).click();
        assertThat(_find(ScenariosView.class)).hasSize(1);
        assertThat(library.find(id).orElseThrow().version()).isEqualTo(1);
        assertThat(library.find(id).orElseThrow().key().procedures().get(1).code())
                .isEqualTo("99214");

        // A student of the instructor's cohort codes it (rightly, 99213) and disputes the key's E/M line.
        login("student", Role.STUDENT);
        UI.getCurrent().navigate("practice/" + id);
        WorkspaceView workspace = _get(WorkspaceView.class);
        assertThat(workspace).isNotNull();
        CodingAnswer right = CodingAnswer.fromKey(
                library.find(AuthoringFixtures.BASE).orElseThrow().key());
        org.chart2claim.coding.AttemptService attempts = context.getBean(org.chart2claim.coding.AttemptService.class);
        long attemptId = attempts.submit("student", id, right).id();
        UI.getCurrent().navigate("results/attempt/" + attemptId);
        assertThat(_get(FeedbackView.class)).isNotNull();
        int before = Integer.parseInt(
                _get(Span.class, s -> s.withId("attempt-score")).getText().split(" ")[0]);
        assertThat(before).isLessThan(100);
        @SuppressWarnings("unchecked")
        Select<KeyElement> element = _get(Select.class, s -> s.withId("dispute-element"));
        element.setValue(element.getListDataView()
                .getItems()
                .filter(e -> e.key().equals("line:2:code"))
                .findFirst()
                .orElseThrow());
        _get(TextArea.class, t -> t.withId("dispute-argument"))
                .setValue("One acute uncomplicated illness and prescription drug management: low MDM, 99213.");
        _get(TextField.class, t -> t.withId("dispute-citation")).setValue("CPT E/M MDM table");
        _get(Button.class, b -> b.withId("send-dispute")).click();
        assertThat(_get(UnorderedList.class, u -> u.withId("dispute-list"))
                        .getElement()
                        .getTextRecursively())
                .contains("waiting for your instructor");

        // A student cannot open the editor or the queue.
        for (String route : new String[] {"scenarios", "scenarios/edit", "scenarios/disputes"}) {
            UI.getCurrent().navigate(route);
            assertThat(_find(AccessDeniedView.class)).as(route).hasSize(1);
        }

        // The instructor accepts: corrected key, regrade.
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("scenarios/disputes");
        DisputeQueueView queue = _get(DisputeQueueView.class);
        var dispute = queue.grid
                .getGenericDataView()
                .getItems()
                .filter(d -> d.scenarioId().equals(id))
                .findFirst()
                .orElseThrow();
        queue.grid.select(dispute);
        assertThat(_get(Span.class, s -> s.withId("dispute-missed")).getText()).startsWith("1 of 1 learners");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, d -> d.withId("dispute-note"))
                        .getElement()
                        .toString())
                .contains("Rapid strep");
        TextArea corrected = _get(TextArea.class, t -> t.withId("dispute-corrected"));
        corrected.setValue(corrected.getValue().replace("{code: \"99214\"", "{code: \"99213\""));
        _get(TextArea.class, t -> t.withId("dispute-reply")).setValue("Agreed: low MDM. Key corrected.");
        assertThat(_get(Checkbox.class, c -> c.withId("dispute-regrade")).getValue())
                .isTrue();
        _get(Button.class, b -> b.withId("accept-dispute")).click();
        assertThat(library.find(id).orElseThrow().version()).isEqualTo(2);

        // The student sees the new score, the old one in the history, and the outcome.
        login("student", Role.STUDENT);
        UI.getCurrent().navigate("results/attempt/" + attemptId);
        assertThat(_get(Span.class, s -> s.withId("attempt-score")).getText()).isEqualTo("100 / 100");
        assertThat(_get(UnorderedList.class, u -> u.withId("regrade-history"))
                        .getElement()
                        .getTextRecursively())
                .contains(before + " on version 1 → 100 on version 2");
        assertThat(_get(UnorderedList.class, u -> u.withId("dispute-list"))
                        .getElement()
                        .getTextRecursively())
                .contains("accepted by instructor")
                .contains("Agreed: low MDM");
        UI.getCurrent().navigate("");
        assertThat(_get(HomeView.class)).isNotNull();
        assertThat(_get(UnorderedList.class, u -> u.withId("my-disputes"))
                        .getElement()
                        .getTextRecursively())
                .contains("accepted by instructor");
    }

    @Test
    void alternativesOptionalCodesPayerGateAndVersionList() {
        login("instructor", Role.INSTRUCTOR);
        // pe-003 accepts two forms of the nebulizer lines: the alternative is a form section of its own.
        UI.getCurrent().navigate("scenarios/edit", QueryParameters.of("from", "pe-003-asthma-nebulizer"));
        ScenarioEditorView editor = _get(ScenarioEditorView.class);
        String id = AuthoringFixtures.newId("alt");
        editor.fields.get("id").setValue(id);
        assertThat(editor.changed()).isEmpty();
        TextField units = _get(TextField.class, t -> t.withId("field-key.alternatives[1].procedures[2].units"));
        assertThat(units.getValue()).isEqualTo("2");
        units.setValue("many");
        assertThat(units.isInvalid()).isTrue();
        assertThat(units.getErrorMessage()).contains("key.alternatives[1].procedures[2].units");
        units.setValue("2");
        assertThat(units.isInvalid()).isFalse();
        // Optional codes: validated like key codes, the error on the field.
        editor.optionalCodes.setValue("Z87.891, W19");
        assertThat(editor.optionalCodes.isInvalid()).isTrue();
        assertThat(editor.optionalCodes.getErrorMessage()).contains("W19");
        editor.optionalCodes.setValue("Z87.891");
        assertThat(editor.changed()).isEmpty();
        // A second alternative form, added in the form.
        _get(Button.class, b -> b.withId("add-alternative")).click();
        _get(TextField.class, t -> t.withId("field-key.alternatives[2].why")).setValue("Both treatments as units.");
        _get(TextField.class, t -> t.withId("field-key.alternatives[2].procedures[1].code"))
                .setValue("99214");
        _get(TextField.class, t -> t.withId("field-key.alternatives[2].procedures[1].modifiers"))
                .setValue("25");
        _get(TextField.class, t -> t.withId("field-key.alternatives[2].procedures[1].rationale"))
                .setValue("The visit, as in the key.");
        assertThat(editor.changed()).isEmpty();
        _get(Button.class, b -> b.withId("publish-scenario")).click();
        var published = library.find(id).orElseThrow();
        assertThat(published.key().optionalCodes()).containsExactly("Z87.891");
        assertThat(published.key().alternatives()).hasSize(2);
        assertThat(published.key().alternatives().get(1).why()).isEqualTo("Both treatments as units.");

        // Version 2 drops modifier 25 from the visit: the payer bundles it, so publishing is refused until a
        // reason is given, and the version records both.
        UI.getCurrent().navigate("scenarios/edit", QueryParameters.of("id", id));
        editor = _get(ScenarioEditorView.class);
        CodingAnswer key = editor.cart().answer();
        editor.cart()
                .setAnswer(new CodingAnswer(
                        key.diagnoses(),
                        key.procedures().stream()
                                .map(l -> l.code().equals("99214")
                                        ? new CodingAnswer.Line(l.code(), java.util.List.of(), l.units(), l.pointers())
                                        : l)
                                .toList()));
        assertThat(editor.changed()).isEmpty();
        _get(Button.class, b -> b.withId("check-with-payer")).click();
        assertThat(_get(Span.class, s -> s.withId("payer-verdict")).getText())
                .startsWith("\u2717 Not paid cleanly")
                .contains("CO-97");
        _get(Button.class, b -> b.withId("publish-scenario")).click();
        assertThat(library.find(id).orElseThrow().version()).isEqualTo(1);
        assertThat(editor.payerOverride.isVisible()).isTrue();
        assertThat(editor.payerOverride.isInvalid()).isTrue();
        editor.payerOverride.setValue("Teaches the NCCI bundling of an E/M without 25.");
        editor.changeNote.setValue("The visit without modifier 25.");
        _get(Button.class, b -> b.withId("publish-scenario")).click();
        assertThat(library.find(id).orElseThrow().version()).isEqualTo(2);

        // The version list: number, date, author, status, attempts; an old version opens read-only; a diff.
        context.getBean(org.chart2claim.coding.AttemptService.class)
                .submit(
                        "student",
                        id,
                        CodingAnswer.fromKey(library.find(id).orElseThrow().key()));
        UI.getCurrent().navigate("scenarios/edit", QueryParameters.of("id", id));
        String v2 = _get(com.vaadin.flow.component.html.Div.class, d -> d.withId("version-2"))
                .getElement()
                .getTextRecursively();
        assertThat(v2)
                .contains("Version 2")
                .contains("published, current")
                .contains("instructor")
                .contains("1 attempt")
                .contains("The visit without modifier 25.")
                .contains("published anyway: Teaches the NCCI bundling");
        String v1 = _get(com.vaadin.flow.component.html.Div.class, d -> d.withId("version-1"))
                .getElement()
                .getTextRecursively();
        assertThat(v1).contains("Version 1").contains("0 attempts").contains("Paid without denial");
        _get(Button.class, b -> b.withId("diff-version-2")).click();
        assertThat(_get(com.vaadin.flow.component.html.Div.class, d -> d.withId("version-diff"))
                        .getElement()
                        .getTextRecursively())
                .contains("Changes from version 1 to 2")
                .contains("{code: \"99214\", modifiers: [\"25\"]")
                .contains("{code: \"99214\", modifiers: []");
        _get(Button.class, b -> b.withId("open-version-1")).click();
        ScenarioEditorView old = _get(ScenarioEditorView.class);
        assertThat(old.fields.get("title").isReadOnly()).isTrue();
        assertThat(old.note.isReadOnly()).isTrue();
        assertThat(old.cart().answer().procedures().getFirst().modifiers()).containsExactly("25");
        assertThat(_find(Button.class, b -> b.withId("publish-scenario"))).isEmpty();
        assertThat(_get(Span.class, s -> s.withId("editor-state")).getText()).contains("read-only");
        // Retiring shows on the current version.
        context.getBean(AuthoringService.class).setRetired(id, true, "instructor", java.util.Set.of(Role.INSTRUCTOR));
        UI.getCurrent().navigate("scenarios/edit", QueryParameters.of("id", id));
        assertThat(_get(com.vaadin.flow.component.html.Div.class, d -> d.withId("version-2"))
                        .getElement()
                        .getTextRecursively())
                .contains("retired, current");
    }

    @Test
    void aMemberIdOfAnotherPersonIsRefusedAtTheMemberIdField() {
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("scenarios/edit", QueryParameters.of("from", AuthoringFixtures.BASE));
        ScenarioEditorView editor = _get(ScenarioEditorView.class);
        String id = AuthoringFixtures.newId("member");
        editor.fields.get("id").setValue(id);
        TextField memberId = editor.fields.get("patient.memberId");
        String own = memberId.getValue();
        assertThat(memberId.isInvalid()).isFalse();
        // W514476320 is Vanessa Greenleaf's in the payer's member file, not this patient's (Tyler Brandt).
        memberId.setValue("W514476320");
        assertThat(memberId.isInvalid()).isTrue();
        assertThat(memberId.getErrorMessage())
                .contains("already enrolled with ppo-sim for Vanessa Greenleaf")
                .contains("the payer's member file");
        assertThat(editor.errors.getElement().getTextRecursively()).doesNotContain("already enrolled");
        // Refused even with a reason to publish anyway: nothing is published.
        editor.payerOverride.setValue("Teaching an eligibility denial.");
        _get(Button.class, b -> b.withId("publish-scenario")).click();
        assertThat(library.find(id)).isEmpty();
        assertThat(memberId.isInvalid()).isTrue();
        // The patient's own id again: valid, and it publishes.
        editor.payerOverride.setValue("");
        memberId.setValue(own);
        assertThat(memberId.isInvalid()).isFalse();
        assertThat(editor.changed()).isEmpty();
        _get(Button.class, b -> b.withId("publish-scenario")).click();
        assertThat(library.find(id)).isPresent();
    }

    @Test
    void aCodeThatDoesNotFitThePatientsSexIsShownLiveAndThePayerDeniesIt() {
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("scenarios/edit", QueryParameters.of("from", "ob-002-gestational-diabetes-insulin"));
        ScenarioEditorView editor = _get(ScenarioEditorView.class);
        editor.fields.get("id").setValue(AuthoringFixtures.newId("sex"));
        TextField sex = editor.fields.get("patient.sex");
        sex.setValue("M");
        // live: the payer's age/sex table names the pregnancy codes at their place in the key
        assertThat(editor.changed())
                .anyMatch(e -> e.field().matches("key\\.diagnoses\\[\\d+]\\.code")
                        && e.message().contains("sex (M)"));
        assertThat(editor.errors.getElement().getTextRecursively()).doesNotContain("sex (M)"); // beside the code
        _get(Button.class, b -> b.withId("check-with-payer")).click();
        assertThat(_get(Span.class, s -> s.withId("payer-verdict")).getText()).contains("CO-10");
        assertThat(sex.isInvalid()).isTrue();
        assertThat(sex.getErrorMessage()).contains("inconsistent with the patient's sex");
    }

    @Test
    void previewAsAStudentGradesInMemoryAndSavesNoAttempt() {
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("scenarios/edit", QueryParameters.of("from", AuthoringFixtures.BASE));
        ScenarioEditorView editor = _get(ScenarioEditorView.class);
        String id = AuthoringFixtures.newId("preview");
        editor.fields.get("id").setValue(id);
        _get(Button.class, b -> b.withId("preview-as-student")).click();
        ScenarioPreviewView preview = _get(ScenarioPreviewView.class);
        assertThat(_get(Span.class, s -> s.withId("preview-banner")).getText())
                .contains("nothing you do here is saved");
        preview.cart()
                .setAnswer(CodingAnswer.fromKey(
                        library.find(AuthoringFixtures.BASE).orElseThrow().key()));
        _get(Button.class, b -> b.withId("grade-preview")).click();
        assertThat(_get(Span.class, s -> s.withId("preview-score")).getText()).isEqualTo("100 / 100");
        assertThat(library.find(id)).isEmpty();
        assertThat(context.getBean(org.chart2claim.coding.AttemptService.class).history("instructor"))
                .noneMatch(a -> a.scenarioId().equals(id));
        // The draft is listed and opens again in the editor.
        UI.getCurrent().navigate("scenarios");
        ScenariosView list = _get(ScenariosView.class);
        list.status.setValue("draft");
        assertThat(list.shown()).anyMatch(r -> r.id().equals(id) && r.draftId() != null);
    }
}
