package org.chart2claim.payer;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.payer.edit.DocumentationReviewEdit;

/**
 * One line adjustment, explained: group + CARC (+ RARCs) + amount as the 835 carries them, and the edit
 * that made it, a plain-language explanation, and a teaching hint on how to fix it (null in exam mode or
 * when there is nothing to fix, e.g. a contractual write-off).
 */
public record Adjustment(
        GroupCode group,
        String carc,
        List<String> rarc,
        BigDecimal amount,
        String edit,
        String explanation,
        String hint) {
    public Adjustment {
        rarc = rarc == null ? List.of() : List.copyOf(rarc);
    }

    /**
     * Exam mode: no fixing hint, and a medical-record review says only what a real 835 says (the CARC), never
     * the supported E/M level nor which codes the note documents.
     */
    public Adjustment withoutHint() {
        String shown =
                DocumentationReviewEdit.NAME.equals(edit) ? DocumentationReviewEdit.examExplanation(carc) : explanation;
        return new Adjustment(group, carc, rarc, amount, edit, shown, null);
    }

    /** "CO-97" style label. */
    public String label() {
        return group + "-" + carc;
    }
}
