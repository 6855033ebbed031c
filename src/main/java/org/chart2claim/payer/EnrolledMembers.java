package org.chart2claim.payer;

import java.util.Optional;
import org.chart2claim.payer.data.Member;

/**
 * Members enrolled beyond {@code codebooks/payers/members.tsv}, e.g. the patients of scenarios instructors
 * publish (issue 12). The payer asks these beans only for a member id the file does not know: a member in the
 * file always wins.
 */
@FunctionalInterface
public interface EnrolledMembers {
    /** Nobody beyond the file. */
    EnrolledMembers NONE = (payerId, memberId) -> Optional.empty();

    /** The member {@code memberId} of {@code payerId}, when this source enrolled one. */
    Optional<Member> member(String payerId, String memberId);

    /** This source, then {@code next} for an id this one does not know. */
    default EnrolledMembers or(EnrolledMembers next) {
        return (payerId, memberId) -> member(payerId, memberId).or(() -> next.member(payerId, memberId));
    }
}
