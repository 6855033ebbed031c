package org.chart2claim.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;

/**
 * The earlier claims of one caller's ledger as the history edits ask about them: by member, billing
 * provider, date of service and code (duplicates) and by member and year (deductible met). Answering these
 * two questions from an index, instead of handing every earlier claim to every new one, keeps the cost of
 * a claim independent of the ledger's size.
 */
public interface ClaimHistory {

    /**
     * The earliest processed (not rejected) claim of this ledger with the same member, billing provider, date
     * of service, code, modifiers (as a set) and units as {@code line} of {@code claim}.
     */
    Optional<PriorService> earliestSameService(Claim claim, ServiceLine line);

    /** Patient responsibility already applied to the deductible (PR-1) for this member in this service year. */
    BigDecimal deductibleApplied(String memberId, int serviceYear);

    /**
     * Service lines of earlier processed claims of the same member and billing provider as {@code claim},
     * with a date of service from {@code from} to {@code to}, oldest claim first (the global surgery edit). Lines whose
     * code opens no global period may be left out (the edit skips them): a ledger's history does so for members with
     * more lines than it may hold in memory.
     */
    List<PriorLine> processedLines(Claim claim, LocalDate from, LocalDate to);

    /** The claim that already carried a service: named in the duplicate denial. */
    record PriorService(String payerClaimNumber, String patientControlNumber) {}

    /** A service line of an earlier processed claim. */
    record PriorLine(String code, LocalDate serviceDate, String payerClaimNumber) {}

    static ClaimHistory empty() {
        return new InMemoryClaimHistory();
    }

    /** An in-memory history of {@code priors}, oldest first. */
    static ClaimHistory of(List<PriorClaim> priors) {
        InMemoryClaimHistory history = new InMemoryClaimHistory();
        priors.forEach(p -> history.add(p.claim(), p.result()));
        return history;
    }
}
