package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Sex;
import org.chart2claim.payer.Adjustment;
import org.junit.jupiter.api.Test;

/** FeeScheduleEdit (CO-45) and CostSharingEdit (PR-1/2/3). */
class PricingEditsTest {

    static BigDecimal amount(List<Adjustment> adjustments, String label) {
        return adjustments.stream()
                .filter(a -> a.label().equals(label))
                .map(Adjustment::amount)
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    @Test
    void chargeAboveTheFeeIsWrittenOffAsCo45() {
        var ctx = run(new FeeScheduleEdit(), medicareVisit().build());
        var line = ctx.lines().getFirst();
        assertThat(line.allowed()).isEqualTo(new BigDecimal("130.00"));
        assertThat(amount(line.adjustments(), "CO-45").compareTo(new BigDecimal("156.00")))
                .isEqualTo(0);
    }

    @Test
    void chargeBelowTheFeeHasNoWriteOff() {
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "99214", List.of(), 1, List.of(1), new BigDecimal("100"))
                .build();
        var line = run(new FeeScheduleEdit(), claim).lines().getFirst();
        assertThat(line.allowed().compareTo(new BigDecimal("100"))).isEqualTo(0);
        assertThat(line.adjustments().isEmpty()).isTrue();
    }

    @Test
    void medicareDeductibleThenCoinsurance() {
        // George Whitfield has met 100 of the 283 deductible: 183 left.
        var claim = medicareVisit()
                .insured(new Insured(
                        "7AB1CD2EF34",
                        PersonName.of("Whitfield", "George"),
                        LocalDate.of(1950, 10, 2),
                        Sex.M,
                        Address.empty(),
                        "",
                        ""))
                .lines(List.of())
                .line(DOS, "99214", List.of(), 1, List.of(1), new BigDecimal("300"))
                .line(DOS, "20610", List.of("RT"), 1, List.of(1), new BigDecimal("200"))
                .build();
        AdjudicationContext ctx = run(new FeeScheduleEdit(), claim);
        new CostSharingEdit().apply(ctx);
        var first = ctx.lines().get(0).adjustments();
        var second = ctx.lines().get(1).adjustments();
        assertThat(amount(first, "PR-1").compareTo(new BigDecimal("130.00"))).isEqualTo(0);
        assertThat(amount(second, "PR-1").compareTo(new BigDecimal("53.00"))).isEqualTo(0);
        assertThat(amount(second, "PR-2").compareTo(new BigDecimal("1.80"))).isEqualTo(0);
    }

    @Test
    void ppoOfficeVisitTakesACopayInsteadOfDeductible() {
        AdjudicationContext ctx = run(new FeeScheduleEdit(), ppoVisit().build());
        new CostSharingEdit().apply(ctx);
        var adj = ctx.lines().getFirst().adjustments();
        assertThat(amount(adj, "PR-3").compareTo(new BigDecimal("30.00"))).isEqualTo(0);
        assertThat(amount(adj, "PR-1").signum()).isEqualTo(0);
    }

    @Test
    void preventiveCareHasNoCostSharing() {
        var claim = ppoVisit()
                .diagnoses("Z00.00")
                .lines(List.of())
                .line(DOS, "99395", List.of(), 1, List.of(1), new BigDecimal("300"))
                .build();
        AdjudicationContext ctx = run(new FeeScheduleEdit(), claim);
        new CostSharingEdit().apply(ctx);
        assertThat(ctx.lines().getFirst().adjustments().stream()
                        .noneMatch(a -> a.group() == org.chart2claim.payer.GroupCode.PR))
                .isTrue();
    }
}
