package org.chart2claim.billing.eligibility;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.payer.EnrolledMembers;
import org.chart2claim.payer.data.Authorization;
import org.chart2claim.payer.data.CostSharing;
import org.chart2claim.payer.data.Member;
import org.chart2claim.payer.data.Payer;
import org.chart2claim.payer.data.PayerRules;

/**
 * How the simulated payer answers an eligibility inquiry, in the order a real one checks: payer known, member id on
 * file (else "not found", 271 AAA 75), last name and birth date match the enrolment (else "mismatch", AAA 73/58, the
 * first name may be a nickname's start), coverage on the date of service (else terminated / not yet covered, with
 * the plan shown). An active answer carries the plan's benefits for the service type: deductible (annual, met —
 * the enrolment's figure before our claims plus PR-1 already posted in the ledger this year — and remaining),
 * copays, coinsurance, out-of-pocket maximum, codes needing prior authorization, authorizations on file, PCP and
 * other coverage.
 */
public final class EligibilityCheck {
    private EligibilityCheck() {}

    /** What the practice ledger says the member already paid toward this year's deductible and out-of-pocket. */
    public record LedgerShare(BigDecimal deductible, BigDecimal outOfPocket) {
        public static final LedgerShare NONE = new LedgerShare(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A request missing what any payer needs: every problem, for a 400. */
    public static List<String> problems(EligibilityRequest r) {
        List<String> problems = new ArrayList<>();
        if (blank(r.payerId())) {
            problems.add("payerId is required.");
        }
        if (blank(r.memberId())) {
            problems.add("memberId is required.");
        } else if (r.memberId().trim().length() > 80) {
            problems.add("memberId is longer than 80 characters.");
        }
        if (blank(r.lastName())) {
            problems.add("lastName is required.");
        }
        if (blank(r.firstName())) {
            problems.add("firstName is required.");
        }
        if (r.birthDate() == null) {
            problems.add("birthDate (YYYY-MM-DD) is required.");
        }
        if (r.dateOfService() == null) {
            problems.add("dateOfService (YYYY-MM-DD) is required.");
        }
        if (r.birthDate() != null
                && r.dateOfService() != null
                && r.dateOfService().isBefore(r.birthDate())) {
            problems.add("dateOfService is before birthDate.");
        }
        if (!blank(r.serviceType()) && !ServiceTypes.known(r.serviceType())) {
            problems.add("serviceType '" + r.serviceType() + "' is not one we answer (" + ServiceTypes.codes() + ").");
        }
        return problems;
    }

    public static EligibilityAnswer answer(
            EligibilityRequest r, PayerRules rules, PlanBenefits benefits, LedgerShare ledger) {
        return answer(r, rules, EnrolledMembers.NONE, benefits, ledger);
    }

    /** The same, asking {@code enrolled} for a member id the payer's file does not know (authored scenarios). */
    public static EligibilityAnswer answer(
            EligibilityRequest r,
            PayerRules rules,
            EnrolledMembers enrolled,
            PlanBenefits benefits,
            LedgerShare ledger) {
        String serviceType =
                blank(r.serviceType()) ? "30" : r.serviceType().trim().toUpperCase(Locale.ROOT);
        Optional<Payer> payer = rules.payer(r.payerId());
        if (payer.isEmpty()) {
            return refused(r, serviceType, "UNKNOWN_PAYER", "We are not payer '" + r.payerId() + "'.", "T4", null);
        }
        Payer p = payer.get();
        Optional<Member> found = rules.member(p.id(), r.memberId())
                .or(() -> r.memberId() == null ? Optional.empty() : enrolled.member(p.id(), r.memberId()));
        if (found.isEmpty()) {
            return refused(
                    r,
                    serviceType,
                    "NOT_FOUND",
                    "No member " + r.memberId().trim() + " is enrolled with " + p.name()
                            + ". Check the card (and that this is the right payer).",
                    "75",
                    p);
        }
        Member m = found.get();
        if (!sameName(m.lastName(), r.lastName()) || !firstNameMatches(m.firstName(), r.firstName())) {
            return refused(
                    r,
                    serviceType,
                    "MISMATCH",
                    "Member " + m.memberId() + " is on file, but not under the name "
                            + r.firstName().trim() + " " + r.lastName().trim()
                            + ". Check the spelling against the card.",
                    "73",
                    p);
        }
        if (!m.birthDate().equals(r.birthDate())) {
            return refused(
                    r,
                    serviceType,
                    "MISMATCH",
                    "Member " + m.memberId() + " is on file, but with another date of birth than " + r.birthDate()
                            + ". Check the date with the patient.",
                    "58",
                    p);
        }
        String reason = null;
        String message;
        LocalDate dos = r.dateOfService();
        if (dos.isBefore(m.coverageStart())) {
            reason = "NOT_YET_COVERED";
            message = "Coverage begins " + m.coverageStart() + "; on " + dos + " the patient was not covered (CO-26).";
        } else if (m.coverageEnd() != null && dos.isAfter(m.coverageEnd())) {
            reason = "TERMINATED";
            message = "Coverage ended " + m.coverageEnd() + "; on " + dos
                    + " the patient was not covered (CO-27). Ask for current insurance.";
        } else {
            message = "Active coverage on " + dos + ".";
        }
        boolean active = reason == null;
        CostSharing cs = p.costSharing();
        BigDecimal annual = cs.annualDeductible();
        BigDecimal met = m.deductibleMet().add(ledger.deductible()).min(annual).max(BigDecimal.ZERO);
        PlanBenefits.Limits limits = benefits.limits(p.id()).orElse(null);
        BigDecimal oopMax = limits == null ? null : limits.outOfPocketMax();
        BigDecimal oopMet = m.deductibleMet().add(ledger.outOfPocket()).max(BigDecimal.ZERO);
        if (oopMax != null) {
            oopMet = oopMet.min(oopMax);
        }
        Map<String, BigDecimal> copays = new LinkedHashMap<>();
        List<PlanBenefits.Benefit> planBenefits = benefits.benefits(p.id());
        boolean waived = cs.copayExemptUnderAge() > 0
                && m.birthDate().plusYears(cs.copayExemptUnderAge()).isAfter(dos);
        for (PlanBenefits.Benefit b : planBenefits) {
            if (b.copay() != null) {
                copays.put(b.serviceType(), waived ? BigDecimal.ZERO.setScale(2) : b.copay());
            }
        }
        Optional<PlanBenefits.Benefit> requested = benefits.benefit(p.id(), serviceType);
        List<String> authsOnFile = rules.authorizations().stream()
                .filter(a -> a.payerId().equals(p.id()) && a.memberId().equalsIgnoreCase(m.memberId()))
                .filter(a -> !dos.isBefore(a.validFrom()) && !dos.isAfter(a.validTo()))
                .map(EligibilityCheck::describe)
                .toList();
        Optional<PlanBenefits.MemberExtras> extras = benefits.member(p.id(), m.memberId());
        String pcp = extras.filter(e -> !e.pcpName().isBlank())
                .map(e -> e.pcpName() + (e.pcpNpi().isBlank() ? "" : " (NPI " + e.pcpNpi() + ")"))
                .orElse(null);
        EligibilityAnswer.OtherCoverage other = extras.filter(
                        e -> !e.otherPayer().isBlank())
                .map(e -> new EligibilityAnswer.OtherCoverage(e.otherPayer(), e.otherPolicy(), e.otherOrder()))
                .orElse(null);
        if (active && waived && !copays.isEmpty()) {
            message += " No copays: the member is under " + cs.copayExemptUnderAge() + ".";
        }
        if (active && other != null && "primary".equalsIgnoreCase(other.order())) {
            message += " Other coverage pays first: bill " + other.payer() + " before this plan.";
        }
        return new EligibilityAnswer(
                active,
                reason,
                message,
                null,
                p.id(),
                p.name(),
                m.memberId(),
                m.lastName(),
                m.firstName(),
                m.birthDate(),
                m.plan(),
                m.groupNumber(),
                m.coverageStart(),
                m.coverageEnd(),
                dos,
                serviceType,
                ServiceTypes.name(serviceType),
                pcp,
                new EligibilityAnswer.Deductible(
                        annual, met, annual.subtract(met).max(BigDecimal.ZERO)),
                copays,
                requested.map(PlanBenefits.Benefit::coinsurancePercent).orElse(cs.coinsurancePercent()),
                new EligibilityAnswer.OutOfPocket(
                        oopMax,
                        oopMet,
                        oopMax == null ? null : oopMax.subtract(oopMet).max(BigDecimal.ZERO)),
                p.priorAuthorizationCodes().stream().sorted().toList(),
                authsOnFile,
                other,
                planBenefits);
    }

    private static String describe(Authorization a) {
        return a.number() + " for "
                + String.join(", ", a.codes().stream().sorted().toList()) + " (" + a.validFrom() + " to " + a.validTo()
                + ")";
    }

    private static EligibilityAnswer refused(
            EligibilityRequest r, String serviceType, String reason, String message, String rejectCode, Payer payer) {
        return new EligibilityAnswer(
                false,
                reason,
                message,
                rejectCode,
                payer == null ? r.payerId() : payer.id(),
                payer == null ? null : payer.name(),
                r.memberId() == null ? null : r.memberId().trim(),
                r.lastName(),
                r.firstName(),
                r.birthDate(),
                null,
                null,
                null,
                null,
                r.dateOfService(),
                serviceType,
                ServiceTypes.name(serviceType),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static boolean sameName(String onFile, String asked) {
        return normal(onFile).equals(normal(asked));
    }

    /** First names: the same, or one the start of the other ("Kate" / "Katherine" is not, "Greg" / "Gregory" is). */
    private static boolean firstNameMatches(String onFile, String asked) {
        String a = normal(onFile);
        String b = normal(asked);
        return !b.isEmpty()
                && (a.equals(b) || (b.length() >= 3 && a.startsWith(b)) || (a.length() >= 3 && b.startsWith(a)));
    }

    private static String normal(String s) {
        String n = s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
