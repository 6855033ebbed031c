package org.chart2claim.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;

/**
 * A ledger history held in hash maps, filled claim by claim in submission order: O(1) per question however many
 * claims it holds. Used for the claims of one submission (and by tests); the stored ledger is answered by
 * {@link LedgerHistory}. A reversal (status REVERSED) takes its original back out: its lines no longer count as
 * duplicates or open a global period, and the deductible it applied comes back (the reversal's PR-1 amounts are
 * the original's, negated).
 */
public final class InMemoryClaimHistory implements ClaimHistory {
    private final Map<ServiceKey, List<PriorService>> services = new HashMap<>();
    private final Map<String, BigDecimal> deductibles = new HashMap<>();
    private final Map<String, List<PriorLine>> linesByParties = new HashMap<>();
    /** Payer claim numbers (upper case) of the claims held here, with their deductible key. */
    private final Map<String, String> deductibleKeyByNumber = new HashMap<>();

    private int lines;

    /** Service lines added so far (an upper bound of what is held: reversals take some back). */
    int lines() {
        return lines;
    }

    /** Adds an adjudicated claim; rejected claims were never processed and add nothing. */
    public void add(Claim claim, ClaimResult result) {
        if (claim == null || result == null || result.status() == ClaimStatus.REJECTED) {
            return;
        }
        if (result.status() == ClaimStatus.REVERSED) {
            takeBack(result);
            return;
        }
        PriorService prior = new PriorService(result.payerClaimNumber(), claim.patientControlNumber());
        for (ServiceLine line : claim.lines()) {
            ServiceKey key = ServiceKey.of(claim, line);
            if (key != null) {
                services.computeIfAbsent(key, k -> new ArrayList<>()).add(prior);
                lines++;
                linesByParties
                        .computeIfAbsent(key.member() + "|" + key.billingNpi(), k -> new ArrayList<>())
                        .add(new PriorLine(key.code(), key.serviceDate(), result.payerClaimNumber()));
            }
        }
        String member = ServiceKey.memberKey(claim);
        if (member != null && claim.firstServiceDate() != null) {
            String key = deductibleKey(member, claim.firstServiceDate().getYear());
            if (result.payerClaimNumber() != null) {
                deductibleKeyByNumber.put(number(result.payerClaimNumber()), key);
            }
            BigDecimal applied = HistoryLines.deductibleApplied(result);
            if (applied.signum() != 0) {
                deductibles.merge(key, applied, BigDecimal::add);
            }
        }
    }

    /** Drops the reversed original's lines and gives back its deductible, when the original is held here. */
    private void takeBack(ClaimResult reversal) {
        if (reversal.payerClaimNumber() == null) {
            return;
        }
        String number = reversal.payerClaimNumber();
        services.values().forEach(list -> list.removeIf(p -> number.equalsIgnoreCase(p.payerClaimNumber())));
        services.values().removeIf(List::isEmpty);
        linesByParties.values().forEach(list -> list.removeIf(l -> number.equalsIgnoreCase(l.payerClaimNumber())));
        String key = deductibleKeyByNumber.remove(number(number));
        if (key != null) {
            BigDecimal applied = HistoryLines.deductibleApplied(reversal);
            if (applied.signum() != 0) {
                deductibles.merge(key, applied, BigDecimal::add);
            }
        }
    }

    @Override
    public Optional<PriorService> earliestSameService(Claim claim, ServiceLine line) {
        ServiceKey key = ServiceKey.of(claim, line);
        if (key == null) {
            return Optional.empty();
        }
        List<PriorService> priors = services.get(key);
        return priors == null || priors.isEmpty() ? Optional.empty() : Optional.of(priors.getFirst());
    }

    @Override
    public List<PriorLine> processedLines(Claim claim, LocalDate from, LocalDate to) {
        String member = ServiceKey.memberKey(claim);
        if (member == null) {
            return List.of();
        }
        return linesByParties.getOrDefault(member + "|" + ServiceKey.billingNpi(claim), List.of()).stream()
                .filter(l -> l.serviceDate() != null
                        && !l.serviceDate().isBefore(from)
                        && !l.serviceDate().isAfter(to))
                .toList();
    }

    @Override
    public BigDecimal deductibleApplied(String memberId, int serviceYear) {
        if (memberId == null) {
            return BigDecimal.ZERO;
        }
        return deductibles.getOrDefault(deductibleKey(ServiceKey.memberKey(memberId), serviceYear), BigDecimal.ZERO);
    }

    private static String deductibleKey(String member, int year) {
        return year + "|" + member;
    }

    private static String number(String payerClaimNumber) {
        return payerClaimNumber.trim().toUpperCase(Locale.ROOT);
    }
}
