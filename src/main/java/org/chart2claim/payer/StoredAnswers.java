package org.chart2claim.payer;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A ledger's stored claims and answers read row by row, oldest first, for the billing office's posting: one query,
 * only the columns the posting needs, no entities kept in a persistence context until the transaction ends (the
 * posting of a 10,000-claim ledger reads 10,000 rows once and lets each go when it is posted).
 */
@Repository
public class StoredAnswers {
    private final JdbcTemplate jdbc;

    public StoredAnswers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One stored claim as the payer answered it; {@code resultJson} and {@code payerClaimNumber} are null while the
     * claim's file is still being answered.
     */
    public record StoredAnswer(
            long id,
            String payerClaimNumber,
            String payerId,
            LocalDate receivedOn,
            String claimJson,
            String resultJson) {
        public boolean answered() {
            return resultJson != null && payerClaimNumber != null;
        }
    }

    /**
     * Hands the ledger's stored claims after record {@code afterId} to {@code each} in id order, until it answers
     * false or the claims run out.
     */
    public void forEachAfter(String username, String ledger, long afterId, Predicate<StoredAnswer> each) {
        jdbc.query(
                "SELECT id, payer_claim_number, payer_id, received_on, claim_json, result_json FROM payer_claim"
                        + " WHERE username = ? AND ledger = ? AND id > ? ORDER BY id",
                (ResultSet rs) -> {
                    while (rs.next()) {
                        StoredAnswer answer = new StoredAnswer(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, LocalDate.class),
                                rs.getString(5),
                                rs.getString(6));
                        if (!each.test(answer)) {
                            break;
                        }
                    }
                    return null;
                },
                username,
                ledger,
                afterId);
    }
}
