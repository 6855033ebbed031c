package org.chart2claim.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeBookLoaderTest {

    private static final String HEAD = """
            set\tICD10CM\tFY2026
            chapter\t4\tE00-E89\tEndocrine, nutritional and metabolic diseases
            note\texcludes1\ttransitory endocrine and metabolic disorders specific to newborn (P70-P74)
            block\tE08-E13\tDiabetes mellitus
            """;

    private static LoadedCodeBooks load(String text) {
        return CodeBookLoader.load(List.of(new CodeBookLoader.Source("test.tsv", text)));
    }

    @Test
    void readsHierarchyNotesSeventhCharactersAndIndex() {
        LoadedCodeBooks loaded = load(HEAD + """
                code\tE11\tH\tType 2 diabetes mellitus
                note\texcludes1\ttype 1 diabetes mellitus (E10.-)
                code\tE11.9\tB\tType 2 diabetes mellitus without complications
                note\tinclusionTerm\tType 2 diabetes NOS
                index\t0\tDiabetes, diabetic\t(mellitus) (sugar)\tE11.9
                index\t1\ttype 2\t\tE11.9
                index\t0\tDM\t\t\tDiabetes
                synonym\tDM2\ttype 2 diabetes mellitus\tE11.9
                """);
        CodeSet set = loaded.sets().getFirst();
        assertThat(set.version()).isEqualTo("FY2026");
        assertThat(set.chapters().getFirst().notes().excludes1()).hasSize(1);
        CodeEntry e119 = set.entries().get(1);
        assertThat(e119.parent()).isEqualTo("E11");
        assertThat(e119.level()).isEqualTo(4);
        assertThat(e119.block()).isEqualTo("E08-E13");
        assertThat(e119.notes().inclusionTerms()).containsExactly("Type 2 diabetes NOS");
        assertThat(set.indexTerms()).hasSize(2);
        assertThat(set.indexTerms().getFirst().nemod()).isEqualTo("(mellitus) (sugar)");
        assertThat(set.indexTerms().getFirst().subterms().getFirst().code()).isEqualTo("E11.9");
        assertThat(set.indexTerms().get(1).see()).isEqualTo("Diabetes");
        assertThat(loaded.synonyms().getFirst().codes()).containsExactly("E11.9");
        assertThat(loaded.contentHash()).hasSize(64);
    }

    @Test
    void seventhCharacterTableAndPlaceholder() {
        LoadedCodeBooks loaded = load("""
                set\tICD10CM\tFY2026
                chapter\t19\tS00-T88\tInjury
                block\tS00-S09\tInjuries to the head
                code\tS02\tH\tFracture of skull and facial bones
                7chr\tA\tinitial encounter for closed fracture
                7chr\tB\tinitial encounter for open fracture
                code\tS02.2\tH\tFracture of nasal bones
                code\tS02.2XXA\tB\tFracture of nasal bones, initial encounter for closed fracture
                """);
        CodeBook book = new CodeBook(loaded.sets().getFirst());
        CodeEntry code = book.find("s022xxa").orElseThrow();
        assertThat(code.parent()).isEqualTo("S02.2");
        assertThat(book.sevenChrDefFor(code).orElseThrow().meaningOf('a'))
                .contains("initial encounter for closed fracture");
        assertThat(SevenChrDef.withSeventh("S02.2", 'A')).isEqualTo("S02.2XXA");
        assertThat(SevenChrDef.withSeventh("S63501", 'a')).isEqualTo("S63.501A");
    }

    @Test
    void errorsNameFileAndLine() {
        assertThatThrownBy(() -> load(HEAD + "code\tE11.9\tB\tOrphan without category\n"))
                .isInstanceOf(CodeBookFormatException.class)
                .hasMessage("test.tsv:5: code E11.9 has no parent: its category E11 must come first");
        assertThatThrownBy(() -> load(HEAD + "code\tE11\tX\tType 2\n"))
                .hasMessageStartingWith("test.tsv:5: second field of a code must be B (billable) or H (header)");
        assertThatThrownBy(() -> load(HEAD + "code\tE11\tH\tType 2\ncode\tE11\tH\tAgain\n"))
                .hasMessageStartingWith("test.tsv:6: code E11 is defined twice");
        assertThatThrownBy(() -> load(HEAD + "code\tJ44\tB\tCOPD\n"))
                .hasMessage("test.tsv:5: code J44 lies outside block E08-E13");
        assertThatThrownBy(() -> load(HEAD + "code\tE11\tH\tType 2\n"))
                .hasMessage("test.tsv:5: header E11 has no children (mark it B if it is billable)");
        assertThatThrownBy(() -> load(HEAD + "code\tE11\tB\tType 2\ncode\tE11.9\tB\tChild\n"))
                .hasMessageContaining("test.tsv:6: code E11.9 is below billable code E11");
        assertThatThrownBy(() -> load(HEAD + "frobnicate\tx\n"))
                .hasMessage("test.tsv:5: unknown record 'frobnicate' (see codebooks/README.md)");
        assertThatThrownBy(() -> load("code\tE11\tH\tno set\n"))
                .hasMessageStartingWith("test.tsv:1: 'code' before the 'set' line");
        assertThatThrownBy(() -> load(HEAD + "code\tE11.9\n"))
                .hasMessage("test.tsv:5: 'code' needs 4 to 5 tab-separated fields, found 2");
        assertThatThrownBy(() -> load(HEAD + "code\tE119\tB\tno dot\n"))
                .hasMessageStartingWith("test.tsv:5: code 'E119' is not written as printed (expected E11.9)");
        assertThatThrownBy(() -> load(HEAD + "note\tseeAbove\tx\n"))
                .hasMessageStartingWith("test.tsv:5: unknown note kind 'seeAbove'");
        assertThatThrownBy(() -> load(HEAD + "code\tE11\tB\tType 2\nindex\t1\tsub\t\tE11\n"))
                .hasMessageStartingWith("test.tsv:6: index level 1 does not follow");
        assertThatThrownBy(() -> load(HEAD + "code\tE11\tB\tType 2\nindex\t0\tThing\t\tE99.9\n"))
                .hasMessage("test.tsv:6: index term leads to code E99.9 which is not in ICD10CM FY2026");
        assertThatThrownBy(() -> load(HEAD + "code\tE11\tB\tType 2\nsynonym\tXY\tsomething\tQ99.9\n"))
                .hasMessage("test.tsv:6: synonym names code Q99.9 which is in no code book");
        assertThatThrownBy(() -> load("set\tICD11\tFY2026\n"))
                .hasMessageStartingWith("test.tsv:1: unknown code system 'ICD11'");
    }

    @Test
    void procedureRulesAndModifiers() {
        LoadedCodeBooks loaded = load("""
                set\tCPT\t2026 training
                chapter\tRAD\t70010-79999\tRadiology
                block\t73000-73999\tLimbs
                code\t73560\tB\tX-ray of the knee, 1 or 2 views
                rules\tXXX\t1\t3\tN
                modifier\t26\tpayment\tProfessional component only\tOnly when PC/TC indicator is 1
                """);
        CodeSet set = loaded.sets().getFirst();
        BillingRules rules = set.entries().getFirst().rules();
        assertThat(rules.professionalTechnicalSplit()).isTrue();
        assertThat(rules.bilateralModifierAllowed()).isTrue();
        assertThat(set.modifiers().getFirst().code()).isEqualTo("26");
        assertThatThrownBy(() -> load("""
                set\tCPT\t2026 training
                chapter\tRAD\t70010-79999\tRadiology
                block\t73000-73999\tLimbs
                code\t73560\tB\tX-ray
                rules\t045\t1\t3\tN
                """)).hasMessageStartingWith("test.tsv:5: global period must be");
    }
}
