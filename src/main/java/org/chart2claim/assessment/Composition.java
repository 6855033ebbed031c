package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * What an exam is made of: fixed items, or a blueprint that draws questions (per domain or per tag) and coding
 * scenarios (per specialty, per tag, or any) at random with counts, separately for each session. Exactly one of the
 * two is non-empty. Plain Java.
 */
public record Composition(List<ItemRef> items, List<BlueprintEntry> blueprint) {

    /** One fixed item: a question id or a scenario id. */
    public record ItemRef(ItemType type, String id) {}

    /**
     * Draw {@code count} items. Questions (type QUESTION, or no type: the entries stored before scenarios could be
     * drawn): of a domain, or of a tag when {@code tag} is set (domain null). Coding scenarios (type SCENARIO): of a
     * specialty given in {@code domain}, of a scenario tag, or any scenario when both are empty.
     */
    public record BlueprintEntry(String domain, String tag, int count, ItemType type) {

        /** A question entry (per domain or per tag). */
        public BlueprintEntry(String domain, String tag, int count) {
            this(domain, tag, count, ItemType.QUESTION);
        }

        /** A scenario entry: of a specialty, of a tag, or (both null) any scenario. */
        public static BlueprintEntry scenarios(String specialty, String tag, int count) {
            return new BlueprintEntry(specialty, tag, count, ItemType.SCENARIO);
        }

        /** What is drawn: QUESTION unless the entry says SCENARIO. */
        public ItemType itemType() {
            return type == null ? ItemType.QUESTION : type;
        }

        /** The entry in words: "3 questions of domain ICD_10_CM", "2 scenarios tagged fracture". */
        public String describe() {
            boolean scenario = itemType() == ItemType.SCENARIO;
            String what = count + (scenario ? " scenario" : " question") + (count == 1 ? "" : "s");
            if (tag != null && !tag.isBlank()) {
                return what + " tagged " + tag.strip();
            }
            if (domain != null && !domain.isBlank()) {
                return what + (scenario ? " of specialty " : " of domain ") + domain.strip();
            }
            return what + " (any)";
        }
    }

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
