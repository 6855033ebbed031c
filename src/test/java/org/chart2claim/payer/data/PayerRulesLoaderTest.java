package org.chart2claim.payer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayerRulesLoaderTest {

    @Test
    void shippedFilesLoad() {
        PayerRules rules = PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        assertEquals(3, rules.payers().size());
        assertTrue(rules.ptpEditCount() > 100);
        assertTrue(rules.mueCount() > 50);
        assertTrue(rules.member("medicare-sim", "1eg4te5mk73").isPresent(), "member ids match case-insensitively");
        assertTrue(rules.allowed("ppo-sim", "99213").isPresent());
        assertTrue(rules.modifierRules().known().contains("RR"), "modifiers from the code books are known");
    }

    /** A copy of the shipped files with one file replaced. */
    static PayerRulesLoader with(String file, String text) {
        Map<String, String> override = new HashMap<>();
        override.put(file, text);
        return new PayerRulesLoader(
                name -> override.containsKey(name) ? Optional.ofNullable(override.get(name)) : readShipped(name));
    }

    static Optional<String> readShipped(String name) {
        try {
            Path p = Path.of("codebooks").resolve(name);
            return java.nio.file.Files.exists(p) ? Optional.of(java.nio.file.Files.readString(p)) : Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shortTsvRowNamesFileAndLine() {
        var e = assertThrows(
                PayerDataException.class,
                () -> with("payers/mue.tsv", "code\tmue_value\tmai\trationale\n99213\t1\n")
                        .load());
        assertTrue(e.getMessage().contains("payers/mue.tsv line 2"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        var e = assertThrows(
                PayerDataException.class, () -> with("payers/members.tsv", null).load());
        assertTrue(e.getMessage().contains("members.tsv is missing"), e.getMessage());
    }

    @Test
    void brokenYamlIsReported() {
        var e = assertThrows(
                PayerDataException.class,
                () -> with("payers/ppo-sim.yaml", "id: [unclosed").load());
        assertTrue(e.getMessage().contains("ppo-sim.yaml"), e.getMessage());
    }

    @Test
    void wronglyTypedValueIsReportedWithItsFile() {
        var e = assertThrows(
                PayerDataException.class,
                () -> with(
                                "payers/fee-schedule-allowed.tsv",
                                "code\tmedicare-sim\tppo-sim\tmedicaid-sim\tdescription\n99213\tcheap\t1\t1\tx\n")
                        .load());
        assertTrue(e.getMessage().contains("fee-schedule-allowed.tsv"), e.getMessage());
    }

    @Test
    void unknownCoveragePolicyIsReported() {
        var e = assertThrows(
                PayerDataException.class,
                () -> with(
                                "payers/medicaid-sim.yaml",
                                "id: medicaid-sim\nname: X\ntype: MEDICAID\ntimelyFilingDays: 180\ncoveragePolicies: [NOPE]\n")
                        .load());
        assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
    }

    @Test
    void splitBilateralAndGlobalRulesComeFromTheCodeBooks() {
        PayerRules rules = PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        ModifierRules modifiers = rules.modifierRules();
        assertEquals(105, countRules("codebooks/cpt/cpt.tsv", 2, "1"), "the CPT book marks 105 codes as splittable");
        assertTrue(
                modifiers.professionalTechnicalSplit().size() >= 105,
                "every code the books mark PC/TC 1 takes 26/TC: "
                        + modifiers.professionalTechnicalSplit().size());
        for (String code : java.util.List.of("20526", "49505", "69436", "25605", "64721", "27130")) {
            assertTrue(
                    modifiers.bilateralAllowed().contains(code), code + " has bilateral indicator 1 in the CPT book");
        }
        assertTrue(!modifiers.bilateralAllowed().contains("11602"), "bilateral indicator 0: modifier 50 not allowed");
        assertEquals(90, rules.indicators().globalDays("25605"));
        assertEquals(10, rules.indicators().globalDays("24640"));
        assertEquals(0, rules.indicators().globalDays("97597"));
        assertEquals(-1, rules.indicators().globalDays("99213"));
    }

    @Test
    void changingAnIndicatorInTheBookChangesThePayer() throws Exception {
        String book = readShipped("cpt/cpt.tsv").orElseThrow();
        // 99213 has PC/TC indicator 0; mark it 1 in a copy of the book
        String changed = book.replaceFirst("(code\t99213\t[^\n]*\nrules\tXXX\t)0", "$11");
        PayerRules rules = with("cpt/cpt.tsv", changed).load();
        assertTrue(rules.modifierRules().professionalTechnicalSplit().contains("99213"));
        assertTrue(!PayerRulesLoader.fromDirectory(Path.of("codebooks"))
                .load()
                .modifierRules()
                .professionalTechnicalSplit()
                .contains("99213"));
    }

    @Test
    void mailOrderAndNonInsulinSupplyModifiersAreKnownToThePayers() {
        PayerRules rules = PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        assertTrue(rules.modifierRules().known().containsAll(java.util.List.of("KL", "KS", "KH", "KX")));
    }

    @Test
    void missingProcedureBookIsNamed() {
        var e = assertThrows(
                PayerDataException.class, () -> with("cpt/cpt.tsv", null).load());
        assertTrue(e.getMessage().contains("cpt/cpt.tsv"), e.getMessage());
    }

    /** Counts {@code rules} lines whose field {@code index} equals {@code value}. */
    private static long countRules(String file, int index, String value) {
        try {
            return java.nio.file.Files.readAllLines(Path.of(file)).stream()
                    .map(l -> l.split("\t"))
                    .filter(f -> f.length > index && f[0].equals("rules") && f[index].equals(value))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
