package org.chart2claim.payer;

import java.math.BigDecimal;
import java.util.List;

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

    public Adjustment withoutHint() {
        return new Adjustment(group, carc, rarc, amount, edit, explanation, null);
    }

    /** "CO-97" style label. */
    public String label() {
        return group + "-" + carc;
    }
}
