package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Turns a composition into one session's item list: fixed items as given, blueprint entries (questions and coding
 * scenarios) drawn at random from the bank and the scenario library without repeats; then, when the exam shuffles,
 * the item order and every question's option order. The draw is seeded per session, and its result is stored with the session, so a reload or another server shows the
 * same exam. With two parts the first half of the positions is part 1. Plain Java.
 */
public final class ItemDraw {

    private ItemDraw() {}

    /**
     * One drawn item. {@code optionOrder} lists, for the displayed letters A–D in turn, the original letter (e.g.
     * {@code "CADB"}: displayed A is the author's C); {@code "ABCD"} when not shuffled, null for a scenario.
     */
    public record DrawnItem(int position, ItemType type, String ref, String domain, int part, String optionOrder) {}

    /**
     * One item a blueprint entry may draw: a question (with its domain) or a scenario ({@code SCENARIO} as its
     * domain label, as for fixed scenario items).
     */
    public record Candidate(ItemType type, String ref, String domain) {
        public static Candidate of(Question q) {
            return new Candidate(ItemType.QUESTION, q.id(), q.domain().name());
        }

        public static Candidate scenario(String id) {
            return new Candidate(ItemType.SCENARIO, id, "SCENARIO");
        }
    }

    /** What the draw needs from the bank: the candidates for an entry (a domain's or a tag's questions, scenarios). */
    public interface Bank {
        List<Candidate> candidates(Composition.BlueprintEntry entry);

        /** The domain label of a fixed item (a question's domain, {@code SCENARIO} for a scenario). */
        String domainOf(Composition.ItemRef ref);
    }

    public static List<DrawnItem> draw(Composition composition, Bank bank, boolean shuffle, int parts, long seed) {
        Random random = new Random(seed);
        List<String[]> picked = new ArrayList<>(); // type, ref, domain
        if (!composition.items().isEmpty()) {
            for (Composition.ItemRef ref : composition.items()) {
                picked.add(new String[] {ref.type().name(), ref.id(), bank.domainOf(ref)});
            }
        } else {
            java.util.Set<Candidate> used = new java.util.HashSet<>();
            for (Composition.BlueprintEntry entry : composition.blueprint()) {
                List<Candidate> candidates = new ArrayList<>(bank.candidates(entry));
                // without repeats: an item two entries could draw (a domain's and a tag's) comes once
                candidates.removeIf(used::contains);
                candidates.sort(java.util.Comparator.comparing(Candidate::type).thenComparing(Candidate::ref));
                Collections.shuffle(candidates, random);
                for (Candidate c : candidates.subList(0, Math.min(entry.count(), candidates.size()))) {
                    used.add(c);
                    picked.add(new String[] {c.type().name(), c.ref(), c.domain()});
                }
            }
        }
        if (shuffle) {
            Collections.shuffle(picked, random);
        }
        int firstPart = (picked.size() + 1) / 2;
        List<DrawnItem> items = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            String[] p = picked.get(i);
            ItemType type = ItemType.valueOf(p[0]);
            String order = null;
            if (type == ItemType.QUESTION) {
                List<String> letters = new ArrayList<>(Question.LETTERS);
                if (shuffle) {
                    Collections.shuffle(letters, random);
                }
                order = String.join("", letters);
            }
            int part = parts == 2 && i >= firstPart ? 2 : 1;
            items.add(new DrawnItem(i + 1, type, p[1], p[2], part, order));
        }
        return items;
    }

    /** The original letter behind a displayed one ({@code order} "CADB": displayed B → A). */
    public static String original(String optionOrder, String displayed) {
        int i = Question.LETTERS.indexOf(displayed);
        return i < 0 ? null : String.valueOf(optionOrder.charAt(i));
    }

    /** The displayed letter of an original one ({@code order} "CADB": original A → B). */
    public static String displayed(String optionOrder, String original) {
        int i = optionOrder.indexOf(original);
        return i < 0 ? null : Question.LETTERS.get(i);
    }

    /** Shorthand used by tests and services: a bank over lookups. */
    public static Bank bank(
            Function<Composition.BlueprintEntry, List<Candidate>> candidates,
            Function<Composition.ItemRef, String> domainOf) {
        return new Bank() {
            @Override
            public List<Candidate> candidates(Composition.BlueprintEntry entry) {
                return candidates.apply(entry);
            }

            @Override
            public String domainOf(Composition.ItemRef ref) {
                return domainOf.apply(ref);
            }
        };
    }
}
