package org.chart2claim.billing;

import java.math.BigDecimal;
import java.util.Optional;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Sex;
import org.chart2claim.payer.EnrolledMembers;
import org.chart2claim.payer.data.Member;
import org.chart2claim.scenario.Scenario;

/**
 * A scenario's patient enrolled with the payer the scenario names, as a practice's patient is enrolled with their
 * plan: name, date of birth, sex, member id and plan from the scenario; covered from 1 January of the
 * date-of-service year, open-ended, no deductible met yet (what the shipped scenarios' rows in
 * {@code members.tsv} say). Plain Java.
 */
public final class ScenarioEnrolment {
    private static final String NOTE = "authored scenario ";

    private ScenarioEnrolment() {}

    /** The member the scenario's patient is, empty when the scenario names no payer or member id. */
    public static Optional<Member> memberOf(Scenario s) {
        if (s.patient() == null
                || s.payer() == null
                || ClaimText.nz(s.payer().id()).isBlank()
                || ClaimText.nz(s.patient().memberId()).isBlank()
                || s.dateOfService() == null) {
            return Optional.empty();
        }
        Scenario.Patient p = s.patient();
        PersonName name = ScenarioClaims.personName(p.name());
        return Optional.of(new Member(
                s.payer().id(),
                p.memberId().strip(),
                name.last(),
                name.first(),
                p.dateOfBirth(),
                Sex.parse(p.sex()),
                ClaimText.nz(s.payer().plan()),
                "",
                s.dateOfService().withDayOfYear(1),
                null,
                BigDecimal.ZERO.setScale(2),
                NOTE + s.id()));
    }

    /** The id of the authored scenario that enrolled {@code m}; empty for a member from the file. */
    public static Optional<String> scenarioOf(Member m) {
        String note = ClaimText.nz(m.note());
        return note.startsWith(NOTE) ? Optional.of(note.substring(NOTE.length())) : Optional.empty();
    }

    /** Whether two members are one person: same last and first name (ignoring case) and date of birth. */
    public static boolean samePerson(Member a, Member b) {
        return ClaimText.nz(a.lastName()).equalsIgnoreCase(ClaimText.nz(b.lastName()))
                && ClaimText.nz(a.firstName()).equalsIgnoreCase(ClaimText.nz(b.firstName()))
                && java.util.Objects.equals(a.birthDate(), b.birthDate());
    }

    /** The scenario's patient as the only member of a source (a scenario checked before it is published). */
    static EnrolledMembers enrolling(Scenario s) {
        return memberOf(s)
                .<EnrolledMembers>map(m -> (payerId, memberId) -> m.payerId().equals(payerId)
                                && m.memberId()
                                        .equalsIgnoreCase(ClaimText.nz(memberId).strip())
                        ? Optional.of(m)
                        : Optional.empty())
                .orElse(EnrolledMembers.NONE);
    }
}
