package org.chart2claim.appeal.otherpayer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One test per rule of who pays, and the registry's order. */
class OtherPayerRulesTest {
    static final LocalDate DOS = LocalDate.of(2026, 3, 10);

    static CoverageFacts facts(boolean active, String other, String order) {
        return new CoverageFacts(
                "Medicare Part B (simulated)",
                "7AB1CD2EF34",
                DOS,
                active,
                active ? "" : "coverage ended 2026-01-31",
                other,
                other == null ? null : "W700900117",
                order);
    }

    @Test
    void coverageNotInForceBillsThePlanInForceAndOnlyThen() {
        assertThat(new CoverageNotInForceRule().route(facts(false, null, null))).hasValueSatisfying(r -> {
            assertThat(r.bill()).isTrue();
            assertThat(r.explanation()).contains("coverage ended 2026-01-31").contains("plan in force");
        });
        assertThat(new CoverageNotInForceRule().route(facts(true, null, null))).isEmpty();
    }

    @Test
    void anotherPrimaryPlanIsBilledFirstAndThisPayerAsSecondary() {
        assertThat(new OtherPayerPrimaryRule().route(facts(true, "Blue Horizon PPO (simulated)", "primary")))
                .hasValueSatisfying(r -> {
                    assertThat(r.bill()).isTrue();
                    assertThat(r.explanation())
                            .contains("Blue Horizon PPO")
                            .contains("W700900117")
                            .contains("secondary");
                });
        assertThat(new OtherPayerPrimaryRule().route(facts(true, "Medigap", "secondary")))
                .isEmpty();
        assertThat(new OtherPayerPrimaryRule().route(facts(true, null, null))).isEmpty();
    }

    @Test
    void aSecondaryPlanIsNotBilledBeforeThePrimary() {
        assertThat(new ThisPayerPrimaryRule().route(facts(true, "Heartland Medigap Plan G", "secondary")))
                .hasValueSatisfying(r -> {
                    assertThat(r.bill()).isFalse();
                    assertThat(r.explanation()).contains("secondary").contains("appeal");
                });
        assertThat(new ThisPayerPrimaryRule().route(facts(true, "Blue Horizon PPO", "primary")))
                .isEmpty();
        assertThat(new ThisPayerPrimaryRule().route(facts(true, null, null))).isEmpty();
    }

    @Test
    void withNoOtherCoverageThereIsNobodyElseToBill() {
        assertThat(new NoOtherCoverageRule().route(facts(true, null, null))).hasValueSatisfying(r -> {
            assertThat(r.bill()).isFalse();
            assertThat(r.explanation()).contains("no other coverage").contains("Appeal");
        });
        assertThat(new NoOtherCoverageRule().route(facts(true, "Medigap", "secondary")))
                .isEmpty();
    }

    @Test
    void theRegistryAsksWhetherThePlanWasInForceBeforeCoordinationOfBenefits() {
        OtherPayerRegistry registry = OtherPayerRegistry.standard();
        // inactive wins over a primary other plan on file
        assertThat(registry.route(facts(false, "Blue Horizon PPO", "primary")).rule())
                .isEqualTo("CoverageNotInForceRule");
        assertThat(registry.route(facts(true, "Blue Horizon PPO", "primary")).rule())
                .isEqualTo("OtherPayerPrimaryRule");
        assertThat(registry.route(facts(true, "Medigap", "secondary")).rule()).isEqualTo("ThisPayerPrimaryRule");
        assertThat(registry.route(facts(true, null, null)).rule()).isEqualTo("NoOtherCoverageRule");
    }
}
