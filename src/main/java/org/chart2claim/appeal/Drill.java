package org.chart2claim.appeal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.PayerError;

/**
 * A denial drill (scenarios/drills/&lt;id&gt;.yaml, format in its README.md). A payer-side drill bills a shipped
 * scenario exactly as its key and its first remittance carries a payer-side error on one line; a claim-side drill
 * ({@link Kind#claimSide()}) bills the key with one practice error ({@code billed}) that the payer denies by its own
 * edits. Either way the trainee must find out and act.
 *
 * @param fault   what went wrong (shown with the key, never to a trainee before the decision)
 * @param billed  a claim-side drill's error on {@code line} (null for a payer-side drill)
 * @param denial  the first remittance's denial of {@code line}
 */
public record Drill(
        String id,
        String title,
        Kind kind,
        String scenarioId,
        int line,
        String fault,
        Billed billed,
        DrillDenial denial,
        List<AppealAction> expectedActions,
        List<RecordDocument> documentation,
        String rationale) {
    public Drill {
        expectedActions = List.copyOf(expectedActions);
        documentation = List.copyOf(documentation);
    }

    /** The kinds of errors the drills practise: payer-side ones (appeal) and the practice's own (correct). */
    public enum Kind {
        PRIOR_AUTH_NOT_LINKED("Prior authorization on file but not linked", false),
        MEMBER_ID_MISKEYED("Member id mis-keyed by the payer; eligibility shows active", false),
        LCD_COVERED_DIAGNOSIS("Coverage-policy denial for a diagnosis the policy covers", false),
        BUNDLING_SEPARATE_SITE("Bundling denial although the note documents a separate site or service", false),
        COB_NO_OTHER_COVERAGE("Coordination-of-benefits denial; the member has no other coverage", false),
        MEDICAL_NECESSITY_OPERATIVE_REPORT("Medical-necessity denial the operative report answers", false),
        MISSING_MODIFIER("The practice billed a line without the modifier it needs", true),
        WRONG_UNITS("The practice billed the wrong number of units", true),
        UNSPECIFIC_DIAGNOSIS("The practice billed an unspecific or wrong diagnosis", true),
        WRONG_POINTER("The practice pointed a line to a diagnosis that does not support it", true),
        COVERAGE_ENDED("The practice billed a plan whose coverage had ended", true),
        SECONDARY_BILLED_FIRST("The practice billed the secondary plan before the primary", true),
        AUTHORIZATION_NOT_OBTAINED("The practice did not obtain the authorization the plan requires", true);

        private final String label;
        private final boolean claimSide;

        Kind(String label, boolean claimSide) {
            this.label = label;
            this.claimSide = claimSide;
        }

        public String label() {
            return label;
        }

        /** The error is on the practice's claim: the payer's honest edits deny it and a corrected claim fixes it. */
        public boolean claimSide() {
            return claimSide;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Kind> parse(String text) {
            return Arrays.stream(values()).filter(k -> k.id().equals(text)).findFirst();
        }
    }

    /** The first remittance's denial: group, CARC, RARCs, the edit it is sent as and the payer's explanation. */
    public record DrillDenial(GroupCode group, String carc, List<String> rarc, String edit, String explanation) {
        public DrillDenial {
            rarc = List.copyOf(rarc);
        }

        public String label() {
            return group + "-" + carc;
        }
    }

    /**
     * How a claim-side drill's line was billed: each field that is set replaces the key's (diagnoses replace the
     * claim's list; modifiers, units and pointers the line's).
     */
    public record Billed(
            List<String> modifiers,
            Integer units,
            List<Integer> pointers,
            List<String> diagnoses,
            String payer,
            String memberId) {
        public Billed {
            modifiers = modifiers == null ? null : List.copyOf(modifiers);
            pointers = pointers == null ? null : List.copyOf(pointers);
            diagnoses = diagnoses == null ? null : List.copyOf(diagnoses);
        }

        public Billed(List<String> modifiers, Integer units, List<Integer> pointers, List<String> diagnoses) {
            this(modifiers, units, pointers, diagnoses, null, null);
        }

        public boolean empty() {
            return modifiers == null && units == null && pointers == null && diagnoses == null && payer == null;
        }

        /** The claim was sent to another plan of the patient than the scenario's ({@code payer}, {@code memberId}). */
        public boolean otherPlan() {
            return payer != null;
        }

        /** The key's coding with this error on 1-based {@code line}. */
        public CodingAnswer apply(CodingAnswer key, int line) {
            List<CodingAnswer.Line> lines = new ArrayList<>(key.procedures());
            CodingAnswer.Line l = lines.get(line - 1);
            lines.set(
                    line - 1,
                    new CodingAnswer.Line(
                            l.code(),
                            modifiers == null ? l.modifiers() : modifiers,
                            units == null ? l.units() : units,
                            pointers == null ? l.pointers() : pointers));
            return new CodingAnswer(diagnoses == null ? key.diagnoses() : diagnoses, lines);
        }
    }

    /** The coding the drill's first claim is billed with: the key, with a claim-side drill's error. */
    public CodingAnswer billedCoding(CodingAnswer key) {
        return billed == null ? key : billed.apply(key, line);
    }

    /** The payer-side error of the first remittance; empty for a claim-side drill (the payer's edits deny it). */
    public Optional<PayerError> firstRemittanceError() {
        return kind.claimSide() ? Optional.empty() : Optional.of(payerError());
    }

    public PayerError payerError() {
        return new PayerError(line, denial.group(), denial.carc(), denial.rarc(), denial.edit(), denial.explanation());
    }

    public Denial.Expectation expectation() {
        return new Denial.Expectation(expectedActions, documentation, null, rationale, "Drill " + id);
    }
}
