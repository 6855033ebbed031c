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
}
