package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of one blueprint entry, in words for the instructor: a question entry names a domain or a tag (one of
 * them); a scenario entry names a specialty, a tag, or neither (any scenario); no entry twice; a count of at least one
 * and no more than there is to draw. Plain Java.
 */
public final class BlueprintCheck {

    private BlueprintCheck() {}

    /**
     * The problems of {@code entry}; {@code seen} collects the entries checked so far (for "listed twice"),
     * {@code available} is how many items the entry could draw.
     */
    public static List<String> problems(Composition.BlueprintEntry entry, Set<String> seen, int available) {
        List<String> problems = new ArrayList<>();
        boolean scenario = entry.itemType() == ItemType.SCENARIO;
        boolean hasDomain = entry.domain() != null && !entry.domain().isBlank();
        boolean hasTag = entry.tag() != null && !entry.tag().isBlank();
        String what;
        if (scenario) {
            if (hasDomain && hasTag) {
                return List.of("A scenario draw names a specialty or a tag (or neither, for any scenario), not both.");
            }
            what = hasTag
                    ? "scenarios tagged " + entry.tag().strip()
                    : hasDomain ? "scenarios of specialty " + entry.domain().strip() : "scenarios (any)";
        } else {
            if (hasDomain == hasTag) {
                return List.of("A blueprint entry names a domain or a tag (one of them).");
            }
            if (hasDomain && QuestionDomain.byId(entry.domain()).isEmpty()) {
                return List.of(
                        "Unknown domain " + entry.domain() + "; one of " + List.of(QuestionDomain.values()) + ".");
            }
            what = hasDomain ? "domain " + entry.domain() : "tag " + entry.tag().strip();
        }
        String key = (scenario ? "S:" : "Q:") + what.toLowerCase(Locale.ROOT);
        if (!seen.add(key)) {
            problems.add(what + " is listed twice.");
        }
        if (entry.count() < 1) {
            problems.add(what + ": count must be at least 1.");
        } else if (entry.count() > available) {
            problems.add(
                    scenario
                            ? what + ": the library has " + available + " scenario" + (available == 1 ? "" : "s")
                                    + " to draw; " + entry.count() + " asked."
                            : what + " has " + available + " question" + (available == 1 ? "" : "s") + " in the bank; "
                                    + entry.count() + " asked.");
        }
        return problems;
    }

    /** Whether a scenario of {@code specialty} with {@code tags} is drawn by the scenario entry. */
    public static boolean scenarioMatches(Composition.BlueprintEntry entry, String specialty, List<String> tags) {
        if (entry.tag() != null && !entry.tag().isBlank()) {
            String tag = entry.tag().strip();
            return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag));
        }
        if (entry.domain() != null && !entry.domain().isBlank()) {
            return specialty != null
                    && specialty.equalsIgnoreCase(entry.domain().strip());
        }
        return true;
    }
}
