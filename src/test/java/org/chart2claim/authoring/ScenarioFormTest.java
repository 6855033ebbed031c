package org.chart2claim.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLoader;
import org.chart2claim.scenario.ScenarioValidator;
import org.junit.jupiter.api.Test;

/** The editor's form writes files the one parser reads back to the same scenario, and errors land on its fields. */
class ScenarioFormTest {

    @Test
    void everyShippedScenarioSurvivesTheFormUnchanged() {
        List<Scenario> shipped =
                new ScenarioLoader(null).loadFolder(Path.of("scenarios")).scenarios();
        assertThat(shipped).hasSizeGreaterThan(100);
        ScenarioValidator validator = new ScenarioValidator(null);
        for (Scenario s : shipped) {
            ScenarioValidator.Outcome again =
                    validator.validate(s.id() + ".md", ScenarioForm.of(s).toText());
            assertThat(again.errors()).as(s.id()).isEmpty();
            assertThat(again.scenario())
                    .as(s.id())
                    .usingRecursiveComparison()
                    .ignoringFields("contentHash")
                    .isEqualTo(s);
        }
    }

    @Test
    void aBlankFieldIsAMissingFieldNamedByItsPathAndQuotesAreEscaped() {
        Scenario s = new ScenarioLoader(null)
                .loadFolder(Path.of("scenarios"))
                .scenarios()
                .getFirst();
        ScenarioForm form = ScenarioForm.of(s);
        form.set("patient.name", "");
        form.set("title", "A \"quoted\" title: with colon\nand a new line");
        form.set("difficulty", "two");
        ScenarioValidator.Outcome outcome = new ScenarioValidator(null).validate(null, form.toText());
        assertThat(outcome.errors())
                .extracting(ScenarioValidator.Error::field)
                .containsExactlyInAnyOrder("patient.name", "difficulty");
        form.set("patient.name", "Pat Test");
        form.set("difficulty", "2");
        Scenario back =
                new ScenarioValidator(null).validate(null, form.toText()).scenario();
        assertThat(back.title()).isEqualTo("A \"quoted\" title: with colon\nand a new line");
    }

    @Test
    void optionalCodesAndAlternativesAreFormFieldsAndTheirErrorsNameTheirPaths() {
        Scenario pe003 = new ScenarioLoader(null)
                .loadFolder(Path.of("scenarios")).scenarios().stream()
                        .filter(s -> s.id().equals("pe-003-asthma-nebulizer"))
                        .findFirst()
                        .orElseThrow();
        ScenarioForm form = ScenarioForm.of(pe003);
        assertThat(form.alternatives()).hasSize(1);
        assertThat(form.alternatives().getFirst().lines())
                .extracting(ScenarioForm.AlternativeLine::units)
                .containsExactly("1", "2");

        ScenarioForm.AlternativeLine second =
                form.alternatives().getFirst().lines().get(1);
        form.setAlternatives(List.of(new ScenarioForm.Alternative(
                form.alternatives().getFirst().why(),
                List.of(
                        form.alternatives().getFirst().lines().getFirst(),
                        new ScenarioForm.AlternativeLine(second.code(), "7", "many", "1, 9", second.rationale())))));
        form.setOptionalCodes("E119, Z87.891");
        ScenarioValidator.Outcome outcome = new ScenarioValidator(null).validate(null, form.toText());
        assertThat(outcome.errors())
                .extracting(ScenarioValidator.Error::field)
                .containsExactlyInAnyOrder(
                        "key.alternatives[1].procedures[2].modifiers",
                        "key.alternatives[1].procedures[2].units",
                        "key.alternatives[1].procedures[2].pointers",
                        "key.optionalCodes");

        form.setAlternatives(List.of(
                new ScenarioForm.Alternative(
                        "Two units on one line.",
                        List.of(new ScenarioForm.AlternativeLine("94640", "", " 2 ", "1", "Both treatments."))),
                new ScenarioForm.Alternative(
                        "A second form.",
                        List.of(new ScenarioForm.AlternativeLine("94640", "76, 59", "1", "1", "Modifiers.")))));
        form.setOptionalCodes(" Z87.891 ,, Z79.899 ");
        Scenario back =
                new ScenarioValidator(null).validate(null, form.toText()).scenario();
        assertThat(back.key().optionalCodes()).containsExactlyInAnyOrder("Z87.891", "Z79.899");
        assertThat(back.key().alternatives()).hasSize(2);
        assertThat(back.key().alternatives().get(0).procedures().getFirst().units())
                .isEqualTo(2);
        assertThat(back.key().alternatives().get(1).procedures().getFirst().modifiers())
                .containsExactly("76", "59");
        form.setAlternatives(List.of());
        form.setOptionalCodes("");
        Scenario none =
                new ScenarioValidator(null).validate(null, form.toText()).scenario();
        assertThat(none.key().alternatives()).isEmpty();
        assertThat(none.key().optionalCodes()).isEmpty();
    }
}
