package org.chart2claim.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;

/**
 * A ledger history held in two hash maps, filled claim by claim in submission order: O(1) per question
 * however many claims it holds. Used for the claims of one submission (and by tests); the stored ledger is
 * answered by {@link LedgerHistory}.
 */
public final class InMemoryClaimHistory implements ClaimHistory {
    private final Map<ServiceKey, PriorService> services = new HashMap<>();
    private final Map<String, BigDecimal> deductibles = new HashMap<>();
    private final Map<String, List<PriorLine>> linesByParties = new HashMap<>();

    /** Adds an adjudicated claim; rejected claims were never processed and add nothing. */
    public void add(Claim claim, ClaimResult result) {
        if (claim == null || result == null || result.status() == ClaimStatus.REJECTED) {
            return;
        }
        PriorService prior = new PriorService(result.payerClaimNumber(), claim.patientControlNumber());
        for (ServiceLine line : claim.lines()) {
            ServiceKey key = ServiceKey.of(claim, line);
            if (key != null) {
                services.putIfAbsent(key, prior);
                linesByParties
                        .computeIfAbsent(key.member() + "|" + key.billingNpi(), k -> new ArrayList<>())
                        .add(new PriorLine(key.code(), key.serviceDate(), result.payerClaimNumber()));
            }
        }
        String member = ServiceKey.memberKey(claim);
        if (member != null && claim.firstServiceDate() != null) {
            BigDecimal applied = HistoryLines.deductibleApplied(result);
            if (applied.signum() != 0) {
                deductibles.merge(deductibleKey(member, claim.firstServiceDate().getYear()), applied, BigDecimal::add);
            }
        }
    }

    @Override
    public Optional<PriorService> earliestSameService(Claim claim, ServiceLine line) {
        ServiceKey key = ServiceKey.of(claim, line);
        return key == null ? Optional.empty() : Optional.ofNullable(services.get(key));
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
}
