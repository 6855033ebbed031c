package org.chart2claim.appeal.decision;

import java.util.List;
import java.util.Optional;
import org.chart2claim.appeal.RecordDocument;

/**
 * Upheld: the denial was wrong, but the letter does not include the documentation that shows it (e.g. the operative
 * report for a medical-necessity denial, the authorization letter for an authorization denial). A reviewer decides
 * on what the appeal sends.
 */
public final class MissingDocumentationRule implements DecisionRule {
    @Override
    public Optional<AppealDecision> decide(AppealCase c) {
        List<RecordDocument> needed = c.denial().drill() != null
                ? c.denial().drill().documentation()
                : List.of(RecordDocument.TIMELY_FILING_PROOF);
        List<RecordDocument> missing = needed.stream()
                .filter(d -> !c.letter().documentation().contains(d))
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return decision(
                Outcome.UPHELD,
                "The letter does not include "
                        + String.join(
                                " and ",
                                missing.stream().map(RecordDocument::label).toList())
                        + ", which is what shows the " + c.denial().label()
                        + " decision was wrong. Without it the reviewer has no grounds to change the decision; a"
                        + " next-level appeal with it can still succeed.");
    }
}
