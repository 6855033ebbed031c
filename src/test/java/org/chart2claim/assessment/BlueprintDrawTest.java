package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Blueprint entries beyond domain counts: questions by tag and coding scenarios (by specialty, by tag, any), their
 * rules in words, and the draw: the counts, no item twice when two entries could draw it, the same for one seed.
 */
class BlueprintDrawTest {

    private static List<String> problems(Composition.BlueprintEntry entry, int available) {
        return BlueprintCheck.problems(entry, new HashSet<>(), available);
    }

    @Test
    void eachEntryKindHasItsRules() {
        assertThat(problems(new Composition.BlueprintEntry("ANATOMY", null, 2), 5))
                .isEmpty();
        assertThat(problems(new Composition.BlueprintEntry(null, "diabetes", 2), 5))
                .isEmpty();
        assertThat(problems(Composition.BlueprintEntry.scenarios(null, null, 2), 5))
                .isEmpty();
        assertThat(problems(Composition.BlueprintEntry.scenarios("Cardiology", null, 2), 5))
                .isEmpty();
        assertThat(problems(new Composition.BlueprintEntry("ANATOMY", "diabetes", 2), 5))
                .containsExactly("A blueprint entry names a domain or a tag (one of them).");
        assertThat(problems(new Composition.BlueprintEntry(null, " ", 2), 5))
                .containsExactly("A blueprint entry names a domain or a tag (one of them).");
        assertThat(problems(Composition.BlueprintEntry.scenarios("Cardiology", "chest-pain", 1), 5))
                .containsExactly(
                        "A scenario draw names a specialty or a tag (or neither, for any scenario), not both.");
        assertThat(problems(new Composition.BlueprintEntry("CARDIOLOGY", null, 1), 5))
                .singleElement()
                .asString()
                .startsWith("Unknown domain CARDIOLOGY");
        assertThat(problems(new Composition.BlueprintEntry(null, "diabetes", 0), 5))
                .containsExactly("tag diabetes: count must be at least 1.");
        assertThat(problems(new Composition.BlueprintEntry(null, "diabetes", 3), 1))
                .containsExactly("tag diabetes has 1 question in the bank; 3 asked.");
        assertThat(problems(Composition.BlueprintEntry.scenarios(null, "fracture", 3), 2))
                .containsExactly("scenarios tagged fracture: the library has 2 scenarios to draw; 3 asked.");
    }

    @Test
    void anEntryListedTwiceIsNamedOnceMore() {
        Set<String> seen = new HashSet<>();
        assertThat(BlueprintCheck.problems(new Composition.BlueprintEntry(null, "diabetes", 1), seen, 5))
                .isEmpty();
        assertThat(BlueprintCheck.problems(Composition.BlueprintEntry.scenarios(null, "diabetes", 1), seen, 5))
                .isEmpty(); // a scenario tag is another entry than a question tag
        assertThat(BlueprintCheck.problems(new Composition.BlueprintEntry(null, "Diabetes", 1), seen, 5))
                .containsExactly("tag Diabetes is listed twice.");
    }

    @Test
    void aScenarioEntryMatchesBySpecialtyByTagOrAny() {
        List<String> tags = List.of("fracture", "ED");
        assertThat(BlueprintCheck.scenarioMatches(
                        Composition.BlueprintEntry.scenarios("orthopedics", null, 1), "Orthopedics", tags))
                .isTrue();
        assertThat(BlueprintCheck.scenarioMatches(
                        Composition.BlueprintEntry.scenarios("Cardiology", null, 1), "Orthopedics", tags))
                .isFalse();
        assertThat(BlueprintCheck.scenarioMatches(Composition.BlueprintEntry.scenarios(null, "ed", 1), "x", tags))
                .isTrue();
        assertThat(BlueprintCheck.scenarioMatches(Composition.BlueprintEntry.scenarios(null, "burn", 1), "x", tags))
                .isFalse();
        assertThat(BlueprintCheck.scenarioMatches(Composition.BlueprintEntry.scenarios(null, null, 1), "x", tags))
                .isTrue();
    }

    @Test
    void anEntryStoredBeforeScenarioDrawsIsAQuestionEntry() {
        assertThat(new Composition.BlueprintEntry("ANATOMY", null, 1, null).itemType())
                .isEqualTo(ItemType.QUESTION);
        assertThat(ExamStore.JSON
                        .readValue(
                                "{\"items\":[],\"blueprint\":[{\"domain\":\"ANATOMY\",\"count\":2}]}",
                                Composition.class)
                        .blueprint()
                        .getFirst()
                        .itemType())
                .isEqualTo(ItemType.QUESTION);
    }

    /** Six questions q1–q6 (q1–q3 tagged "t"), four scenarios s1–s4. */
    private static final ItemDraw.Bank BANK = ItemDraw.bank(
            e -> {
                List<ItemDraw.Candidate> out = new ArrayList<>();
                if (e.itemType() == ItemType.SCENARIO) {
                    for (int i = 1; i <= 4; i++) {
                        out.add(ItemDraw.Candidate.scenario("s" + i));
                    }
                    return out;
                }
                int n = e.tag() != null ? 3 : 6;
                for (int i = 1; i <= n; i++) {
                    out.add(new ItemDraw.Candidate(ItemType.QUESTION, "q" + i, "ANATOMY"));
                }
                return out;
            },
            ref -> "SCENARIO");

    @Test
    void theDrawTakesTheCountsOfQuestionsAndScenariosWithoutRepeats() {
        Composition c = Composition.drawn(List.of(
                new Composition.BlueprintEntry(null, "t", 3),
                new Composition.BlueprintEntry("ANATOMY", null, 3),
                Composition.BlueprintEntry.scenarios(null, null, 2)));
        for (long seed = 0; seed < 50; seed++) {
            List<ItemDraw.DrawnItem> items = ItemDraw.draw(c, BANK, true, 1, seed);
            assertThat(items).hasSize(8);
            assertThat(items.stream().map(ItemDraw.DrawnItem::ref).distinct()).hasSize(8);
            // the tag entry took all of q1–q3, so the domain entry took q4–q6
            assertThat(items.stream().filter(i -> i.type() == ItemType.QUESTION).map(ItemDraw.DrawnItem::ref))
                    .containsExactlyInAnyOrder("q1", "q2", "q3", "q4", "q5", "q6");
            assertThat(items.stream().filter(i -> i.type() == ItemType.SCENARIO))
                    .hasSize(2)
                    .allSatisfy(i -> {
                        assertThat(i.domain()).isEqualTo("SCENARIO");
                        assertThat(i.optionOrder()).isNull();
                    });
        }
        assertThat(ItemDraw.draw(c, BANK, true, 1, 42)).isEqualTo(ItemDraw.draw(c, BANK, true, 1, 42));
    }

    @Test
    void entriesDescribeThemselves() {
        assertThat(new Composition.BlueprintEntry("ANATOMY", null, 1).describe())
                .isEqualTo("1 question of domain ANATOMY");
        assertThat(new Composition.BlueprintEntry(null, "t", 2).describe()).isEqualTo("2 questions tagged t");
        assertThat(Composition.BlueprintEntry.scenarios("Cardiology", null, 2).describe())
                .isEqualTo("2 scenarios of specialty Cardiology");
        assertThat(Composition.BlueprintEntry.scenarios(null, null, 1).describe())
                .isEqualTo("1 scenario (any)");
    }
}
