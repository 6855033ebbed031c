package org.chart2claim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.payer.AdjudicationRequest;
import org.chart2claim.payer.Adjudicator;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.LineResult;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.data.PayerRules;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rationale or common-mistake text that names a payer consequence ("denied", "bundled", "not
 * payable", "needs 26", "150%") is checked against what the simulated payer does with that scenario's claim:
 * the key claim changed the way the text describes, adjudicated by the shipped payer rules. One test per
 * scenario that states a consequence. (ed-005 names a Medicare critical-care rule for contrast only; its
 * payer is commercial and follows CPT, which the key claim test covers.)
 */
class ScenarioPayerConsequencesTest {
    static List<Scenario> scenarios;
    static final PayerRules rules = PayerFixtures.rules();

    @BeforeAll
    static void load() throws Exception {
        ShippedScenarioClaimsTest.load();
        scenarios = new ScenarioLoader(ShippedScenarioClaimsTest.codes)
                .loadFolder(Path.of("scenarios"))
                .scenarios();
    }

    @Test
    void or001EmOnTheDayOfTheFractureReductionWithout57IsIncludedInTheGlobalPackage() {
        ClaimResult r = adjudicate("or-001-colles-fracture-reduction", lines -> withModifiers(lines, "99204"));
        assertDenied(r, "99204", "CO-97", "GlobalSurgeryEdit");
    }

    @Test
    void pc003ProblemVisitWithoutModifier25IsBundledIntoThePreventiveVisit() {
        ClaimResult r = adjudicate("pc-003-preventive-with-problem", lines -> withModifiers(lines, "99213"));
        assertDenied(r, "99213", "CO-97", "PreventiveWithProblemVisitEdit");
    }

    @Test
    void pe003EmWithout25IsBundledWithTheNebulizerAndBothTreatmentFormsArePaid() {
        assertDenied(
                adjudicate("pe-003-asthma-nebulizer", lines -> withModifiers(lines, "99214")),
                "99214",
                "CO-97",
                "NcciPtpEdit");
        ClaimResult unitsForm = adjudicate("pe-003-asthma-nebulizer", lines -> {
            List<ServiceLine> out = new ArrayList<>();
            for (ServiceLine l : lines) {
                if (!l.code().equals("94640")) {
                    out.add(l);
                } else if (l.modifiers().isEmpty()) {
                    out.add(with(l, List.of(), 2, l.charge().multiply(BigDecimal.TWO)));
                }
            }
            return out;
        });
        assertThat(unitsForm.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(adjudicate("pe-003-asthma-nebulizer", lines -> lines).status())
                .isEqualTo(ClaimStatus.PAID);
    }

    @Test
    void dm003OrthosisWithoutSideIsDeniedAndMedicareDoesNotPayA4570() {
        assertDenied(
                adjudicate("dm-003-wrist-orthosis", lines -> withModifiers(lines, "L3908")),
                "L3908",
                "CO-4",
                "MissingModifierEdit");
        Claim splint = PayerFixtures.medicareVisit()
                .lines(List.of())
                .line(PayerFixtures.DOS, "A4570", List.of(), 1, List.of(1), new BigDecimal("11.00"))
                .build();
        ClaimResult medicare = new Adjudicator(rules, ShippedScenarioClaimsTest.codes)
                .adjudicate(PayerFixtures.request(splint), PayerFixtures.TODAY);
        assertDenied(medicare, "A4570", "CO-96", "NotCoveredEdit");
    }

    @Test
    void gs004BiopsyWithoutABypassModifierIsBundled59IsAcceptedAndPtWaivesTheDeductible() {
        String id = "gs-004-screening-colonoscopy-polyps";
        assertDenied(adjudicate(id, lines -> withModifiers(lines, "45380", "PT")), "45380", "CO-97", "NcciPtpEdit");
        assertThat(adjudicate(id, lines -> withModifiers(lines, "45380", "PT", "59"))
                        .status())
                .isEqualTo(ClaimStatus.PAID);
        ClaimResult key = adjudicate(id, lines -> lines);
        assertThat(key.lines())
                .allSatisfy(l ->
                        assertThat(l.adjustments()).noneMatch(a -> a.label().equals("PR-1")));
        ClaimResult withoutPt = adjudicate(id, lines -> {
            List<ServiceLine> out = new ArrayList<>();
            for (ServiceLine l : lines) {
                out.add(with(
                        l, l.modifiers().stream().filter(m -> !m.equals("PT")).toList(), l.units(), l.charge()));
            }
            return out;
        });
        assertThat(withoutPt.lines().stream().flatMap(l -> l.adjustments().stream()))
                .anyMatch(a -> a.label().equals("PR-1"));
    }

    @Test
    void or002BilateralInjectionWithModifier50IsAllowedAt150Percent() {
        ClaimResult r = adjudicate("or-002-bilateral-knee-injection", lines -> lines);
        LineResult injection = line(r, "20610");
        BigDecimal fee = rules.allowed("medicare-sim", "20610").orElseThrow();
        assertThat(injection.allowed()).isEqualByComparingTo(fee.multiply(new BigDecimal("1.5")));
    }

    @Test
    void ed006SecondRepairOfAnotherClassNeeds59() {
        assertDenied(
                adjudicate("ed-006-multiple-lacerations", lines -> withModifiers(lines, "12002")),
                "12002",
                "CO-97",
                "NcciPtpEdit");
    }

    @Test
    void ra001AndRa002InterpretationInTheHospitalWithout26IsDenied() {
        assertDenied(
                adjudicate("ra-001-chest-xray-26", lines -> withModifiers(lines, "71046")),
                "71046",
                "CO-4",
                "MissingModifierEdit");
        assertDenied(
                adjudicate("ra-002-ct-diverticulitis", lines -> withModifiers(lines, "74177")),
                "74177",
                "CO-4",
                "MissingModifierEdit");
    }

    @Test
    void ca001Op002Ra003ModifiersTheTextsCallWrongAreRejectedByThePayer() {
        assertDenied(
                adjudicate("ca-001-ecg-interpretation", lines -> replaceCode(lines, "93010", "93000", "26")),
                "93000",
                "CO-4",
                "InvalidModifierEdit");
        assertDenied(
                adjudicate("op-002-glaucoma-different-stages", lines -> withModifiers(lines, "92133", "50")),
                "92133",
                "CO-4",
                "InvalidModifierEdit");
        assertDenied(
                adjudicate("ra-003-screening-mammogram", lines -> withModifiers(lines, "77067", "50")),
                "77067",
                "CO-4",
                "InvalidModifierEdit");
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static ClaimResult adjudicate(String id, UnaryOperator<List<ServiceLine>> change) {
        Scenario s =
                scenarios.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Claim key = ShippedScenarioClaimsTest.keyClaim(s);
        Claim claim = key.withLines(change.apply(key.lines()));
        return new Adjudicator(rules, ShippedScenarioClaimsTest.codes)
                .adjudicate(
                        new AdjudicationRequest(
                                claim, List.of(), s.dateOfService().plusDays(7), List.of(), null, "CONSEQ"),
                        PayerFixtures.TODAY);
    }

    /** The lines with every line of {@code code} given exactly {@code modifiers}. */
    private static List<ServiceLine> withModifiers(List<ServiceLine> lines, String code, String... modifiers) {
        return lines.stream()
                .map(l -> l.code().equals(code) ? with(l, List.of(modifiers), l.units(), l.charge()) : l)
                .toList();
    }

    private static List<ServiceLine> replaceCode(List<ServiceLine> lines, String from, String to, String... mods) {
        return lines.stream()
                .map(l -> l.code().equals(from)
                        ? new ServiceLine(
                                l.from(),
                                l.to(),
                                l.placeOfService(),
                                l.emergency(),
                                to,
                                List.of(mods),
                                l.pointers(),
                                l.charge(),
                                l.units(),
                                l.renderingNpi())
                        : l)
                .toList();
    }

    private static ServiceLine with(ServiceLine l, List<String> modifiers, int units, BigDecimal charge) {
        return new ServiceLine(
                l.from(),
                l.to(),
                l.placeOfService(),
                l.emergency(),
                l.code(),
                modifiers,
                l.pointers(),
                charge,
                units,
                l.renderingNpi());
    }

    private static LineResult line(ClaimResult r, String code) {
        return r.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    private static void assertDenied(ClaimResult r, String code, String label, String edit) {
        LineResult l = line(r, code);
        assertThat(l.paid()).as(code + " paid").isZero();
        assertThat(l.adjustments()).as(code + " adjustments").anySatisfy(a -> {
            assertThat(a.label()).isEqualTo(label);
            assertThat(a.edit()).isEqualTo(edit);
        });
    }
}
