package org.chart2claim.appeal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * THE denial-work rubric: every point of a work item's score lives here.
 *
 * <ul>
 *   <li><b>Right action: {@value #ACTION_POINTS}</b> when the action is one the expectation lists
 *       ({@link ActionTable} or the drill); a write-off with the wrong reason earns {@value #WRONG_REASON_SHARE}%.</li>
 *   <li><b>Timeliness: {@value #TIMELINESS_POINTS}</b> when the action was taken on or before the deadline of the
 *       payer's current level.</li>
 *   <li><b>Letter elements: {@value #LETTER_ELEMENT_POINTS} each</b>, only for appeals: claim identifiers (member,
 *       claim number, date of service, line: filled from the item), the denial cited (its CARC), an argument of at
 *       least {@value AppealLetter#MIN_ARGUMENT_LENGTH} characters, documentation chosen (all the documentation the
 *       expectation names, when it names any), the outcome requested.</li>
 *   <li><b>Money: {@value #MONEY_POINTS}</b> when the work recovered money the line could collect (paid after a
 *       reprocessing or correction, or moved to the patient), or when nothing was collectable and the action gave
 *       nothing away.</li>
 * </ul>
 * score = round(100 × earned ÷ available); available leaves out the letter when the action is not an appeal.
 */
public final class AppealScoring {
    private AppealScoring() {}

    public static final int ACTION_POINTS = 50;
    public static final int WRONG_REASON_SHARE = 50;
    public static final int TIMELINESS_POINTS = 20;
    public static final int LETTER_ELEMENT_POINTS = 4;
    public static final int LETTER_ELEMENTS = 5;
    public static final int MONEY_POINTS = 10;

    /** What was done with an item, and what came of it. */
    public record Work(
            AppealAction action,
            WriteOffReason writeOffReason,
            boolean onTime,
            AppealLetter letter,
            BigDecimal recovered) {
        public Work {
            recovered = recovered == null ? BigDecimal.ZERO : recovered;
        }
    }

    /** A score with the feedback an experienced biller would give. */
    public record Score(int score, double earned, double available, List<String> feedback) {
        public Score {
            feedback = List.copyOf(feedback);
        }

        public String feedbackText() {
            return String.join(" ", feedback);
        }
    }

    public static Score score(Denial denial, Denial.Expectation expected, Work work) {
        List<String> feedback = new ArrayList<>();
        double earned = 0;
        double available = ACTION_POINTS + TIMELINESS_POINTS + MONEY_POINTS;
        boolean rightAction = expected.actions().contains(work.action());
        String recommended = expected.actions().stream()
                .map(AppealAction::label)
                .reduce((a, b) -> a + " or " + b)
                .orElse("");
        if (rightAction) {
            if (work.action() == AppealAction.WRITE_OFF
                    && expected.writeOffReason() != null
                    && work.writeOffReason() != expected.writeOffReason()) {
                earned += ACTION_POINTS * WRONG_REASON_SHARE / 100.0;
                feedback.add("Right to write it off, but the reason is "
                        + expected.writeOffReason().label()
                        + ": the adjustment code tells the practice's reports why money was lost.");
            } else {
                earned += ACTION_POINTS;
                feedback.add("Right action (" + work.action().label() + ") for " + denial.label() + ".");
            }
        } else {
            feedback.add("An experienced biller would " + recommended.toLowerCase(java.util.Locale.ROOT) + " here, not "
                    + work.action().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        feedback.add(expected.rationale());
        if (work.onTime()) {
            earned += TIMELINESS_POINTS;
        } else {
            feedback.add("It was done after the deadline: a late appeal is dismissed and a late corrected claim is"
                    + " denied for timely filing.");
        }
        if (work.action() == AppealAction.APPEAL) {
            available += LETTER_ELEMENT_POINTS * LETTER_ELEMENTS;
            AppealLetter letter = work.letter();
            earned += LETTER_ELEMENT_POINTS; // identifiers are filled from the work item
            if (letter != null && letter.citesDenial(denial.group(), denial.carc())) {
                earned += LETTER_ELEMENT_POINTS;
            } else {
                feedback.add("The letter should name the denial it appeals (" + denial.label() + ").");
            }
            if (letter != null && letter.hasArgument()) {
                earned += LETTER_ELEMENT_POINTS;
            } else {
                feedback.add("The letter needs an argument: why the decision is wrong, in the payer's terms.");
            }
            boolean documented = letter != null
                    && !letter.documentation().isEmpty()
                    && letter.documentation().containsAll(expected.documentation());
            if (documented) {
                earned += LETTER_ELEMENT_POINTS;
            } else if (!expected.documentation().isEmpty()) {
                feedback.add("The documentation that proves it is "
                        + String.join(
                                " and ",
                                expected.documentation().stream()
                                        .map(RecordDocument::label)
                                        .toList())
                        + ".");
            } else {
                feedback.add("An appeal sends the part of the record it relies on.");
            }
            if (letter != null && letter.requestsOutcome()) {
                earned += LETTER_ELEMENT_POINTS;
            } else {
                feedback.add("Say what you ask for (e.g. \"reprocess line 1 and pay it under the fee schedule\").");
            }
        }
        boolean collectable = expected.recovers();
        if (collectable && work.recovered().signum() > 0) {
            earned += MONEY_POINTS;
            feedback.add("Recovered $" + work.recovered() + ".");
        } else if (!collectable && rightAction) {
            earned += MONEY_POINTS;
        } else if (collectable) {
            feedback.add("Money was collectable here and none was recovered.");
        }
        int score = (int) Math.round(100.0 * earned / available);
        return new Score(score, earned, available, feedback);
    }
}
