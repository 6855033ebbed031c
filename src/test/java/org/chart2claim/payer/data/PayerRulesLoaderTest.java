package org.chart2claim.payer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.standard.PayerIds;
import org.junit.jupiter.api.Test;

class PayerRulesLoaderTest {

    @Test
    void shippedFilesLoad() {
        PayerRules rules = PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        assertThat(rules.payers().size()).isEqualTo(3);
        assertThat(rules.ptpEditCount() > 100).isTrue();
        assertThat(rules.mueCount() > 50).isTrue();
        assertThat(rules.member("medicare-sim", "1eg4te5mk73").isPresent())
                .as("member ids match case-insensitively")
                .isTrue();
        assertThat(rules.allowed("ppo-sim", "99213").isPresent()).isTrue();
        assertThat(rules.modifierRules().known().contains("RR"))
                .as("modifiers from the code books are known")
                .isTrue();
    }

    /**
     * The members come in the order of members.tsv in every run: an order that changed with each JVM start made the
     * benches' generated claim file (built from members()) a different file in every run, which showed as a
     * duplicate-line count varying by a few lines between runs of the same bench.
     */
    @Test
    void membersAndPayersKeepTheOrderOfTheirFiles() throws Exception {
        PayerRules rules = PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        List<String> inFile = java.nio.file.Files.readAllLines(Path.of("codebooks/payers/members.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("payer\t") && !l.isBlank())
                .map(l -> l.split("\t")[0] + "|" + l.split("\t")[1])
                .distinct()
                .toList();
        assertThat(rules.members().stream()
                        .map(m -> m.payerId() + "|" + m.memberId())
                        .toList())
                .hasSizeGreaterThan(20)
                .isEqualTo(inFile);
        assertThat(rules.payers().stream().map(Payer::id).toList()).containsExactlyElementsOf(PayerIds.ALL);
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
        var e = catchThrowableOfType(
                PayerDataException.class,
                () -> with("payers/mue.tsv", "code\tmue_value\tmai\trationale\n99213\t1\n")
                        .load());
        assertThat(e.getMessage().contains("payers/mue.tsv line 2"))
                .as(e.getMessage())
                .isTrue();
    }

    @Test
    void missingFileIsNamed() {
        var e = catchThrowableOfType(
                PayerDataException.class, () -> with("payers/members.tsv", null).load());
        assertThat(e.getMessage().contains("members.tsv is missing"))
                .as(e.getMessage())
                .isTrue();
    }

    @Test
    void brokenYamlIsReported() {
        var e = catchThrowableOfType(
                PayerDataException.class,
                () -> with("payers/ppo-sim.yaml", "id: [unclosed").load());
        assertThat(e.getMessage().contains("ppo-sim.yaml")).as(e.getMessage()).isTrue();
    }

    @Test
    void wronglyTypedValueIsReportedWithItsFile() {
        var e = catchThrowableOfType(
                PayerDataException.class,
                () -> with(
                                "payers/fee-schedule-allowed.tsv",
                                "code\tmedicare-sim\tppo-sim\tmedicaid-sim\tdescription\n99213\tcheap\t1\t1\tx\n")
                        .load());
        assertThat(e.getMessage().contains("fee-schedule-allowed.tsv"))
                .as(e.getMessage())
                .isTrue();
    }

    @Test
    void unknownCoveragePolicyIsReported() {
        var e = catchThrowableOfType(
                PayerDataException.class,
                () -> with(
                                "payers/medicaid-sim.yaml",
                                "id: medicaid-sim\nname: X\ntype: MEDICAID\ntimelyFilingDays: 180\ncoveragePolicies: [NOPE]\n")
                        .load());
        assertThat(e.getMessage().contains("NOPE")).as(e.getMessage()).isTrue();
    }

    @Test
    void splitBilateralAndGlobalRulesComeFromTheCodeBooks() {
        PayerRules rules = PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        ModifierRules modifiers = rules.modifierRules();
        long splittable = countRules("codebooks/cpt/cpt.tsv", 2, "1");
        assertThat(splittable)
                .as("the CPT book marks codes as splittable (105 before the oncology and ERCP additions)")
                .isGreaterThanOrEqualTo(105);
        assertThat(modifiers.professionalTechnicalSplit().size() >= splittable)
                .as("every code the books mark PC/TC 1 takes 26/TC: "
                        + modifiers.professionalTechnicalSplit().size())
                .isTrue();
        for (String code : java.util.List.of("20526", "49505", "69436", "25605", "64721", "27130")) {
            assertThat(modifiers.bilateralAllowed().contains(code))
                    .as(code + " has bilateral indicator 1 in the CPT book")
                    .isTrue();
        }
        assertThat(!modifiers.bilateralAllowed().contains("11602"))
                .as("bilateral indicator 0: modifier 50 not allowed")
                .isTrue();
        assertThat(rules.indicators().globalDays("25605")).isEqualTo(90);
        assertThat(rules.indicators().globalDays("24640")).isEqualTo(10);
        assertThat(rules.indicators().globalDays("97597")).isEqualTo(0);
        assertThat(rules.indicators().globalDays("99213")).isEqualTo(-1);
    }

    @Test
    void changingAnIndicatorInTheBookChangesThePayer() throws Exception {
        String book = readShipped("cpt/cpt.tsv").orElseThrow();
        // 99213 has PC/TC indicator 0; mark it 1 in a copy of the book
        String changed = book.replaceFirst("(code\t99213\t[^\n]*\nrules\tXXX\t)0", "$11");
        PayerRules rules = with("cpt/cpt.tsv", changed).load();
        assertThat(rules.modifierRules().professionalTechnicalSplit().contains("99213"))
                .isTrue();
        assertThat(!PayerRulesLoader.fromDirectory(Path.of("codebooks"))
                        .load()
                        .modifierRules()
                        .professionalTechnicalSplit()
                        .contains("99213"))
                .isTrue();
    }

    @Test
    void mailOrderAndNonInsulinSupplyModifiersAreKnownToThePayers() {
        PayerRules rules = PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        assertThat(rules.modifierRules().known().containsAll(java.util.List.of("KL", "KS", "KH", "KX")))
                .isTrue();
    }

    @Test
    void missingProcedureBookIsNamed() {
        var e = catchThrowableOfType(
                PayerDataException.class, () -> with("cpt/cpt.tsv", null).load());
        assertThat(e.getMessage().contains("cpt/cpt.tsv")).as(e.getMessage()).isTrue();
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
