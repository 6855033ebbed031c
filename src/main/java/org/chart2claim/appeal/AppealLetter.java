package org.chart2claim.appeal;

import java.util.List;
import java.util.Locale;

/**
 * The structured appeal letter. Member, claim number, date of service and the denied line come from the work item;
 * the biller writes why the decision is wrong, the argument, picks the documentation from the record and names the
 * outcome requested.
 */
public record AppealLetter(String reason, String argument, List<RecordDocument> documentation, String outcome) {
    /** The least argument that says something: a word or two is not an argument. */
    public static final int MIN_ARGUMENT_LENGTH = 20;

    public AppealLetter {
        reason = reason == null ? "" : reason.trim();
        argument = argument == null ? "" : argument.trim();
        outcome = outcome == null ? "" : outcome.trim();
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
    }

    /** The letter names the denial it appeals: the CARC ("97", "CO-97") or the group-CARC label. */
    public boolean citesDenial(String group, String carc) {
        String text = (reason + " " + argument).toUpperCase(Locale.ROOT);
        return !carc.isBlank()
                && (text.contains(group + "-" + carc)
                        || text.matches("(?s).*\\bCARC\\s*" + carc + "\\b.*")
                        || text.matches("(?s).*\\b" + carc + "\\b.*"));
    }

    public boolean hasArgument() {
        return argument.length() >= MIN_ARGUMENT_LENGTH;
    }

    public boolean requestsOutcome() {
        return !outcome.isBlank();
    }
}
