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
import java.util.function.Predicate;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;

/**
 * The history of one stored ledger during one submission. Claims stored before the submission began are read
 * from the index by member ({@link #prepare}, before each batch: one query for the batch's members not read yet,
 * every stored line of theirs in the dates the batch can ask about) and answered from memory; the stored ledger
 * changes during the submission only by its own batches, which {@link #batchStored} adds to what was read, so a
 * member read for one batch is not read again for the next. At most
 * {@link #MAX_PREPARED_LINES} lines are held: past that the members read so far are forgotten, and a batch whose
 * own members have more asks the index with one query per line (and so do those members for the rest of the
 * submission), as a question the reads do not cover does. A submission's own batches join the stored ledger once
 * stored ({@link #batchStored}): only the running batch is held apart, in memory.
 * Deductible sums are cached per member and year.
 * Earlier stored claims come first, as in submission order. Reversed claims are in neither: their index rows
 * are deleted when the reversal is stored, and dropped from what was read by {@link #add}.
 */
public final class LedgerHistory implements ClaimHistory {
    /**
     * Index lines a submission may hold in memory (about 150 bytes each, repeated values shared: at most about 25 MB),
     * so memory stays bounded however large the ledger and the file grow. A file at the body limit has about 125,000
     * lines when its claims have two or three lines each (the benchmarks' files), so such a file's own lines fit;
     * beyond, questions go to the index line by line: exact, but slow when members have thousands of lines each.
     */
    static final int MAX_PREPARED_LINES = 150_000;

    /** How far before a batch's first date of service the global-surgery edit looks (see GlobalSurgeryEdit). */
    private static final int DAYS_BEFORE = 90;

    private final ClaimLedger store;
    private final String username;
    private final String ledger;
    /** The last record of the stored ledger: before the submission, then its batches stored so far. */
    private long lastStoredId;

    private final int maxPreparedLines;
    /** The claims of the running batch (earlier batches of the submission are stored). */
    private InMemoryClaimHistory thisSubmission = new InMemoryClaimHistory();
    /** Repeated values (members, providers, codes) of the lines added by {@link #batchStored}, held once. */
    private final Map<String, String> strings = new HashMap<>();

    private final Map<String, BigDecimal> storedDeductibles = new HashMap<>();
    /**
     * Members with more stored lines than may be held: their duplicate question is asked line by line for the rest of
     * the submission, their global-surgery question from {@link #surgical}.
     */
    private final Set<String> tooMany = new HashSet<>();

    /** Codes whose lines the global-surgery question uses (see {@link #processedLines}). */
    private final Predicate<String> opensGlobalPeriod;

    /**
     * Of the members {@link #tooMany}, only the stored lines whose code opens a global period (a tenth of the lines of
     * the benchmarks' files), read like {@link #read}: the global-surgery question of such a member is answered from
     * these instead of reading all its lines in the question's 90 days from the index for every claim.
     */
    private final Map<String, MemberLines> surgical = new HashMap<>();

    /** Members whose global-period lines alone are more than may be held: asked line by line. */
    private final Set<String> tooManySurgeries = new HashSet<>();

    private int surgicalHeld;

    /** The stored lines read so far, by member key. */
    private final Map<String, MemberLines> read = new HashMap<>();

    private int linesHeld;
    /** The most history lines held in memory at once: what was read plus the running batch's (tests look). */
    private int peakLinesInMemory;

    int peakLinesInMemory() {
        return Math.max(peakLinesInMemory, linesHeld + surgicalHeld + thisSubmission.lines());
    }

    LedgerHistory(
            ClaimLedger store,
            String username,
            String ledger,
            long lastStoredId,
            int maxPreparedLines,
            Predicate<String> opensGlobalPeriod) {
        this.store = store;
        this.opensGlobalPeriod = opensGlobalPeriod;
        this.username = username;
        this.ledger = ledger;
        this.lastStoredId = lastStoredId;
        this.maxPreparedLines = maxPreparedLines;
    }

    /**
     * Reads, in one query, the stored lines the next batch of {@code claims} can ask about and that were not read
     * yet: every line of their members dated from 90 days before the batch's first date of service to one day
     * after its last (the duplicate and global-surgery questions), and their undated lines. Of members with more
     * lines than may be held, only the lines that open a global period.
     */
    public void prepare(List<Claim> claims) {
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
        LocalDate from = first == null ? null : first.minusDays(DAYS_BEFORE);
        LocalDate to = last == null ? null : last.plusDays(1);
        Set<String> held = new HashSet<>(members);
        held.removeAll(tooMany); // asked line by line
        readAll(held, from, to);
        Set<String> overCap = new HashSet<>(members);
        overCap.retainAll(tooMany);
        readSurgical(overCap, from, to);
    }

    /**
     * Of {@code members}, those whose lines {@code held} does not cover for {@code from}..{@code to}, with the span to
     * read them over (both spans when a member was read before, so its lines stay in one index order) and how many
     * held lines the read replaces.
     */
    private record Unread(Set<String> members, LocalDate from, LocalDate to, int replaced) {
        static Unread of(Set<String> members, Map<String, MemberLines> held, LocalDate from, LocalDate to) {
            Set<String> unread = new HashSet<>();
            LocalDate readFrom = from;
            LocalDate readTo = to;
            int replaced = 0;
            for (String member : members) {
                MemberLines lines = held.get(member);
                if (lines == null || (from != null && !lines.covers(from, to))) {
                    unread.add(member);
                    if (lines != null) {
                        replaced += lines.size;
                        if (lines.from != null) {
                            readFrom = readFrom.isBefore(lines.from) ? readFrom : lines.from;
                            readTo = readTo.isAfter(lines.to) ? readTo : lines.to;
                        }
                    }
                }
            }
            return new Unread(unread, readFrom, readTo, replaced);
        }
    }

    /** The lines of the members {@code toRead} names that {@code keep} accepts, in the room left; null past it. */
    private List<ClaimLedger.StoredLine> read(Unread toRead, Predicate<String> keep) {
        return store.storedLines(
                username,
                ledger,
                lastStoredId,
                toRead.members(),
                toRead.from(),
                toRead.to(),
                maxPreparedLines - linesHeld - surgicalHeld + toRead.replaced(),
                keep);
    }

    /** Reads the lines of {@code members} the batch can ask about (see {@link #prepare}). */
    private void readAll(Set<String> members, LocalDate from, LocalDate to) {
        Unread toRead = Unread.of(members, read, from, to);
        Set<String> unread = toRead.members();
        LocalDate readFrom = toRead.from();
        LocalDate readTo = toRead.to();
        if (unread.isEmpty()) {
            return;
        }
        List<ClaimLedger.StoredLine> lines = read(toRead, null);
        if (lines == null) {
            // too many with what is held: forget it, keep only this batch's members
            read.clear();
            linesHeld = 0;
            unread = members;
            readFrom = from;
            readTo = to;
            lines = store.storedLines(
                    username, ledger, lastStoredId, members, from, to, maxPreparedLines - surgicalHeld, null);
            if (lines == null) {
                // this batch asks line by line, and so do later ones for these members: their lines only grow
                // during a submission (its own batches join them), so reading them again would fail again
                tooMany.addAll(members);
                return;
            }
        }
        for (String member : unread) {
            MemberLines replacedLines = read.put(member, new MemberLines(readFrom, readTo));
            linesHeld -= replacedLines == null ? 0 : replacedLines.size;
        }
        for (ClaimLedger.StoredLine line : lines) {
            MemberLines held = read.get(line.key().member());
            if (held != null) {
                held.add(line);
                linesHeld++;
            }
        }
    }

    /**
     * Reads the lines that open a global period of {@code members} (each with more lines than may be held) in the
     * batch's dates, unless read already: one query, its rows read as they come and only those lines kept.
     */
    private void readSurgical(Set<String> members, LocalDate from, LocalDate to) {
        if (from == null) {
            return; // no dated line in the batch: no global-surgery question
        }
        Set<String> askable = new HashSet<>(members);
        askable.removeAll(tooManySurgeries);
        Unread toRead = Unread.of(askable, surgical, from, to);
        Set<String> unread = toRead.members();
        if (unread.isEmpty()) {
            return;
        }
        List<ClaimLedger.StoredLine> lines = read(toRead, opensGlobalPeriod);
        for (String member : unread) {
            MemberLines replacedLines = surgical.remove(member);
            surgicalHeld -= replacedLines == null ? 0 : replacedLines.size;
        }
        if (lines == null) {
            tooManySurgeries.addAll(unread); // asked line by line, as their lines only grow during the submission
            return;
        }
        for (String member : unread) {
            surgical.put(member, new MemberLines(toRead.from(), toRead.to()));
        }
        for (ClaimLedger.StoredLine line : lines) {
            MemberLines held = surgical.get(line.key().member());
            if (held != null) {
                held.add(line);
                surgicalHeld++;
            }
        }
    }

    /**
     * A claim of this submission, once adjudicated: later claims of the submission see it. A reversal takes its
     * original out of the claims of this submission and out of what was read of the stored ledger; a stored
     * original's index rows were already removed by {@link ClaimLedger#storeReversal}, so the cached stored
     * deductible sums are asked again.
     */
    public void add(Claim claim, ClaimResult result) {
        thisSubmission.add(claim, result);
        if (result != null && result.status() == ClaimStatus.REVERSED) {
            storedDeductibles.clear();
            MemberLines held = read.get(ServiceKey.memberKey(claim));
            if (held != null && result.payerClaimNumber() != null) {
                linesHeld -= held.drop(result.payerClaimNumber());
            }
            MemberLines surgeries = surgical.get(ServiceKey.memberKey(claim));
            if (surgeries != null && result.payerClaimNumber() != null) {
                surgicalHeld -= surgeries.drop(result.payerClaimNumber());
            }
        }
    }

    /**
     * The running batch was stored: its records end at {@code lastId} and {@code indexed} are the index rows it
     * wrote. From now on it is part of the stored ledger, answered as the claims before the submission are (what was
     * read of its members and their deductible sums take its rows in; members not read ask the index), so the claims
     * of a file are not held in memory beyond the running batch, whatever the size of the file. Past
     * {@link #MAX_PREPARED_LINES} what was read is forgotten and read again as the next batch needs it.
     */
    void batchStored(long lastId, List<ClaimLedger.IndexRow> indexed) {
        peakLinesInMemory = peakLinesInMemory();
        lastStoredId = Math.max(lastStoredId, lastId);
        thisSubmission = new InMemoryClaimHistory();
        for (ClaimLedger.IndexRow row : indexed) {
            ClaimLedger.StoredLine line = row.stored(strings);
            MemberLines held = read.get(line.key().member());
            if (held != null) {
                held.add(line);
                linesHeld++;
            }
            MemberLines surgeries = surgical.get(line.key().member());
            if (surgeries != null && opensGlobalPeriod.test(line.key().code())) {
                surgeries.add(line);
                surgicalHeld++;
            }
            if (row.line().serviceYear() != null) {
                storedDeductibles.computeIfPresent(
                        row.line().serviceYear() + "|" + line.key().member(),
                        (k, sum) -> sum.add(row.line().deductible()));
            }
        }
        peakLinesInMemory = peakLinesInMemory();
        if (linesHeld + surgicalHeld > maxPreparedLines) {
            read.clear();
            linesHeld = 0;
        }
        if (surgicalHeld > maxPreparedLines) {
            surgical.clear();
            surgicalHeld = 0;
        }
        if (strings.size() > maxPreparedLines) {
            strings.clear();
        }
    }

    @Override
    public Optional<PriorService> earliestSameService(Claim claim, ServiceLine line) {
        ServiceKey key = ServiceKey.of(claim, line);
        if (key == null) {
            return Optional.empty();
        }
        if (lastStoredId > 0) {
            MemberLines held = read.get(key.member());
            Optional<PriorService> stored = held != null && held.covers(key.serviceDate())
                    ? held.earliestSameService(key)
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
            MemberLines held = read.get(member);
            if (held == null || !held.covers(from, to)) {
                held = surgical.get(member); // lines that open no global period are left out: the question skips them
            }
            out.addAll(
                    held != null && held.covers(from, to)
                            ? held.processedLines(billingNpi, from, to)
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
     * The stored lines of one member read from the index, in index order (claim id, line number), answering
     * exactly as the per-line queries of {@link ClaimLedger} would for the dates they cover.
     */
    private static final class MemberLines {
        /** The dates read; both null when only undated lines were read (undated lines are always read). */
        private final LocalDate from;

        private final LocalDate to;
        private final Map<ServiceKey, List<ClaimLedger.StoredLine>> byService = new HashMap<>();
        private final Map<String, List<ClaimLedger.StoredLine>> byBillingNpi = new HashMap<>();
        private int size;

        MemberLines(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        void add(ClaimLedger.StoredLine line) {
            byService.computeIfAbsent(line.key(), k -> new ArrayList<>(1)).add(line);
            byBillingNpi
                    .computeIfAbsent(line.key().billingNpi(), k -> new ArrayList<>())
                    .add(line);
            size++;
        }

        /** Whether every line dated {@code askedFrom}..{@code askedTo} was read (a null date: the undated ones). */
        boolean covers(LocalDate date) {
            return date == null || covers(date, date);
        }

        boolean covers(LocalDate askedFrom, LocalDate askedTo) {
            return from != null
                    && askedFrom != null
                    && askedTo != null
                    && !askedFrom.isBefore(from)
                    && !askedTo.isAfter(to);
        }

        Optional<PriorService> earliestSameService(ServiceKey key) {
            List<ClaimLedger.StoredLine> same = byService.get(key);
            if (same == null || same.isEmpty()) {
                return Optional.empty();
            }
            ClaimLedger.StoredLine first = same.getFirst();
            return Optional.of(new PriorService(first.payerClaimNumber(), first.patientControlNumber()));
        }

        List<PriorLine> processedLines(String billingNpi, LocalDate askedFrom, LocalDate askedTo) {
            List<PriorLine> out = new ArrayList<>();
            for (ClaimLedger.StoredLine line : byBillingNpi.getOrDefault(billingNpi, List.of())) {
                LocalDate date = line.key().serviceDate();
                if (date != null && !date.isBefore(askedFrom) && !date.isAfter(askedTo)) {
                    out.add(new PriorLine(line.key().code(), date, line.payerClaimNumber()));
                }
            }
            return out;
        }

        /** A reversed stored claim: its lines leave what was read as its index rows left the index. */
        int drop(String payerClaimNumber) {
            int before = size;
            byService.values().forEach(list -> list.removeIf(l -> payerClaimNumber.equals(l.payerClaimNumber())));
            byBillingNpi.values().forEach(list -> {
                int n = list.size();
                list.removeIf(l -> payerClaimNumber.equals(l.payerClaimNumber()));
                size -= n - list.size();
            });
            return before - size;
        }
    }
}
