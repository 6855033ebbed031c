package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * What an exam is made of: fixed items, or a blueprint that draws questions at random per domain (or per tag) with
 * counts, separately for each session. Exactly one of the two is non-empty. Plain Java.
 */
public record Composition(List<ItemRef> items, List<BlueprintEntry> blueprint) {

    /** One fixed item: a question id or a scenario id. */
    public record ItemRef(ItemType type, String id) {}

    /** Draw {@code count} questions of a domain, or of a tag when {@code tag} is set (domain null). */
    public record BlueprintEntry(String domain, String tag, int count) {}

    public static final int MAX_ITEMS = 300;

    public Composition {
        items = items == null ? List.of() : List.copyOf(items);
        blueprint = blueprint == null ? List.of() : List.copyOf(blueprint);
    }

    public static Composition fixed(List<ItemRef> items) {
        return new Composition(items, List.of());
    }

    public static Composition drawn(List<BlueprintEntry> blueprint) {
        return new Composition(List.of(), blueprint);
    }

    /** The 100-question CPC practice preset: every domain's {@link QuestionDomain#cpcShare()}. */
    public static Composition cpcPractice() {
        List<BlueprintEntry> entries = new ArrayList<>();
        for (QuestionDomain d : QuestionDomain.values()) {
            entries.add(new BlueprintEntry(d.name(), null, d.cpcShare()));
        }
        return drawn(entries);
    }

    public int size() {
        return items.isEmpty()
                ? blueprint.stream().mapToInt(BlueprintEntry::count).sum()
                : items.size();
    }
}
