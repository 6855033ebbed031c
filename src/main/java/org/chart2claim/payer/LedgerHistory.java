package org.chart2claim.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;

/**
 * The history of one stored ledger during one submission. Claims stored before the submission began are read
 * from the index once per batch ({@link #prepare}: every stored line of the batch's members in the dates the
 * batch can ask about, one query) and answered from memory; a question the batch's read does not cover (or a
 * batch whose read would pass {@link #MAX_PREPARED_LINES}) is asked from the index with one query per line, as
 * before. Deductible sums are cached per member and year. The claims of this submission are answered from memory.
 * Earlier stored claims come first, as in submission order. Reversed claims are in neither: their index rows
 * are deleted when the reversal is stored, and dropped from the batch's read by {@link #add}.
 */
public final class LedgerHistory implements ClaimHistory {
    /**
     * Index rows one batch may hold in memory (about 150 bytes each): a batch whose members have more stored lines
     * in its dates asks per line instead, so memory stays bounded however large the ledger grows.
     */
    static final int MAX_PREPARED_LINES = 200_000;

    /** How far before a batch's first date of service the global-surgery edit looks (see GlobalSurgeryEdit). */
    private static final int DAYS_BEFORE = 90;

    private final ClaimLedger store;
    private final String username;
    private final String ledger;
    private final long lastStoredId;
    private final int maxPreparedLines;
    private final InMemoryClaimHistory thisSubmission = new InMemoryClaimHistory();
    private final Map<String, BigDecimal> storedDeductibles = new HashMap<>();
    private Prepared prepared;

    LedgerHistory(ClaimLedger store, String username, String ledger, long lastStoredId, int maxPreparedLines) {
        this.store = store;
        this.username = username;
        this.ledger = ledger;
        this.lastStoredId = lastStoredId;
        this.maxPreparedLines = maxPreparedLines;
    }

    /**
     * Reads, in one query, the stored lines the next batch of {@code claims} can ask about: every line of their
     * members dated from 90 days before the batch's first date of service to one day after its last (the
     * duplicate and global-surgery questions), and their undated lines. Replaces the previous batch's read.
     */
    public void prepare(List<Claim> claims) {
        prepared = null;
        if (lastStoredId <= 0) {
            return;
        }
        Set<String> members = new HashSet<>();
        LocalDate first = null;
        LocalDate last = null;
        for (Claim claim : claims) {
            String member = ServiceKey.memberKey(claim);
            if (member == null) {
                continue;
            }
            members.add(member);
            for (ServiceLine line : claim.lines()) {
                LocalDate date = line.serviceDate();
                if (date != null) {
                    first = first == null || date.isBefore(first) ? date : first;
                    last = last == null || date.isAfter(last) ? date : last;
                }
            }
        }
        if (members.isEmpty()) {
            return;
        }
        LocalDate from = first == null ? null : first.minusDays(DAYS_BEFORE);
        LocalDate to = last == null ? null : last.plusDays(1);
        List<ClaimLedger.StoredLine> lines =
                store.storedLines(username, ledger, lastStoredId, members, from, to, maxPreparedLines);
        if (lines != null) {
            prepared = new Prepared(members, from, to, lines);
        }
    }

    /**
     * A claim of this submission, once adjudicated: later claims of the submission see it. A reversal takes its
     * original out of the claims of this submission and out of the batch's read of the stored ledger; a stored
     * original's index rows were already removed by {@link ClaimLedger#storeReversal}, so the cached stored
     * deductible sums are asked again.
     */
    public void add(Claim claim, ClaimResult result) {
        thisSubmission.add(claim, result);
        if (result != null && result.status() == ClaimStatus.REVERSED) {
            storedDeductibles.clear();
            if (prepared != null && result.payerClaimNumber() != null) {
                prepared.drop(result.payerClaimNumber());
            }
        }
    }

    @Override
    public Optional<PriorService> earliestSameService(Claim claim, ServiceLine line) {
        ServiceKey key = ServiceKey.of(claim, line);
        if (key == null) {
            return Optional.empty();
        }
        if (lastStoredId > 0) {
            Optional<PriorService> stored = prepared != null && prepared.covers(key)
                    ? prepared.earliestSameService(key)
                    : store.earliestSameService(username, ledger, lastStoredId, key);
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
            String billingNpi = ServiceKey.billingNpi(claim);
            out.addAll(
                    prepared != null && prepared.covers(member, from, to)
                            ? prepared.processedLines(member, billingNpi, from, to)
                            : store.processedLines(username, ledger, lastStoredId, member, billingNpi, from, to));
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

    /**
     * One batch's read of the stored index, in index order (claim id, line number), answering exactly as the
     * per-line queries of {@link ClaimLedger} would for the members and dates it covers.
     */
    private static final class Prepared {
        private final Set<String> members;
        /** The dates read, both null when the batch has only undated lines (then only those were read). */
        private final LocalDate from;

        private final LocalDate to;
        private final Map<ServiceKey, List<ClaimLedger.StoredLine>> byService = new HashMap<>();
        private final Map<String, List<ClaimLedger.StoredLine>> byParties = new HashMap<>();

        Prepared(Set<String> members, LocalDate from, LocalDate to, List<ClaimLedger.StoredLine> lines) {
            this.members = members;
            this.from = from;
            this.to = to;
            for (ClaimLedger.StoredLine line : lines) {
                byService.computeIfAbsent(line.key(), k -> new ArrayList<>(1)).add(line);
                byParties
                        .computeIfAbsent(parties(line.key().member(), line.key().billingNpi()), k -> new ArrayList<>())
                        .add(line);
            }
        }

        private static String parties(String member, String billingNpi) {
            return member + "|" + billingNpi;
        }

        boolean covers(ServiceKey key) {
            return members.contains(key.member())
                    && (key.serviceDate() == null || read(key.serviceDate(), key.serviceDate()));
        }

        boolean covers(String member, LocalDate askedFrom, LocalDate askedTo) {
            return members.contains(member) && read(askedFrom, askedTo);
        }

        private boolean read(LocalDate askedFrom, LocalDate askedTo) {
            return from != null && !askedFrom.isBefore(from) && !askedTo.isAfter(to);
        }

        Optional<PriorService> earliestSameService(ServiceKey key) {
            List<ClaimLedger.StoredLine> same = byService.get(key);
            if (same == null || same.isEmpty()) {
                return Optional.empty();
            }
            ClaimLedger.StoredLine first = same.getFirst();
            return Optional.of(new PriorService(first.payerClaimNumber(), first.patientControlNumber()));
        }

        List<PriorLine> processedLines(String member, String billingNpi, LocalDate askedFrom, LocalDate askedTo) {
            List<PriorLine> out = new ArrayList<>();
            for (ClaimLedger.StoredLine line : byParties.getOrDefault(parties(member, billingNpi), List.of())) {
                LocalDate date = line.key().serviceDate();
                if (date != null && !date.isBefore(askedFrom) && !date.isAfter(askedTo)) {
                    out.add(new PriorLine(line.key().code(), date, line.payerClaimNumber()));
                }
            }
            return out;
        }

        /** A reversed stored claim: its lines leave the read as its index rows left the index. */
        void drop(String payerClaimNumber) {
            byService.values().forEach(list -> list.removeIf(l -> payerClaimNumber.equals(l.payerClaimNumber())));
            byParties.values().forEach(list -> list.removeIf(l -> payerClaimNumber.equals(l.payerClaimNumber())));
        }
    }
}
