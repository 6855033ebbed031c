package org.chart2claim.appeal;

import java.util.List;

/**
 * The facts about one work item that decide what the right action is and how the payer answers an appeal.
 *
 * @param group               CAS group (CO, PR, OA, PI), or {@value #REJECTED} for a front-end rejection
 * @param carc                claim adjustment reason code ("" for a rejection)
 * @param support             how the record supports the line as billed
 * @param payerId             the payer (its appeal levels and clerical-error practice)
 * @param authorizationObtained the record holds a prior authorization for the encounter
 * @param timelyFilingProof   an earlier submission of the service was accepted within the filing limit
 * @param drill               the drill's expectation when the item comes from a denial drill with a payer-side error
 */
public record Denial(
        String group,
        String carc,
        List<String> rarc,
        String code,
        Support support,
        String payerId,
        boolean authorizationObtained,
        boolean timelyFilingProof,
        Expectation drill) {
    public static final String REJECTED = "REJ";

    public Denial {
        rarc = rarc == null ? List.of() : List.copyOf(rarc);
        carc = carc == null ? "" : carc;
    }

    /** "CO-97" style label, "rejected" for a front-end rejection. */
    public String label() {
        return REJECTED.equals(group) ? "rejected (277CA)" : group + "-" + carc;
    }

    /** The denial comes from a payer-side error the appeal can prove (a drill, or a timely-filing denial with proof). */
    public boolean payerError() {
        return drill != null || ("29".equals(carc) && timelyFilingProof);
    }

    /** What a biller should do and which documentation proves the claim. */
    public record Expectation(
            List<AppealAction> actions,
            List<RecordDocument> documentation,
            WriteOffReason writeOffReason,
            String rationale,
            String source) {
        public Expectation {
            actions = List.copyOf(actions);
            documentation = documentation == null ? List.of() : List.copyOf(documentation);
        }

        public boolean recovers() {
            return actions.stream().anyMatch(a -> a != AppealAction.NO_ACTION && a != AppealAction.WRITE_OFF);
        }
    }
}
