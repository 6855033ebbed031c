package org.chart2claim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chart2claim.codebook.InMemoryCodeLookup;
import org.junit.jupiter.api.Test;

/**
 * The one validator for files, uploads and the form: every error carries the file line and the field path, and
 * hostile text (YAML anchors and alias bombs, oversized notes, raw HTML, script links, unknown fields, wrong
 * types) is refused with a clear message.
 */
class ScenarioValidatorTest {

    private final ScenarioValidator validator = new ScenarioValidator(null);

    private List<ScenarioValidator.Error> errors(String text) {
        ScenarioValidator.Outcome outcome = validator.validate(null, text);
        assertThat(outcome.valid()).as("expected errors").isFalse();
        return outcome.errors();
    }

    private static int lineOf(String text, String fragment) {
        String before = text.substring(0, text.indexOf(fragment));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aValidTextHasNoErrors() {
        assertThat(validator.validate(null, ScenarioLoaderTest.VALID).valid()).isTrue();
        assertThat(validator
                        .validate("t-001-sample.md", ScenarioLoaderTest.VALID)
                        .valid())
                .isTrue();
    }

    @Test
    void errorsCarryTheLineAndTheFieldPath() {
        String text = ScenarioLoaderTest.VALID
                .replace("pointers: [1]", "pointers: [3]")
                .replace("sex: F", "sex: X");
        List<ScenarioValidator.Error> errors = errors(text);
        assertThat(errors)
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo("key.procedures[1].pointers");
                    assertThat(e.line()).isEqualTo(lineOf(text, "- {code: 99214"));
                    assertThat(e.message()).contains("does not point at a diagnosis");
                })
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo("patient.sex");
                    assertThat(e.line()).isEqualTo(lineOf(text, "patient:"));
                });
    }

    @Test
    void aMissingFieldPointsAtItsParent() {
        String text = ScenarioLoaderTest.VALID.replace("title: Sample\n", "");
        assertThat(errors(text)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("title");
            assertThat(e.message()).isEqualTo("missing required field title");
            assertThat(e.line()).isEqualTo(1);
        });
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        String text = ScenarioLoaderTest.VALID.replace("setting: Office", "setting: Office\nsecret: x");
        assertThat(errors(text)).singleElement().satisfies(e -> {
            assertThat(e.message()).startsWith("unknown field secret");
            assertThat(e.field()).isEqualTo("secret");
            assertThat(e.line()).isEqualTo(lineOf(text, "secret:"));
        });
        String nested = ScenarioLoaderTest.VALID.replace("{code: e11.40,", "{code: e11.40, points: 3,");
        assertThat(errors(nested))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("key.diagnoses[1].points"));
    }

    @Test
    void wrongTypesAreRefused() {
        String text = ScenarioLoaderTest.VALID.replace("difficulty: 2", "difficulty: [2]");
        assertThat(errors(text)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("difficulty");
            assertThat(e.message()).contains("must be a whole number");
        });
        String units = ScenarioLoaderTest.VALID.replace("units: 1", "units: many");
        assertThat(errors(units))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("key.procedures[1].units"));
    }

    @Test
    void yamlAnchorsAndAliasBombsAreRefused() {
        String anchors = ScenarioLoaderTest.VALID.replace("tags: [E/M]", "tags: &t [E/M]\nsetting2: *t");
        assertThat(errors(anchors)).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("anchors and aliases");
            assertThat(e.line()).isEqualTo(lineOf(anchors, "tags: &t"));
        });
        String bomb = ScenarioLoaderTest.VALID.replace(
                "tags: [E/M]",
                "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntags: [*c, *c, *c, *c, *c, *c, *c, *c, *c]");
        assertThat(errors(bomb))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("anchors and aliases"));
    }

    @Test
    void aHugeNoteIsRefusedBeforeParsing() {
        String huge = ScenarioLoaderTest.VALID + "x".repeat(5 * 1024 * 1024);
        assertThat(errors(huge))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("larger than " + ScenarioParser.MAX_FILE_CHARS));
    }

    @Test
    void rawHtmlScriptsEventHandlersAndScriptLinksAreRefusedWithTheirLine() {
        String script = ScenarioLoaderTest.VALID + "<script>alert(1)</script>\n";
        assertThat(errors(script)).anySatisfy(e -> {
            assertThat(e.message()).contains("raw HTML");
            assertThat(e.line()).isEqualTo(lineOf(script, "<script>"));
        });
        String onerror = ScenarioLoaderTest.VALID.replace("title: Sample", "title: \"x <img src=x onerror=alert(1)>\"");
        assertThat(errors(onerror))
                .anySatisfy(e -> assertThat(e.message()).contains("raw HTML"))
                .anySatisfy(e -> assertThat(e.message()).contains("onerror="));
        String link = ScenarioLoaderTest.VALID + "[click](javascript:alert(1))\n";
        assertThat(errors(link)).anySatisfy(e -> assertThat(e.message()).contains("javascript:"));
        // Comparisons are not HTML.
        assertThat(validator
                        .validate(null, ScenarioLoaderTest.VALID + "A1c < 7% and BP <130/80, pain 3/10 > baseline.\n")
                        .valid())
                .isTrue();
    }

    @Test
    void codeBookProblemsPointAtTheFieldHoldingTheCode() {
        ScenarioValidator withBooks =
                new ScenarioValidator(new InMemoryCodeLookup().icd("E11.40").icd("E11.9"));
        String text = ScenarioLoaderTest.VALID;
        List<ScenarioValidator.Error> errors = withBooks.validate(null, text).errors();
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.message()).contains("99214 is not in the CPT code book");
            assertThat(e.field()).isEqualTo("key.procedures[1].code");
            assertThat(e.line()).isEqualTo(lineOf(text, "- {code: 99214"));
        });
    }

    @Test
    void aFileNameMustMatchTheId() {
        assertThat(validator.validate("other.md", ScenarioLoaderTest.VALID).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("t-001-sample.md"));
    }
}
