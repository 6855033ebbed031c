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
}
