package org.chart2claim.coding;

import java.util.List;
import java.util.function.BiPredicate;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.coding.GradeResult.Verdict;

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
 *       only the first pointer is right: {@value #POINTER_PARTIAL_SHARE}%).</li>
 * </ul>
 * <h2>Penalties</h2>
 * <ul>
 *   <li>Each extra diagnosis that matches no key code and is not one of the key's optional codes:
 *       −{@value #EXTRA_DIAGNOSIS_PENALTY} (an optional code costs nothing and earns nothing).</li>
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
    public static final int POINTER_PARTIAL_SHARE = 50;
    /** What one key claim line is worth: code, modifiers, units and pointers. */
    public static final int LINE_POINTS = PROCEDURE_CODE_POINTS + MODIFIER_POINTS + UNITS_POINTS + POINTER_POINTS;

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

    /** The partial matches, in the order the grader pairs diagnoses (closest first). */
    public static final List<DiagnosisMatch> PARTIAL_DIAGNOSIS_MATCHES = List.of(
            DiagnosisMatch.WRONG_SEVENTH_CHARACTER, DiagnosisMatch.WRONG_LATERALITY, DiagnosisMatch.SAME_CATEGORY);

    /**
     * How close a learner's ICD-10-CM code is to a key code, or null when unrelated: same code; same first six
     * of seven characters (7th character); same length and a title that differs only in laterality (as
     * {@code differsOnlyInLaterality} says); same 3-character category.
     */
    public static DiagnosisMatch diagnosisMatch(
            String keyCode, String yourCode, BiPredicate<String, String> differsOnlyInLaterality) {
        if (keyCode.equals(yourCode)) {
            return DiagnosisMatch.EXACT;
        }
        String k = CodeFormat.undotted(keyCode);
        String y = CodeFormat.undotted(yourCode);
        if (k.length() < 3 || y.length() < 3 || !k.substring(0, 3).equals(y.substring(0, 3))) {
            return null;
        }
        if (k.length() == 7 && y.length() == 7 && k.substring(0, 6).equals(y.substring(0, 6))) {
            return DiagnosisMatch.WRONG_SEVENTH_CHARACTER;
        }
        if (k.length() == y.length() && differsOnlyInLaterality.test(keyCode, yourCode)) {
            return DiagnosisMatch.WRONG_LATERALITY;
        }
        return DiagnosisMatch.SAME_CATEGORY;
    }

    /** Points for the first-listed diagnosis, by how the learner's first code matches the key's first code. */
    public static double firstListedPoints(DiagnosisMatch matchOfFirst) {
        return switch (matchOfFirst) {
            case EXACT -> FIRST_LISTED_POINTS;
            case MISSING -> 0;
            default -> FIRST_LISTED_PARTIAL_POINTS;
        };
    }

    /**
     * The match of a learner's procedure code when looking for {@code wanted}: same code, or (only when a family
     * match is wanted) the same 5-character code family (first four characters); null otherwise.
     */
    public static ProcedureMatch procedureMatch(String keyCode, String yourCode, ProcedureMatch wanted) {
        if (keyCode.equals(yourCode)) {
            return ProcedureMatch.EXACT;
        }
        if (wanted == ProcedureMatch.SAME_FAMILY
                && keyCode.length() == 5
                && yourCode.length() == 5
                && keyCode.substring(0, 4).equals(yourCode.substring(0, 4))) {
            return ProcedureMatch.SAME_FAMILY;
        }
        return null;
    }

    /** Points on a matched line beyond its code: modifiers, units, pointers (partly right pointers earn a share). */
    public static double lineDetailPoints(boolean modifiersRight, boolean unitsRight, Verdict pointers) {
        return (modifiersRight ? MODIFIER_POINTS : 0)
                + (unitsRight ? UNITS_POINTS : 0)
                + switch (pointers) {
                    case CORRECT -> POINTER_POINTS;
                    case PARTIAL -> POINTER_POINTS * POINTER_PARTIAL_SHARE / 100.0;
                    default -> 0;
                };
    }

    /** The penalty for a learner diagnosis that pairs with no key diagnosis. */
    public static double extraDiagnosisPenalty(boolean optionalInKey) {
        return optionalInKey ? 0 : EXTRA_DIAGNOSIS_PENALTY;
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
