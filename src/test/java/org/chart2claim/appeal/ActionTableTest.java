package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.appeal.AppealAction.APPEAL;
import static org.chart2claim.appeal.AppealAction.BILL_OTHER_PAYER;
import static org.chart2claim.appeal.AppealAction.BILL_PATIENT;
import static org.chart2claim.appeal.AppealAction.CORRECTED_CLAIM;
import static org.chart2claim.appeal.AppealAction.NEW_CLAIM;
import static org.chart2claim.appeal.AppealAction.NO_ACTION;
import static org.chart2claim.appeal.AppealAction.RETRO_AUTH;
import static org.chart2claim.appeal.AppealAction.WRITE_OFF;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per row of {@link ActionTable}, each through {@link ActionTable#rowFor} as the service asks it. */
class ActionTableTest {

    static Denial denial(String group, String carc, Support support) {
        return new Denial(group, carc, List.of(), "99213", support, "medicare-sim", false, false, null);
    }

    static ActionTable.Row row(Denial d) {
        return ActionTable.rowFor(d);
    }

    @Test
    void row1FrontEndRejectionIsANewClaim() {
        ActionTable.Row r = row(denial(Denial.REJECTED, "", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(1);
        assertThat(r.actions()).containsExactly(NEW_CLAIM);
    }

    @Test
    void row2ContractualNeedsNoAction() {
        ActionTable.Row r = row(denial("CO", "45", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(2);
        assertThat(r.actions()).containsExactly(NO_ACTION);
    }

    @Test
    void row3DeductibleCoinsuranceAndCopayAreBilledToThePatient() {
        for (String carc : List.of("1", "2", "3")) {
            ActionTable.Row r = row(denial("PR", carc, Support.AS_BILLED));
            assertThat(r.number()).isEqualTo(3);
            assertThat(r.actions()).containsExactly(BILL_PATIENT);
        }
    }

    @Test
    void row4PatientLiableNonCoveredServiceIsBilledToThePatient() {
        ActionTable.Row r = row(denial("PR", "96", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(4);
        assertThat(r.actions()).containsExactly(BILL_PATIENT);
    }

    @Test
    void row5DowncodeOfAnUpcodedVisitIsAccepted() {
        ActionTable.Row r = row(denial("CO", "150", Support.CODED_DIFFERENTLY));
        assertThat(r.number()).isEqualTo(5);
        assertThat(r.actions()).containsExactly(NO_ACTION, WRITE_OFF);
        assertThat(r.writeOffReason()).isEqualTo(WriteOffReason.CONTRACTUAL);
    }

    @Test
    void row6ADenialOfALineBilledAsDocumentedIsAppealedWithTheNote() {
        ActionTable.Row r = row(denial("CO", "50", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(6);
        assertThat(r.actions()).containsExactly(APPEAL);
        assertThat(r.documentation()).containsExactly(RecordDocument.NOTE);
    }

    @Test
    void row7BundlingOfADocumentedSeparateServiceIsACorrectedClaimWithTheModifier() {
        ActionTable.Row r = row(denial("CO", "97", Support.CODED_DIFFERENTLY));
        assertThat(r.number()).isEqualTo(7);
        assertThat(r.actions()).containsExactly(CORRECTED_CLAIM);
    }

    @Test
    void row8CodingErrorsAreCorrectedClaims() {
        for (String carc : List.of("4", "11", "16", "146", "151", "181", "58", "50")) {
            ActionTable.Row r = row(denial("CO", carc, Support.CODED_DIFFERENTLY));
            assertThat(r.number()).as(carc).isEqualTo(8);
            assertThat(r.actions()).containsExactly(CORRECTED_CLAIM);
        }
    }

    @Test
    void row9AnUndocumentedServiceIsWrittenOff() {
        for (Support s : List.of(Support.NOT_DOCUMENTED, Support.NO_RECORD)) {
            ActionTable.Row r = row(denial("CO", "97", s));
            assertThat(r.number()).isEqualTo(9);
            assertThat(r.actions()).containsExactly(WRITE_OFF);
            assertThat(r.writeOffReason()).isEqualTo(WriteOffReason.ADMINISTRATIVE);
        }
    }

    @Test
    void row10TimelyFilingWithProofIsAppealedWithTheProof() {
        Denial d = new Denial("CO", "29", List.of(), "99213", Support.AS_BILLED, "ppo-sim", false, true, null);
        ActionTable.Row r = row(d);
        assertThat(r.number()).isEqualTo(10);
        assertThat(r.actions()).containsExactly(APPEAL);
        assertThat(r.documentation()).containsExactly(RecordDocument.TIMELY_FILING_PROOF);
    }

    @Test
    void row11TimelyFilingWithoutProofIsWrittenOffAsTimelyFiling() {
        ActionTable.Row r = row(denial("CO", "29", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(11);
        assertThat(r.actions()).containsExactly(WRITE_OFF);
        assertThat(r.writeOffReason()).isEqualTo(WriteOffReason.TIMELY_FILING);
    }

    @Test
    void row12AnObtainedAuthorizationGoesOnACorrectedClaim() {
        Denial d = new Denial("CO", "197", List.of(), "47562", Support.AS_BILLED, "ppo-sim", true, false, null);
        ActionTable.Row r = row(d);
        assertThat(r.number()).isEqualTo(12);
        assertThat(r.actions()).containsExactly(CORRECTED_CLAIM);
    }

    @Test
    void row13NoAuthorizationAsksForARetroAuthorization() {
        ActionTable.Row r = row(denial("CO", "15", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(13);
        assertThat(r.actions()).containsExactly(RETRO_AUTH);
    }

    @Test
    void row14ADuplicateNeedsNoAction() {
        ActionTable.Row r = row(denial("CO", "18", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(14);
        assertThat(r.actions()).containsExactly(NO_ACTION);
    }

    @Test
    void row15AnotherResponsiblePayerIsBilled() {
        for (String carc : List.of("22", "109", "26", "27")) {
            ActionTable.Row r = row(denial("CO", carc, Support.AS_BILLED));
            assertThat(r.number()).isEqualTo(15);
            assertThat(r.actions()).containsExactly(BILL_OTHER_PAYER);
        }
    }

    @Test
    void row16AnUnidentifiedMemberIsACorrectedClaim() {
        ActionTable.Row r = row(denial("CO", "31", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(16);
        assertThat(r.actions()).containsExactly(CORRECTED_CLAIM);
    }

    @Test
    void row17ANonCoveredServiceWithoutAnAbnIsWrittenOff() {
        for (String carc : List.of("96", "204")) {
            ActionTable.Row r = row(denial("CO", carc, Support.AS_BILLED));
            assertThat(r.number()).isEqualTo(17);
            assertThat(r.actions()).containsExactly(WRITE_OFF);
        }
    }

    @Test
    void row18AnythingElseIsAppealedWithTheRecord() {
        ActionTable.Row r = row(denial("OA", "23", Support.AS_BILLED));
        assertThat(r.number()).isEqualTo(18);
        assertThat(r.actions()).containsExactly(APPEAL);
    }

    @Test
    void aDrillsExpectationComesBeforeTheTable() {
        Denial.Expectation drill = new Denial.Expectation(
                List.of(APPEAL), List.of(RecordDocument.AUTHORIZATION), null, "on file", "Drill x");
        Denial d = new Denial("CO", "197", List.of(), "47562", Support.AS_BILLED, "ppo-sim", true, false, drill);
        assertThat(ActionTable.expectationFor(d)).isSameAs(drill);
        assertThat(ActionTable.expectationFor(denial("CO", "45", Support.AS_BILLED))
                        .source())
                .isEqualTo("Action table row 2");
    }

    @Test
    void rowsAreNumberedInOrderAndEachExplainsItself() {
        for (int i = 0; i < ActionTable.ROWS.size(); i++) {
            assertThat(ActionTable.ROWS.get(i).number()).isEqualTo(i + 1);
            assertThat(ActionTable.ROWS.get(i).because()).hasSizeGreaterThan(40);
        }
    }
}
