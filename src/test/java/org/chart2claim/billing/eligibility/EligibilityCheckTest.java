package org.chart2claim.billing.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.data.Payer;
import org.chart2claim.payer.data.PayerRules;
import org.junit.jupiter.api.Test;

/** Eligibility answers from the shipped codebooks/payers files: active, terminated, not found, mismatch, COB. */
public class EligibilityCheckTest {
    public static final PayerRules RULES = PayerFixtures.rules();
    public static final PlanBenefits BENEFITS = PlanBenefits.load(Path.of("codebooks", "payers"));

    static EligibilityAnswer ask(
            String payer, String member, String last, String first, String dob, String dos, String serviceType) {
        return EligibilityCheck.answer(
                new EligibilityRequest(
                        payer, member, last, first, LocalDate.parse(dob), LocalDate.parse(dos), serviceType, null),
                RULES,
                BENEFITS,
                EligibilityCheck.LedgerShare.NONE);
    }

    @Test
    void activePpoMemberGetsPlanDeductibleCopaysCoinsuranceOutOfPocketPriorAuthAndPcp() {
        EligibilityAnswer a = ask("ppo-sim", "W514476320", "Greenleaf", "Vanessa", "1983-12-14", "2026-03-02", "98");
        assertThat(a.active()).isTrue();
        assertThat(a.reason()).isNull();
        assertThat(a.plan()).isEqualTo("Blue Horizon PPO (simulated)");
        assertThat(a.deductible().annual()).isEqualByComparingTo("1000.00");
        assertThat(a.deductible().met()).isEqualByComparingTo("0");
        assertThat(a.deductible().remaining()).isEqualByComparingTo("1000.00");
        assertThat(a.copay()).containsEntry("98", new BigDecimal("30.00"));
        assertThat(a.coinsurance()).isZero(); // an office visit: the copay replaces deductible and coinsurance
        assertThat(a.outOfPocket().max()).isEqualByComparingTo("4000.00");
        assertThat(a.priorAuthorizationRequired()).contains("47562", "73721");
        assertThat(a.pcp()).isEqualTo("Lena Okafor, MD (NPI 1502020203)");
        assertThat(a.otherCoverage()).isNull();
        assertThat(ask("ppo-sim", "W514476320", "Greenleaf", "Vanessa", "1983-12-14", "2026-03-02", "30")
                        .coinsurance())
                .isEqualTo(20);
    }

    @Test
    void deductibleMetAddsWhatTheLedgerPosted() {
        EligibilityAnswer a = EligibilityCheck.answer(
                new EligibilityRequest(
                        "medicare-sim",
                        "7AB1CD2EF34",
                        "Whitfield",
                        "George",
                        LocalDate.of(1950, 10, 2),
                        LocalDate.of(2026, 5, 1),
                        "30",
                        "default"),
                RULES,
                BENEFITS,
                new EligibilityCheck.LedgerShare(new BigDecimal("150.00"), new BigDecimal("170.00")));
        // 100.00 met before our claims (members.tsv) + 150.00 PR-1 posted in the ledger
        assertThat(a.deductible().met()).isEqualByComparingTo("250.00");
        assertThat(a.deductible().remaining()).isEqualByComparingTo("33.00");
        assertThat(a.outOfPocket().max()).isNull(); // Original Medicare has no out-of-pocket limit
        assertThat(a.otherCoverage().order()).isEqualTo("primary");
        assertThat(a.message()).contains("Other coverage pays first: bill Blue Horizon PPO");
        // the deductible met never passes the annual deductible
        EligibilityAnswer capped = EligibilityCheck.answer(
                new EligibilityRequest(
                        "medicare-sim",
                        "7AB1CD2EF34",
                        "Whitfield",
                        "George",
                        LocalDate.of(1950, 10, 2),
                        LocalDate.of(2026, 5, 1),
                        "30",
                        "default"),
                RULES,
                BENEFITS,
                new EligibilityCheck.LedgerShare(new BigDecimal("900.00"), new BigDecimal("900.00")));
        assertThat(capped.deductible().remaining()).isEqualByComparingTo("0");
    }

    @Test
    void terminatedAndNotYetCoveredMembersAreInactiveWithTheReasonAndThePlan() {
        EligibilityAnswer ended = ask("ppo-sim", "W700100201", "Tenney", "Harold", "1969-04-11", "2026-03-01", "30");
        assertThat(ended.active()).isFalse();
        assertThat(ended.reason()).isEqualTo("TERMINATED");
        assertThat(ended.message()).contains("Coverage ended 2026-01-31").contains("CO-27");
        assertThat(ended.plan()).isEqualTo("Blue Horizon PPO (simulated)");
        assertThat(ended.rejectCode()).isNull();
        EligibilityAnswer before =
                ask("medicare-sim", "9TT2AB3CD45", "Abernethy", "Ruth", "1961-06-14", "2026-06-30", "30");
        assertThat(before.active()).isFalse();
        assertThat(before.reason()).isEqualTo("NOT_YET_COVERED");
        assertThat(before.message()).contains("Coverage begins 2026-07-01");
        assertThat(ask("medicare-sim", "9TT2AB3CD45", "Abernethy", "Ruth", "1961-06-14", "2026-07-01", "30")
                        .active())
                .isTrue();
    }

    @Test
    void notFoundAndMismatchesDiscloseNoBenefits() {
        EligibilityAnswer notFound = ask("ppo-sim", "W000000000", "Doe", "Jane", "1990-01-01", "2026-03-02", "30");
        assertThat(notFound.active()).isFalse();
        assertThat(notFound.reason()).isEqualTo("NOT_FOUND");
        assertThat(notFound.rejectCode()).isEqualTo("75");
        assertThat(notFound.plan()).isNull();
        assertThat(notFound.deductible()).isNull();

        EligibilityAnswer name = ask("ppo-sim", "W514476320", "Greenleef", "Vanessa", "1983-12-14", "2026-03-02", "30");
        assertThat(name.reason()).isEqualTo("MISMATCH");
        assertThat(name.rejectCode()).isEqualTo("73");
        assertThat(name.copay()).isNull();

        EligibilityAnswer dob = ask("ppo-sim", "W514476320", "Greenleaf", "Vanessa", "1983-12-15", "2026-03-02", "30");
        assertThat(dob.reason()).isEqualTo("MISMATCH");
        assertThat(dob.rejectCode()).isEqualTo("58");

        // case, accents and a nickname's start still match; another payer's member is not found
        assertThat(ask("ppo-sim", "w514476320", "GREENLEAF", "Van", "1983-12-14", "2026-03-02", "30")
                        .active())
                .isTrue();
        assertThat(ask("medicare-sim", "W514476320", "Greenleaf", "Vanessa", "1983-12-14", "2026-03-02", "30")
                        .reason())
                .isEqualTo("NOT_FOUND");
        assertThat(ask("aetna", "W514476320", "Greenleaf", "Vanessa", "1983-12-14", "2026-03-02", "30")
                        .reason())
                .isEqualTo("UNKNOWN_PAYER");
    }

    @Test
    void aMedicaidChildPaysNoCopay() {
        EligibilityAnswer a = ask("medicaid-sim", "MCD40000028", "Reyes", "Mateo", "2019-03-15", "2026-05-01", "98");
        assertThat(a.active()).isTrue();
        assertThat(a.copay()).containsEntry("98", new BigDecimal("0.00"));
        assertThat(a.message()).contains("No copays");
    }

    @Test
    void missingFieldsAndUnknownServiceTypesAreProblems() {
        assertThat(EligibilityCheck.problems(new EligibilityRequest(null, " ", "", null, null, null, "ZZ", null)))
                .hasSize(7)
                .anyMatch(p -> p.contains("serviceType 'ZZ'"));
        assertThat(EligibilityCheck.problems(new EligibilityRequest(
                        "ppo-sim", "W1", "A", "B", LocalDate.of(2000, 1, 2), LocalDate.of(2000, 1, 1), "30", null)))
                .containsExactly("dateOfService is before birthDate.");
    }

    /** The benefits a 271 reports are what the payer then adjudicates (payer YAML cost sharing). */
    @Test
    void benefitsAgreeWithAdjudication() {
        for (Payer p : RULES.payers()) {
            var plan = BENEFITS.benefit(p.id(), "30").orElseThrow();
            assertThat(plan.coinsurancePercent())
                    .as(p.id())
                    .isEqualTo(p.costSharing().coinsurancePercent());
            var office = BENEFITS.benefit(p.id(), "98").orElseThrow();
            if (p.costSharing().copayCodes().isEmpty()
                    || p.costSharing().copay().signum() == 0) {
                assertThat(office.copay()).as(p.id()).isNull();
            } else {
                assertThat(office.copay())
                        .as(p.id())
                        .isEqualByComparingTo(p.costSharing().copay());
                assertThat(office.deductibleApplies()).isFalse();
            }
            assertThat(BENEFITS.limits(p.id())).as(p.id()).isPresent();
        }
    }
}
