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
 * The history of one stored ledger during one submission: claims stored before the submission began are
 * asked from the index with one query per line (deductible sums cached per member and year); the claims of
 * this submission are answered from memory. Earlier stored claims come first, as in submission order. Reversed
 * claims are in neither: their index rows are deleted when the reversal is stored.
 */
public final class LedgerHistory implements ClaimHistory {
    private final ClaimLedger store;
    private final String username;
    private final String ledger;
    private final long lastStoredId;
    private final InMemoryClaimHistory thisSubmission = new InMemoryClaimHistory();
    private final Map<String, BigDecimal> storedDeductibles = new HashMap<>();

    LedgerHistory(ClaimLedger store, String username, String ledger, long lastStoredId) {
        this.store = store;
        this.username = username;
        this.ledger = ledger;
        this.lastStoredId = lastStoredId;
    }

    /**
     * A claim of this submission, once adjudicated: later claims of the submission see it. A reversal takes its
     * original out of the claims of this submission; a stored original's index rows were already removed by
     * {@link ClaimLedger#storeReversal}, so the cached stored deductible sums are asked again.
     */
    public void add(Claim claim, ClaimResult result) {
        thisSubmission.add(claim, result);
        if (result != null && result.status() == ClaimStatus.REVERSED) {
            storedDeductibles.clear();
        }
    }

    @Override
    public Optional<PriorService> earliestSameService(Claim claim, ServiceLine line) {
        ServiceKey key = ServiceKey.of(claim, line);
        if (key == null) {
            return Optional.empty();
        }
        if (lastStoredId > 0) {
            Optional<PriorService> stored = store.earliestSameService(username, ledger, lastStoredId, key);
            if (stored.isPresent()) {
                return stored;
            }
        }
        return thisSubmission.earliestSameService(claim, line);
    }

    @Override
    public List<PriorLine> processedLines(Claim claim, LocalDate from, LocalDate to) {
        String member = ServiceKey.memberKey(claim);
        if (member == null) {
            return List.of();
        }
        List<PriorLine> out = new ArrayList<>();
        if (lastStoredId > 0) {
            out.addAll(store.processedLines(
                    username, ledger, lastStoredId, member, ServiceKey.billingNpi(claim), from, to));
        }
        out.addAll(thisSubmission.processedLines(claim, from, to));
        return out;
    }

    @Override
    public BigDecimal deductibleApplied(String memberId, int serviceYear) {
        if (memberId == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal stored = BigDecimal.ZERO;
        if (lastStoredId > 0) {
            String member = ServiceKey.memberKey(memberId);
            stored = storedDeductibles.computeIfAbsent(
                    serviceYear + "|" + member,
                    k -> store.deductibleApplied(username, ledger, lastStoredId, member, serviceYear));
        }
        return stored.add(thisSubmission.deductibleApplied(memberId, serviceYear));
    }
}
