package org.chart2claim.payer;

import java.time.LocalDate;
import java.util.Locale;
import java.util.TreeSet;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;

/**
 * What makes two lines "the same service" for the duplicate edit: member (case-insensitive), billing
 * provider, date of service, code, modifiers as a set and units. {@link #of} is empty-handed (null) for a
 * claim without a member: such a claim can be nobody's duplicate.
 */
record ServiceKey(String member, String billingNpi, LocalDate serviceDate, String code, String modifiers, int units) {

    static ServiceKey of(Claim claim, ServiceLine line) {
        String member = memberKey(claim);
        if (member == null || line == null) {
            return null;
        }
        return new ServiceKey(
                member,
                billingNpi(claim),
                line.serviceDate(),
                line.code() == null ? "" : line.code(),
                modifiers(line),
                line.units());
    }

    /** The member id in the one spelling history lookups use, or null when the claim names no member. */
    static String memberKey(Claim claim) {
        if (claim == null || claim.insured() == null || claim.insured().memberId() == null) {
            return null;
        }
        return memberKey(claim.insured().memberId());
    }

    static String memberKey(String memberId) {
        return memberId.trim().toLowerCase(Locale.ROOT);
    }

    static String billingNpi(Claim claim) {
        return claim.billing() == null || claim.billing().npi() == null
                ? ""
                : claim.billing().npi();
    }

    /** Modifiers as a set: sorted, without repeats, comma-separated. */
    static String modifiers(ServiceLine line) {
        return line.modifiers() == null ? "" : String.join(",", new TreeSet<>(line.modifiers()));
    }
}
