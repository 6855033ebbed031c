package org.chart2claim.billing.exercise;

import java.util.List;

/**
 * The score of a hand posting (see {@link PostingRubric}) and every check behind it, each with an explanation when
 * the trainee's posting differs from the automatic one.
 */
public record PostingGrade(int score, double earned, double penalties, int available, List<Check> checks) {
    public PostingGrade {
        checks = List.copyOf(checks);
    }

    /**
     * One compared item of a service line.
     *
     * @param what        "Paid", "CO-45 code", "CO-45 amount", "CO-45 posted as", "Patient responsibility",
     *                    "Balance" or "Extra CO-97"
     * @param expected    what the automatic posting has ("" for an extra entry)
     * @param entered     what the trainee posted ("" when nothing)
     * @param penalty     points taken off (extra entries); 0 otherwise
     * @param explanation why it differs, blank when right
     */
    public record Check(
            int line,
            String what,
            String expected,
            String entered,
            double earned,
            int available,
            double penalty,
            String explanation) {
        public boolean right() {
            return penalty == 0 && earned >= available;
        }
    }

    /** The checks where the trainee's posting differs from the automatic posting. */
    public List<Check> differences() {
        return checks.stream().filter(c -> !c.right()).toList();
    }
}
