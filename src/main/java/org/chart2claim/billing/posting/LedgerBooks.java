package org.chart2claim.billing.posting;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The practice ledgers' posted claims and transactions ({@code billing_posted_claim}, {@code billing_transaction}). */
@Repository
public class LedgerBooks {
    private final JdbcTemplate jdbc;

    public LedgerBooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last payer claim record the posting has read for this ledger (0 before the first). */
    public long watermark(String username, String ledger) {
        Long max = jdbc.queryForObject(
                "SELECT MAX(claim_id) FROM billing_posted_claim WHERE username = ? AND ledger = ?",
                Long.class,
                username,
                ledger);
        return max == null ? 0 : max;
    }

    public void storeClaims(String username, String ledger, List<PostedClaim> claims) {
        jdbc.batchUpdate(
                "INSERT INTO billing_posted_claim (claim_id, username, ledger, payer_claim_number, payer_id, account,"
                        + " status, frequency, billed, paid, service_date, received_on)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        PostedClaim c = claims.get(i);
                        ps.setLong(1, c.claimId());
                        ps.setString(2, username);
                        ps.setString(3, ledger);
                        ps.setString(4, c.payerClaimNumber());
                        ps.setString(5, cut(c.payerId(), 40));
                        ps.setString(6, cut(c.account(), 120));
                        ps.setString(7, c.status());
                        ps.setString(8, c.frequency());
                        ps.setBigDecimal(9, c.billed());
                        ps.setBigDecimal(10, c.paid());
                        ps.setObject(11, c.serviceDate());
                        ps.setObject(12, c.receivedOn());
                    }

                    @Override
                    public int getBatchSize() {
                        return claims.size();
                    }
                });
    }

    public void storeTransactions(String username, String ledger, List<LedgerTransaction> transactions) {
        jdbc.batchUpdate(
                "INSERT INTO billing_transaction (username, ledger, account, patient, payer_id, member_id, claim_number,"
                        + " line_number, code, service_date, posted_on, txn_type, amount, group_code, carc, edit_name,"
                        + " pay_method, pay_reference, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        LedgerTransaction t = transactions.get(i);
                        ps.setString(1, username);
                        ps.setString(2, ledger);
                        ps.setString(3, cut(t.account(), 120));
                        ps.setString(4, cut(t.patient(), 200));
                        ps.setString(5, cut(nz(t.payerId()), 40));
                        ps.setString(6, cut(nz(t.memberId()), 80));
                        ps.setString(7, cut(nz(t.claimNumber()), 20));
                        ps.setInt(8, t.line());
                        ps.setString(9, cut(nz(t.code()), 100));
                        ps.setObject(10, t.serviceDate());
                        ps.setObject(11, t.postedOn());
                        ps.setString(12, t.type().name());
                        ps.setBigDecimal(13, t.amount());
                        ps.setString(14, cut(nz(t.group()), 2));
                        ps.setString(15, cut(nz(t.carc()), 10));
                        ps.setString(16, cut(nz(t.edit()), 100));
                        ps.setString(17, cut(nz(t.method()), 10));
                        ps.setString(18, cut(nz(t.reference()), 60));
                        ps.setString(19, cut(nz(t.note()), 2000));
                    }

                    @Override
                    public int getBatchSize() {
                        return transactions.size();
                    }
                });
    }

    public List<LedgerTransaction> transactions(String username, String ledger) {
        return jdbc.query(
                "SELECT id, account, patient, payer_id, member_id, claim_number, line_number, code, service_date,"
                        + " posted_on, txn_type, amount, group_code, carc, edit_name, pay_method, pay_reference, note"
                        + " FROM billing_transaction WHERE username = ? AND ledger = ? ORDER BY id",
                LedgerBooks::transaction,
                username,
                ledger);
    }

    public List<PostedClaim> claims(String username, String ledger) {
        return jdbc.query(
                "SELECT claim_id, payer_claim_number, payer_id, account, status, frequency, billed, paid, service_date,"
                        + " received_on FROM billing_posted_claim WHERE username = ? AND ledger = ? ORDER BY claim_id",
                (rs, n) -> new PostedClaim(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getObject(9, LocalDate.class),
                        rs.getObject(10, LocalDate.class)),
                username,
                ledger);
    }

    /**
     * The newest payer claim record posted for a patient account in a ledger (an index lookup on
     * {@code ix_billing_posted_claim_account}): where a statement finds the patient's current mailing address.
     */
    public java.util.Optional<Long> latestClaimOf(String username, String ledger, String account) {
        Long id = jdbc.queryForObject(
                "SELECT MAX(claim_id) FROM billing_posted_claim WHERE username = ? AND ledger = ? AND account = ?",
                Long.class,
                username,
                ledger,
                account);
        return java.util.Optional.ofNullable(id);
    }

    /** PR-1 posted for a member in a ledger for services in {@code year} (reversals included, so they cancel). */
    public BigDecimal deductiblePosted(String username, String ledger, String payerId, String memberId, int year) {
        BigDecimal sum = jdbc.queryForObject(
                "SELECT SUM(amount) FROM billing_transaction WHERE username = ? AND ledger = ? AND payer_id = ?"
                        + " AND UPPER(member_id) = ? AND txn_type = 'DEDUCTIBLE' AND service_date BETWEEN ? AND ?",
                BigDecimal.class,
                username,
                ledger,
                payerId,
                memberId.trim().toUpperCase(java.util.Locale.ROOT),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /**
     * What the member paid toward this year's out-of-pocket in a ledger: every PR amount (deductible, coinsurance,
     * copay, other) posted for services in {@code year}.
     */
    public BigDecimal patientSharePosted(String username, String ledger, String payerId, String memberId, int year) {
        BigDecimal sum = jdbc.queryForObject(
                "SELECT SUM(amount) FROM billing_transaction WHERE username = ? AND ledger = ? AND payer_id = ?"
                        + " AND UPPER(member_id) = ? AND txn_type IN ('DEDUCTIBLE', 'COINSURANCE', 'COPAY',"
                        + " 'PATIENT_RESPONSIBILITY') AND service_date BETWEEN ? AND ?",
                BigDecimal.class,
                username,
                ledger,
                payerId,
                memberId.trim().toUpperCase(java.util.Locale.ROOT),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private static LedgerTransaction transaction(ResultSet rs, int n) throws SQLException {
        return new LedgerTransaction(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class),
                TransactionType.valueOf(rs.getString(11)),
                rs.getBigDecimal(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getString(18));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
