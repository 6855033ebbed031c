package org.chart2claim.coding;

/**
 * THE grading rubric: every point value and partial-credit rule lives here, nowhere else.
 *
 * <h2>Points available</h2>
 * <ul>
 *   <li><b>Each key diagnosis: {@value #DIAGNOSIS_POINTS} points.</b> Exact code = 100%.
 *       Partial credit when the learner's code is close:
 *       <ul>
 *         <li>wrong 7th character only (same first six characters, e.g. S52.531D for S52.531A, or a glaucoma
 *             stage) = {@value #SEVENTH_CHARACTER_SHARE}%;</li>
 *         <li>wrong laterality only (same code title apart from right/left/bilateral, e.g. H66.001 for
 *             H66.003) = {@value #LATERALITY_SHARE}%;</li>
 *         <li>right 3-character category, wrong specificity (e.g. E11.9 for E11.40) = {@value #CATEGORY_SHARE}%.</li>
 *       </ul></li>
 *   <li><b>First-listed diagnosis: {@value #FIRST_LISTED_POINTS} points</b> when the learner's first code is
 *       the key's first code; {@value #FIRST_LISTED_PARTIAL_POINTS} when it is a partial match of it.</li>
 *   <li><b>Each key claim line: {@value #PROCEDURE_CODE_POINTS} points for the code</b> (exact = 100%; same
 *       code family — first four characters, e.g. 99213 for 99214 — = {@value #PROCEDURE_FAMILY_SHARE}%),
 *       plus, on a line whose code matched at least partly, <b>{@value #MODIFIER_POINTS} for modifiers</b>
 *       (same set, any order), <b>{@value #UNITS_POINTS} for units</b> (equal), and <b>{@value #POINTER_POINTS}
 *       for diagnosis pointers</b> (they point at the same key diagnoses with the same first pointer; half when
 *       only the first pointer is right).</li>
 * </ul>
 * <h2>Penalties</h2>
 * <ul>
 *   <li>Each extra diagnosis that matches no key code and is not one of the key's optional codes:
 *       −{@value #EXTRA_DIAGNOSIS_PENALTY}.</li>
 *   <li>Each extra claim line: −{@value #EXTRA_PROCEDURE_PENALTY} (billing an unsupported service is worse
 *       than an extra diagnosis: it is what payers audit).</li>
 * </ul>
 * <h2>Score</h2>
 * score = round(100 × max(0, earned − penalties) ÷ available), so it is always 0–100 and the exact key
 * scores 100.
 */
public final class GradingRubric {

    private GradingRubric() {}

    public static final int DIAGNOSIS_POINTS = 10;
    public static final int SEVENTH_CHARACTER_SHARE = 60;
    public static final int LATERALITY_SHARE = 60;
    public static final int CATEGORY_SHARE = 40;

    public static final int FIRST_LISTED_POINTS = 5;
    public static final int FIRST_LISTED_PARTIAL_POINTS = 2;

    public static final int PROCEDURE_CODE_POINTS = 10;
    public static final int PROCEDURE_FAMILY_SHARE = 40;
    public static final int MODIFIER_POINTS = 3;
    public static final int UNITS_POINTS = 2;
    public static final int POINTER_POINTS = 2;

    public static final int EXTRA_DIAGNOSIS_PENALTY = 3;
    public static final int EXTRA_PROCEDURE_PENALTY = 5;

    /** Points for a diagnosis match of the given kind. */
    public static double diagnosisPoints(DiagnosisMatch match) {
        return switch (match) {
            case EXACT -> DIAGNOSIS_POINTS;
            case WRONG_SEVENTH_CHARACTER -> DIAGNOSIS_POINTS * SEVENTH_CHARACTER_SHARE / 100.0;
            case WRONG_LATERALITY -> DIAGNOSIS_POINTS * LATERALITY_SHARE / 100.0;
            case SAME_CATEGORY -> DIAGNOSIS_POINTS * CATEGORY_SHARE / 100.0;
            case MISSING -> 0;
        };
    }

    /** Points for a procedure-code match of the given kind. */
    public static double procedureCodePoints(ProcedureMatch match) {
        return switch (match) {
            case EXACT -> PROCEDURE_CODE_POINTS;
            case SAME_FAMILY -> PROCEDURE_CODE_POINTS * PROCEDURE_FAMILY_SHARE / 100.0;
            case MISSING -> 0;
        };
    }

    /** The whole score from what was earned, the penalties and what was available. */
    public static int score(double earned, double penalties, double available) {
        if (available <= 0) {
            return 0;
        }
        return (int) Math.round(100.0 * Math.max(0, earned - penalties) / available);
    }

    /** How close a learner's diagnosis is to a key diagnosis, best first. */
    public enum DiagnosisMatch {
        EXACT("Correct"),
        WRONG_SEVENTH_CHARACTER("Wrong 7th character"),
        WRONG_LATERALITY("Wrong laterality"),
        SAME_CATEGORY("Right category, wrong specificity"),
        MISSING("Missing");

        private final String label;

        DiagnosisMatch(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How close a learner's procedure code is to a key line's code. */
    public enum ProcedureMatch {
        EXACT("Correct"),
        SAME_FAMILY("Same code family, wrong code"),
        MISSING("Missing");

        private final String label;

        ProcedureMatch(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
