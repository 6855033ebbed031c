package org.chart2claim.payer;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.chart2claim.claim.Claim;
import org.chart2claim.config.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stored claims of the payer ledgers, written in JDBC batches, and their history index
 * ({@code payer_claim_line}): a submission stores its claims a batch at a time and asks the index, never
 * the whole ledger, about earlier claims. Runs inside the caller's transaction.
 */
@Repository
public class ClaimLedger {
    private static final Logger log = LoggerFactory.getLogger(ClaimLedger.class);

    private final JdbcTemplate jdbc;

    public ClaimLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Index rows a submission's history may read per batch ({@link LedgerHistory#MAX_PREPARED_LINES}; tests lower it). */
    private volatile int preparedLinesLimit = LedgerHistory.MAX_PREPARED_LINES;

    /** The history of the latest submission (tests look at what it held in memory). */
    private volatile LedgerHistory lastHistory;

    // methods, not fields, for tests: the bean is a proxy (repository exception translation), whose fields are not
    // the ledger's
    int preparedLinesLimit() {
        return preparedLinesLimit;
    }

    void preparedLinesLimit(int lines) {
        preparedLinesLimit = lines;
    }

    LedgerHistory lastHistory() {
        return lastHistory;
    }

    /** Global-surgery questions asked of the index line by line so far (tests look). */
    private final java.util.concurrent.atomic.AtomicInteger processedLinesQueries =
            new java.util.concurrent.atomic.AtomicInteger();

    int processedLinesQueries() {
        return processedLinesQueries.get();
    }

    /** A claim as received, before adjudication. */
    public record Received(Claim claim, String claimJson) {}

    /**
     * The history of a ledger as it stands now: stored claims not yet in the index (from before it existed)
     * are indexed first; claims added later through {@link LedgerHistory#add} are answered from memory.
     * {@code opensGlobalPeriod}: the codes whose lines the global-surgery question uses (see
     * {@link LedgerHistory#processedLines}).
     */
    public LedgerHistory history(String username, String ledger, Predicate<String> opensGlobalPeriod) {
        indexUnindexed(username, ledger);
        Long lastStored = jdbc.queryForObject(
                "SELECT MAX(id) FROM payer_claim WHERE username = ? AND ledger = ?", Long.class, username, ledger);
        LedgerHistory history = new LedgerHistory(
                this, username, ledger, lastStored == null ? 0 : lastStored, preparedLinesLimit, opensGlobalPeriod);
        lastHistory = history;
        return history;
    }

    /**
     * Stores received claims in one batch; the answer holds their ids in the same order. They count as indexed
     * from the start: {@link #storeResults} indexes them in the same transaction (a claim without a result is in
     * no history), so the result's update changes no indexed column.
     */
    public List<Long> storeReceived(
            String username,
            String ledger,
            String scenarioId,
            LocalDate receivedOn,
            String documentationJson,
            List<Received> claims) {
        List<Long> ids = newIds(claims.size());
        List<Adjudicated> rows = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            rows.add(new Adjudicated(
                    ids.get(i), claims.get(i).claim(), claims.get(i).claimJson(), null, null));
        }
        insertClaims(username, ledger, scenarioId, receivedOn, documentationJson, rows);
        return ids;
    }

    /** A claim of a submission with its id drawn in advance and its adjudication (null while only received). */
    public record Adjudicated(long id, Claim claim, String claimJson, ClaimResult result, String resultJson) {}

    private volatile String database;

    /**
     * {@code count} new record ids, increasing, from the table's sequence (V83): a submission draws the ids of a
     * batch before it adjudicates it (the payer claim number is "SIM" + the id), so each claim is then stored
     * once, with its result, by {@link #storeAdjudicated}.
     */
    public List<Long> newIds(int count) {
        if (count == 0) {
            return List.of();
        }
        if (database == null) {
            database = jdbc.execute(
                    (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        }
        String sql = "PostgreSQL".equals(database)
                ? "SELECT nextval('payer_claim_id_seq') FROM generate_series(1, ?)"
                : "SELECT NEXT VALUE FOR payer_claim_id_seq FROM SYSTEM_RANGE(1, ?)";
        List<Long> ids = new ArrayList<>(jdbc.queryForList(sql, Long.class, count));
        ids.sort(null);
        return ids;
    }

    /**
     * Stores adjudicated claims (ids from {@link #newIds}) with their results in one batch, and indexes their lines
     * in a second: one row write per claim instead of an insert and an update. A claim whose payer claim number is
     * in {@code reversed} (upper case: a replacement or void later in the same batch took it back) is stored but
     * not indexed, as if its index rows had been written and then removed by {@link #storeReversal}. Answers the
     * index rows written, as stored.
     */
    public List<IndexRow> storeAdjudicated(
            String username,
            String ledger,
            String scenarioId,
            LocalDate receivedOn,
            String documentationJson,
            List<Adjudicated> claims,
            Set<String> reversed) {
        if (claims.isEmpty()) {
            return List.of();
        }
        insertClaims(username, ledger, scenarioId, receivedOn, documentationJson, claims);
        List<Adjudicated> standing = claims.stream()
                .filter(a -> a.result() == null
                        || a.result().payerClaimNumber() == null
                        || !reversed.contains(numberKey(a.result().payerClaimNumber())))
                .toList();
        return indexLines(
                username,
                ledger,
                standing.stream().map(Adjudicated::id).toList(),
                standing.stream().map(Adjudicated::claim).toList(),
                standing.stream().map(Adjudicated::result).toList());
    }

    /** Records the adjudications of stored claims and indexes their lines, in two batches. */
    public void storeResults(
            String username,
            String ledger,
            List<Long> ids,
            List<Claim> claims,
            List<ClaimResult> results,
            List<String> resultJson) {
        jdbc.batchUpdate(
                "UPDATE payer_claim SET payer_claim_number = ?, status = ?, billed = ?, paid = ?,"
                        + " patient_responsibility = ?, result_json = ? WHERE id = ?",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ClaimResult r = results.get(i);
                        ps.setString(1, r.payerClaimNumber());
                        ps.setString(2, r.status().name());
                        ps.setBigDecimal(3, r.billed());
                        ps.setBigDecimal(4, r.paid());
                        ps.setBigDecimal(5, r.patientResponsibility());
                        ps.setString(6, resultJson.get(i));
                        ps.setLong(7, ids.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return ids.size();
                    }
                });
        indexLines(username, ledger, ids, claims, results);
    }

    /** One batch insert of claims with their ids; a claim without a result yet is stored as RECEIVED. */
    private void insertClaims(
            String username,
            String ledger,
            String scenarioId,
            LocalDate receivedOn,
            String documentationJson,
            List<Adjudicated> claims) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.batchUpdate(
                "INSERT INTO payer_claim (id, username, ledger, scenario_id, patient_control_number, payer_id,"
                        + " member_id, payer_claim_number, status, billed, paid, patient_responsibility, received_on,"
                        + " submitted_at, claim_json, result_json, documentation_json, history_indexed)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Adjudicated a = claims.get(i);
                        Claim claim = a.claim();
                        ClaimResult r = a.result();
                        ps.setLong(1, a.id());
                        ps.setString(2, username);
                        ps.setString(3, ledger);
                        ps.setString(4, scenarioId);
                        ps.setString(5, cut(claim.patientControlNumber(), 40));
                        ps.setString(6, cut(claim.payerId(), 40));
                        ps.setString(
                                7,
                                cut(
                                        claim.insured() == null
                                                ? null
                                                : claim.insured().memberId(),
                                        80));
                        ps.setString(8, r == null ? null : r.payerClaimNumber());
                        ps.setString(9, r == null ? "RECEIVED" : r.status().name());
                        ps.setBigDecimal(10, r == null ? BigDecimal.ZERO : r.billed());
                        ps.setBigDecimal(11, r == null ? BigDecimal.ZERO : r.paid());
                        ps.setBigDecimal(12, r == null ? BigDecimal.ZERO : r.patientResponsibility());
                        ps.setObject(13, receivedOn);
                        ps.setObject(14, now);
                        ps.setString(15, a.claimJson());
                        ps.setString(16, a.resultJson());
                        ps.setString(17, documentationJson);
                    }

                    @Override
                    public int getBatchSize() {
                        return claims.size();
                    }
                });
    }

    private List<IndexRow> indexLines(
            String username, String ledger, List<Long> ids, List<Claim> claims, List<ClaimResult> results) {
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (HistoryLines.Line line : HistoryLines.of(claims.get(i), results.get(i))) {
                rows.add(new IndexRow(
                        ids.get(i),
                        line,
                        results.get(i).payerClaimNumber(),
                        claims.get(i).patientControlNumber()));
            }
        }
        insertIndexRows(username, ledger, rows);
        return rows;
    }

    /**
     * Stores the reversal of a processed claim of this ledger (same claim, the original's payer claim number,
     * status REVERSED) and deletes the original's rows from the history index: a reversed claim is no
     * duplicate, opens no global period and its deductible no longer counts. Its record id {@code id} comes from
     * {@link #newIds} (drawn with the ids of the batch it belongs to, so it is stored just before its correction).
     */
    public void storeReversal(
            long id,
            String username,
            String ledger,
            String scenarioId,
            LocalDate receivedOn,
            Claim claim,
            String claimJson,
            ClaimResult reversal,
            String reversalJson) {
        jdbc.update(
                "INSERT INTO payer_claim (id, username, ledger, scenario_id, patient_control_number, payer_id, member_id,"
                        + " payer_claim_number, status, billed, paid, patient_responsibility, received_on,"
                        + " submitted_at, claim_json, result_json, history_indexed)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)",
                id,
                username,
                ledger,
                scenarioId,
                cut(claim.patientControlNumber(), 40),
                cut(claim.payerId(), 40),
                cut(claim.insured() == null ? null : claim.insured().memberId(), 80),
                reversal.payerClaimNumber(),
                reversal.status().name(),
                reversal.billed(),
                reversal.paid(),
                reversal.patientResponsibility(),
                receivedOn,
                OffsetDateTime.now(ZoneOffset.UTC),
                claimJson,
                reversalJson);
        dropFromHistory(username, ledger, reversal.payerClaimNumber());
    }

    private void dropFromHistory(String username, String ledger, String payerClaimNumber) {
        Optional<Long> id = recordId(payerClaimNumber);
        if (id.isPresent()) {
            // the index rows of "SIM" + id belong to record id: found by the primary key, not by reading the ledger's
            jdbc.update(
                    "DELETE FROM payer_claim_line WHERE claim_id = ? AND username = ? AND ledger = ?"
                            + " AND payer_claim_number = ?",
                    id.get(),
                    username,
                    ledger,
                    payerClaimNumber);
            return;
        }
        jdbc.update(
                "DELETE FROM payer_claim_line WHERE username = ? AND ledger = ? AND payer_claim_number = ?",
                username,
                ledger,
                payerClaimNumber);
    }

    /** The record id in a payer claim number of ours ("SIM" + digits), empty for any other. */
    private static Optional<Long> recordId(String payerClaimNumber) {
        if (payerClaimNumber == null
                || payerClaimNumber.length() < 4
                || payerClaimNumber.length() > 21
                || !payerClaimNumber.startsWith("SIM")) {
            return Optional.empty();
        }
        for (int i = 3; i < payerClaimNumber.length(); i++) {
            if (payerClaimNumber.charAt(i) < '0' || payerClaimNumber.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(payerClaimNumber.substring(3)));
    }

    /** A stored claim of this ledger with this payer claim number, as it was received and answered. */
    public record StoredClaim(String claimJson, String resultJson, ClaimStatus status) {}

    /** Every adjudicated claim of the ledger with this payer claim number (an original and its reversal), oldest first. */
    public List<StoredClaim> byPayerClaimNumber(String username, String ledger, String payerClaimNumber) {
        // stored numbers are upper case by construction ("SIM" + id, a reversal keeps its original's), so the key
        // matches them as it is, through the index (V87)
        return jdbc.query(
                "SELECT claim_json, result_json, status FROM payer_claim WHERE username = ? AND ledger = ?"
                        + " AND payer_claim_number = ? AND result_json IS NOT NULL ORDER BY id",
                (rs, n) -> new StoredClaim(rs.getString(1), rs.getString(2), ClaimStatus.valueOf(rs.getString(3))),
                username,
                ledger,
                numberKey(payerClaimNumber));
    }

    /** A payer claim number as claims are matched by it: trimmed, upper case ("" for none). */
    static String numberKey(String payerClaimNumber) {
        return payerClaimNumber == null ? "" : payerClaimNumber.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The number for a stored claim: "SIM" and its id. */
    public static String payerClaimNumber(long id) {
        String digits = Long.toString(id); // as String.format("SIM%08d", id), without a formatter per claim
        return "SIM" + "0".repeat(Math.max(0, 8 - digits.length())) + digits;
    }

    Optional<ClaimHistory.PriorService> earliestSameService(
            String username, String ledger, long lastId, ServiceKey key) {
        List<Object[]> candidates = jdbc.query(
                "SELECT modifiers, units, payer_claim_number, patient_control_number FROM payer_claim_line"
                        + " WHERE username = ? AND ledger = ? AND member_key = ? AND billing_npi = ? AND code = ?"
                        + " AND " + (key.serviceDate() == null ? "service_date IS NULL" : "service_date = ?")
                        + " AND claim_id <= ? ORDER BY claim_id, line_number",
                (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)},
                key.serviceDate() == null
                        ? new Object[] {username, ledger, key.member(), key.billingNpi(), key.code(), lastId}
                        : new Object[] {
                            username, ledger, key.member(), key.billingNpi(), key.code(), key.serviceDate(), lastId
                        });
        for (Object[] c : candidates) {
            if (key.modifiers().equals(c[0]) && key.units() == (Integer) c[1]) {
                return Optional.of(new ClaimHistory.PriorService((String) c[2], (String) c[3]));
            }
        }
        return Optional.empty();
    }

    List<ClaimHistory.PriorLine> processedLines(
            String username,
            String ledger,
            long lastId,
            String memberKey,
            String billingNpi,
            LocalDate from,
            LocalDate to) {
        processedLinesQueries.incrementAndGet();
        return jdbc.query(
                "SELECT code, service_date, payer_claim_number FROM payer_claim_line WHERE username = ? AND ledger = ?"
                        + " AND member_key = ? AND billing_npi = ? AND service_date BETWEEN ? AND ? AND claim_id <= ?"
                        + " ORDER BY claim_id, line_number",
                (rs, n) ->
                        new ClaimHistory.PriorLine(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)),
                username,
                ledger,
                memberKey,
                billingNpi,
                from,
                to,
                lastId);
    }

    /** A row of the history index as {@link LedgerHistory} holds it for a batch. */
    record StoredLine(ServiceKey key, String payerClaimNumber, String patientControlNumber) {}

    /**
     * Every index row of these members up to record {@code lastId} dated {@code from}..{@code to} (none but the
     * undated when both are null), and the undated ones, in index order (claim id, line number): what the
     * duplicate and global-surgery questions of one batch can ask, in one query. Only the rows whose code {@code keep}
     * accepts (all when null), read as they come (a fetch size, not the whole result at once), so a member with more
     * rows than may be held costs only those it keeps. Null when more than {@code maxRows} are kept: the caller then
     * asks per line.
     */
    List<StoredLine> storedLines(
            String username,
            String ledger,
            long lastId,
            Collection<String> memberKeys,
            LocalDate from,
            LocalDate to,
            int maxRows,
            Predicate<String> keep) {
        List<Object> args = new ArrayList<>(List.of(username, ledger, lastId));
        args.addAll(memberKeys);
        String dates = "service_date IS NULL";
        if (from != null) {
            dates = "service_date BETWEEN ? AND ? OR " + dates;
            args.add(from);
            args.add(to);
        }
        String sql = "SELECT member_key, billing_npi, service_date, code, modifiers, units, payer_claim_number,"
                + " patient_control_number FROM payer_claim_line WHERE username = ? AND ledger = ? AND claim_id <= ?"
                + " AND member_key IN (" + String.join(", ", Collections.nCopies(memberKeys.size(), "?")) + ")"
                + " AND (" + dates + ") ORDER BY claim_id, line_number";
        // the same strings over and over (members, codes, claim numbers of a claim's lines): held once
        Map<String, String> strings = new HashMap<>();
        List<StoredLine> out = new ArrayList<>();
        try {
            jdbc.query(
                    con -> {
                        PreparedStatement ps = con.prepareStatement(sql);
                        if (keep == null) {
                            ps.setMaxRows(maxRows + 1);
                        } else {
                            ps.setFetchSize(1000);
                        }
                        for (int i = 0; i < args.size(); i++) {
                            ps.setObject(i + 1, args.get(i));
                        }
                        return ps;
                    },
                    rs -> {
                        String code = rs.getString(4);
                        if (keep != null && !keep.test(code)) {
                            return;
                        }
                        if (out.size() == maxRows) {
                            throw new TooManyRows();
                        }
                        out.add(new StoredLine(
                                new ServiceKey(
                                        once(strings, rs.getString(1)),
                                        once(strings, rs.getString(2)),
                                        rs.getObject(3, LocalDate.class),
                                        once(strings, code),
                                        once(strings, rs.getString(5)),
                                        rs.getInt(6)),
                                once(strings, rs.getString(7)),
                                once(strings, rs.getString(8))));
                    });
        } catch (TooManyRows tooMany) {
            return null;
        }
        return out;
    }

    /** Stops reading rows once more than may be held were kept. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static String once(Map<String, String> strings, String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }

    BigDecimal deductibleApplied(String username, String ledger, long lastId, String memberKey, int year) {
        BigDecimal sum = jdbc.queryForObject(
                "SELECT SUM(deductible) FROM payer_claim_line WHERE username = ? AND ledger = ? AND member_key = ?"
                        + " AND service_year = ? AND claim_id <= ?",
                BigDecimal.class,
                username,
                ledger,
                memberKey,
                year,
                lastId);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /**
     * Indexes the ledger's stored claims that are not in the index yet (stored before it existed, or by
     * another path). A record that cannot be read is logged and left out: no stored claim may stop later
     * processing.
     */
    private void indexUnindexed(String username, String ledger) {
        List<Object[]> pending = jdbc.query(
                "SELECT id, claim_json, result_json FROM payer_claim WHERE username = ? AND ledger = ?"
                        + " AND history_indexed = FALSE ORDER BY id",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)},
                username,
                ledger);
        if (pending.isEmpty()) {
            return;
        }
        List<IndexRow> rows = new ArrayList<>();
        List<String> reversed = new ArrayList<>();
        for (Object[] p : pending) {
            long id = (Long) p[0];
            if (p[2] == null) {
                continue; // never adjudicated: not part of any history
            }
            try {
                Claim claim = Json.MAPPER.readValue((String) p[1], Claim.class);
                ClaimResult result = Json.MAPPER.readValue((String) p[2], ClaimResult.class);
                if (result.status() == ClaimStatus.REVERSED && result.payerClaimNumber() != null) {
                    reversed.add(result.payerClaimNumber());
                }
                for (HistoryLines.Line line : HistoryLines.of(claim, result)) {
                    rows.add(new IndexRow(id, line, result.payerClaimNumber(), claim.patientControlNumber()));
                }
            } catch (RuntimeException unreadable) {
                log.warn(
                        "Stored claim {} of ledger {} cannot be read and is left out of its history: {}",
                        id,
                        ledger,
                        unreadable.getMessage());
            }
        }
        insertIndexRows(username, ledger, rows);
        reversed.forEach(number -> dropFromHistory(username, ledger, number));
        jdbc.update(
                "UPDATE payer_claim SET history_indexed = TRUE WHERE username = ? AND ledger = ? AND history_indexed = FALSE",
                username,
                ledger);
        log.info(
                "Indexed {} earlier claims of ledger '{}' of {} for the history edits",
                pending.size(),
                ledger,
                username);
    }

    /** A row of the history index: one service line of a processed claim. */
    record IndexRow(long claimId, HistoryLines.Line line, String payerClaimNumber, String pcn) {

        /** The row as {@link #storedLines} reads it back ({@code strings} shares repeated values). */
        StoredLine stored(Map<String, String> strings) {
            ServiceKey key = line.key();
            return new StoredLine(
                    new ServiceKey(
                            once(strings, cut(key.member(), 80)),
                            once(strings, cut(key.billingNpi(), 80)),
                            key.serviceDate(),
                            once(strings, cut(key.code(), 100)),
                            once(strings, cut(key.modifiers(), 4000)),
                            key.units()),
                    payerClaimNumber,
                    cut(pcn, 40));
        }
    }

    private void insertIndexRows(String username, String ledger, List<IndexRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO payer_claim_line (claim_id, line_number, username, ledger, member_key, billing_npi,"
                        + " service_year, service_date, code, modifiers, units, deductible, payer_claim_number,"
                        + " patient_control_number)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        IndexRow row = rows.get(i);
                        ServiceKey key = row.line().key();
                        ps.setLong(1, row.claimId());
                        ps.setInt(2, row.line().number());
                        ps.setString(3, username);
                        ps.setString(4, ledger);
                        ps.setString(5, cut(key.member(), 80));
                        ps.setString(6, cut(key.billingNpi(), 80));
                        if (row.line().serviceYear() == null) {
                            ps.setNull(7, Types.INTEGER);
                        } else {
                            ps.setInt(7, row.line().serviceYear());
                        }
                        ps.setObject(8, key.serviceDate());
                        ps.setString(9, cut(key.code(), 100));
                        ps.setString(10, cut(key.modifiers(), 4000));
                        ps.setInt(11, key.units());
                        ps.setBigDecimal(12, row.line().deductible());
                        ps.setString(13, row.payerClaimNumber());
                        ps.setString(14, cut(row.pcn(), 40));
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) : s;
    }
}
