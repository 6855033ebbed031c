package org.chart2claim.appeal;

import java.util.List;
import org.chart2claim.coding.CodingAnswer;

/**
 * One action on a work item, as the API and the views send it: the action, an optional date (default: the ledger's
 * simulated today), and what the action needs (a letter, an attempt body, a write-off reason).
 */
public record ActionRequest(
        String action,
        String on,
        LetterBody letter,
        List<String> diagnoses,
        List<CodingAnswer.Line> procedures,
        String reason) {

    /** The appeal letter as sent: documentation by id ("note", "operative-report"...), the level asked for. */
    public record LetterBody(
            String reason, String argument, List<String> documentation, String outcome, Integer level) {}
}
