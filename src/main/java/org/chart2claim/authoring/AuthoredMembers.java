package org.chart2claim.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.billing.ScenarioEnrolment;
import org.chart2claim.payer.EnrolledMembers;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.data.Member;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.stereotype.Component;

/**
 * The patients of published authored scenarios, enrolled with the payer their scenario names (issue 12): every
 * version of every scenario an instructor published, retired ones included, so claims already sent stay covered.
 * The payer asks only for member ids its file does not know. Rebuilt when the library's versions change.
 */
@Component
public class AuthoredMembers implements EnrolledMembers {
    private final ScenarioLibrary library;
    private final PayerService payer;
    private volatile Snapshot snapshot = new Snapshot("", Map.of());

    /** The members by payer and member id, built for the library's current versions. */
    private record Snapshot(String versions, Map<String, List<Member>> byKey) {}

    public AuthoredMembers(ScenarioLibrary library, PayerService payer) {
        this.library = library;
        this.payer = payer;
    }

    /**
     * Why {@code scenario} may not enrol its patient: the member id is already another person's, in the payer's
     * file or in another authored scenario (taking it over would change whom earlier claims were paid for); empty
     * when it may (a new member id, or the same person).
     */
    public Optional<String> takeover(Scenario scenario) {
        Optional<Member> enrolling = ScenarioEnrolment.memberOf(scenario);
        if (enrolling.isEmpty()) {
            return Optional.empty();
        }
        Member m = enrolling.get();
        Optional<Member> onFile = payer.rules().member(m.payerId(), m.memberId());
        if (onFile.isPresent()) {
            return ScenarioEnrolment.samePerson(onFile.get(), m)
                    ? Optional.empty()
                    : Optional.of(refusal(m, onFile.get(), "the payer's member file"));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        return holders(m.payerId(), m.memberId()).stream()
                // each other scenario's newest version: whom the id belongs to now
                .filter(h -> seen.add(ScenarioEnrolment.scenarioOf(h).orElse("")))
                .filter(h -> !ScenarioEnrolment.scenarioOf(h).orElse("").equals(scenario.id()))
                .filter(h -> !ScenarioEnrolment.samePerson(h, m))
                .findFirst()
                .map(h -> refusal(
                        m, h, "scenario " + ScenarioEnrolment.scenarioOf(h).orElse("")));
    }

    private static String refusal(Member enrolling, Member holder, String where) {
        return "member id " + enrolling.memberId() + " is already enrolled with " + enrolling.payerId() + " for "
                + holder.firstName() + " " + holder.lastName() + " (born " + holder.birthDate() + ", " + where
                + "): give this patient a member id of their own, or use that patient's name and date of birth";
    }

    @Override
    public Optional<Member> member(String payerId, String memberId) {
        return holders(payerId, memberId).stream().findFirst();
    }

    /**
     * Everybody authored scenarios enrolled under {@code memberId} with {@code payerId}: newest version first per
     * scenario, scenarios by id.
     */
    public List<Member> holders(String payerId, String memberId) {
        if (payerId == null || memberId == null) {
            return List.of();
        }
        return current().byKey().getOrDefault(key(payerId, memberId), List.of());
    }

    private static String key(String payerId, String memberId) {
        return payerId.strip().toLowerCase(Locale.ROOT) + "|" + memberId.strip().toUpperCase(Locale.ROOT);
    }

    private Snapshot current() {
        List<Scenario> authored = library.all().stream()
                .filter(s ->
                        library.catalogueEntry(s.id()).map(e -> !e.shipped()).orElse(false))
                .toList();
        StringBuilder versions = new StringBuilder();
        authored.forEach(
                s -> versions.append(s.id()).append('@').append(s.version()).append(' '));
        Snapshot now = snapshot;
        if (now.versions().contentEquals(versions)) {
            return now;
        }
        Map<String, List<Member>> byKey = new LinkedHashMap<>();
        for (Scenario s : authored) {
            for (int v = s.version(); v >= 1; v--) {
                library.version(s.id(), v)
                        .flatMap(ScenarioEnrolment::memberOf)
                        .ifPresent(m -> byKey.computeIfAbsent(key(m.payerId(), m.memberId()), k -> new ArrayList<>())
                                .add(m));
            }
        }
        Snapshot built = new Snapshot(versions.toString(), Map.copyOf(byKey));
        snapshot = built;
        return built;
    }
}
