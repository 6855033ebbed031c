package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chart2claim.payer.GroupCode;
import org.junit.jupiter.api.Test;

class DrillParserTest {
    static final String GOOD = """
            id: auth-x
            title: Surgery denied for no authorization
            kind: prior-auth-not-linked
            scenario: gs-001-lap-chole
            line: 1
            fault: The authorization is on file but was not linked.
            denial: {group: CO, carc: "197", rarc: [N54], edit: PriorAuthorizationEdit, explanation: No authorization was found.}
            expected:
              actions: [APPEAL]
              documentation: [authorization]
              rationale: The authorization was approved before surgery.
            """;

    @Test
    void readsEveryField() {
        Drill d = DrillParser.parse("auth-x.yaml", GOOD);
        assertThat(d.kind()).isEqualTo(Drill.Kind.PRIOR_AUTH_NOT_LINKED);
        assertThat(d.denial().group()).isEqualTo(GroupCode.CO);
        assertThat(d.denial().rarc()).containsExactly("N54");
        assertThat(d.expectedActions()).containsExactly(AppealAction.APPEAL);
        assertThat(d.documentation()).containsExactly(RecordDocument.AUTHORIZATION);
        assertThat(d.payerError().edit()).isEqualTo("PriorAuthorizationEdit");
    }

    @Test
    void aDrillWithAnAuthorNeedsAReviewBySomeoneElse() {
        String authored = GOOD.replace("id: auth-x\n", "id: auth-x\nauthor: Ann\n");
        String review = "review: {by: Ben, on: 2026-12-01, checklist: REVIEW.md, notes: checked}\n";
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", authored)).hasMessageContaining("needs a review");
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", authored + review.replace("Ben", "ann")))
                .hasMessageContaining("someone other than the author");
        assertThat(DrillParser.parse("auth-x.yaml", authored + review).id()).isEqualTo("auth-x");
    }

    @Test
    void problemsNameTheFileAndTheField() {
        assertThatThrownBy(() -> DrillParser.parse("other.yaml", GOOD)).hasMessageContaining("auth-x.yaml");
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", GOOD.replace("prior-auth-not-linked", "magic")))
                .hasMessageContaining("kind 'magic'");
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", GOOD.replace("[APPEAL]", "[PRAY]")))
                .hasMessageContaining("'PRAY'");
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", GOOD.replace("[authorization]", "[]")))
                .hasMessageContaining("documentation that wins it");
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", GOOD.replace("group: CO", "group: XX")))
                .hasMessageContaining("group 'XX'");
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", GOOD.replace("line: 1", "line: 0")))
                .hasMessageContaining("line");
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", "id: [")).hasMessageContaining("not valid YAML");
    }

    static final String CLAIM_SIDE = """
            id: pointer-x
            title: A1c test denied
            kind: wrong-pointer
            scenario: pl-002-office-lab-panels
            line: 4
            fault: The A1c line points to hyperlipidemia.
            billed: {pointers: [2]}
            denial: {group: CO, carc: "50", rarc: [N115], edit: CoveragePolicyEdit, explanation: Not covered.}
            expected:
              actions: [CORRECTED_CLAIM]
              rationale: Correct the pointer.
            """;

    @Test
    void aClaimSideDrillSaysHowTheLineWasBilledAndHasNoPayerError() {
        Drill d = DrillParser.parse("pointer-x.yaml", CLAIM_SIDE);
        assertThat(d.kind().claimSide()).isTrue();
        assertThat(d.firstRemittanceError()).isEmpty();
        var key = new org.chart2claim.coding.CodingAnswer(
                java.util.List.of("E11.9", "E78.5"),
                java.util.List.of(
                        new org.chart2claim.coding.CodingAnswer.Line(
                                "36415", java.util.List.of(), 1, java.util.List.of(1)),
                        new org.chart2claim.coding.CodingAnswer.Line(
                                "80061", java.util.List.of(), 1, java.util.List.of(2)),
                        new org.chart2claim.coding.CodingAnswer.Line(
                                "80053", java.util.List.of(), 1, java.util.List.of(1)),
                        new org.chart2claim.coding.CodingAnswer.Line(
                                "83036", java.util.List.of(), 1, java.util.List.of(1))));
        var billed = d.billedCoding(key);
        assertThat(billed.procedures().get(3).pointers()).containsExactly(2);
        assertThat(billed.procedures().get(3).code()).isEqualTo("83036");
        assertThat(billed.procedures().subList(0, 3)).isEqualTo(key.procedures().subList(0, 3));
        assertThat(billed.diagnoses()).isEqualTo(key.diagnoses());
        // a payer-side drill bills the key unchanged and keeps its payer error
        assertThat(DrillParser.parse("auth-x.yaml", GOOD).firstRemittanceError())
                .isPresent();
    }

    @Test
    void aClaimSideDrillNeedsBilledAndAPayerSideDrillMustNotHaveIt() {
        assertThatThrownBy(
                        () -> DrillParser.parse("pointer-x.yaml", CLAIM_SIDE.replace("billed: {pointers: [2]}\n", "")))
                .hasMessageContaining("billed wrong");
        assertThatThrownBy(() -> DrillParser.parse("pointer-x.yaml", CLAIM_SIDE.replace("[2]", "[13]")))
                .hasMessageContaining("pointer '13'");
        assertThatThrownBy(
                        () -> DrillParser.parse("pointer-x.yaml", CLAIM_SIDE.replace("{pointers: [2]}", "{units: 0}")))
                .hasMessageContaining("units");
        assertThatThrownBy(() -> DrillParser.parse("auth-x.yaml", GOOD + "billed: {units: 2}\n"))
                .hasMessageContaining("remove billed");
    }

    @Test
    void aClaimSentToAnotherPlanNamesThePayerAndTheMemberIdThere() {
        String toMedicaid = CLAIM_SIDE
                .replace("kind: wrong-pointer", "kind: coverage-ended")
                .replace("{pointers: [2]}", "{payer: medicaid-sim, memberId: MCD31004417}")
                .replace("[CORRECTED_CLAIM]", "[BILL_OTHER_PAYER]");
        Drill d = DrillParser.parse("pointer-x.yaml", toMedicaid);
        assertThat(d.billed().otherPlan()).isTrue();
        assertThat(d.billed().payer()).isEqualTo("medicaid-sim");
        assertThat(d.billed().memberId()).isEqualTo("MCD31004417");
        assertThat(d.kind().claimSide()).isTrue();
        assertThatThrownBy(() -> DrillParser.parse("pointer-x.yaml", toMedicaid.replace(", memberId: MCD31004417", "")))
                .hasMessageContaining("billed payer and billed memberId go together");
    }
}
