package org.chart2claim.billing.exercise;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.billing.posting.TransactionType;

/**
 * A trainee's hand posting of one ERA: per service line, what they read as the payer's payment, each CAS adjustment
 * (group, reason, amount, and the ledger transaction they would post it as) and the patient's responsibility. Amounts
 * are null where the trainee left the field empty.
 */
public record HandPosting(List<Line> lines) {
    public HandPosting {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One service line as posted by hand; {@code line} is the 835's line number (1-based). */
    public record Line(int line, BigDecimal paid, List<Entry> adjustments, BigDecimal patientResponsibility) {
        public Line {
            adjustments = adjustments == null
                    ? List.of()
                    : adjustments.stream().filter(e -> !e.blank()).toList();
        }
    }

    /**
     * One adjustment as the trainee entered it.
     *
     * @param group    CAS01 group code (CO, PR, OA, PI)
     * @param carc     CAS02 claim adjustment reason code
     * @param postedAs the ledger transaction the trainee posts it as (null when not chosen)
     */
    public record Entry(String group, String carc, BigDecimal amount, TransactionType postedAs) {
        public Entry {
            group = group == null ? "" : group.trim().toUpperCase(java.util.Locale.ROOT);
            carc = carc == null ? "" : carc.trim().toUpperCase(java.util.Locale.ROOT);
        }

        /** Nothing entered: an empty row of the form. */
        public boolean blank() {
            return carc.isEmpty() && amount == null;
        }

        public String label() {
            return (group.isEmpty() ? "?" : group) + "-" + (carc.isEmpty() ? "?" : carc);
        }
    }
}
