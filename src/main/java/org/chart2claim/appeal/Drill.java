package org.chart2claim.appeal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.PayerError;

/**
 * A denial drill (scenarios/drills/&lt;id&gt;.yaml, format in its README.md): a shipped scenario billed exactly as
 * its key, whose first remittance carries a payer-side error on one line; the trainee must find out and act.
 *
 * @param fault   what went wrong on the payer's side (shown with the key, never to a trainee before the decision)
 * @param denial  the first remittance's denial of {@code line}
 */
public record Drill(
        String id,
        String title,
        Kind kind,
        String scenarioId,
        int line,
        String fault,
        DrillDenial denial,
        List<AppealAction> expectedActions,
        List<RecordDocument> documentation,
        String rationale) {
    public Drill {
        expectedActions = List.copyOf(expectedActions);
        documentation = List.copyOf(documentation);
    }

    /** The kinds of payer-side errors the drills practise. */
    public enum Kind {
        PRIOR_AUTH_NOT_LINKED("Prior authorization on file but not linked"),
        MEMBER_ID_MISKEYED("Member id mis-keyed by the payer; eligibility shows active"),
        LCD_COVERED_DIAGNOSIS("Coverage-policy denial for a diagnosis the policy covers"),
        BUNDLING_SEPARATE_SITE("Bundling denial although the note documents a separate site or service"),
        COB_NO_OTHER_COVERAGE("Coordination-of-benefits denial; the member has no other coverage"),
        MEDICAL_NECESSITY_OPERATIVE_REPORT("Medical-necessity denial the operative report answers");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
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

    public PayerError payerError() {
        return new PayerError(line, denial.group(), denial.carc(), denial.rarc(), denial.edit(), denial.explanation());
    }

    public Denial.Expectation expectation() {
        return new Denial.Expectation(expectedActions, documentation, null, rationale, "Drill " + id);
    }
}
