package org.chart2claim.appeal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.appeal.decision.AppealDecision;
import org.chart2claim.appeal.decision.Outcome;
import org.chart2claim.config.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Work items, appeal filings and role-play cohorts in the database (V40). */
@Repository
public class AppealStore {
    private final JdbcClient jdbc;

    public AppealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One work item as stored. */
    public record ItemRow(
            long id,
            String username,
            String ledger,
            long payerClaimId,
            String claimNumber,
            int line,
            String code,
            List<String> modifiers,
            String group,
            String carc,
            List<String> rarc,
            BigDecimal billed,
            BigDecimal allowed,
            BigDecimal paid,
            BigDecimal amount,
            String explanation,
            LocalDate remittedOn,
            String payerId,
            String patient,
            String scenarioId,
            String drillId,
            ItemStatus status,
            int level,
            LocalDate determinedOn,
            AppealAction action,
            LocalDate actionOn,
            WriteOffReason writeOffReason,
            BigDecimal recovered,
            Long newClaimId,
            Integer score,
            String feedback) {

        public String label() {
            return Denial.REJECTED.equals(group) ? "rejected" : group + "-" + carc;
        }

        /** The item after an action or decision: the mutable columns changed, the rest as stored. */
        public ItemRow with(
                ItemStatus newStatus,
                int newLevel,
                LocalDate newDeterminedOn,
                AppealAction newAction,
                LocalDate newActionOn,
                WriteOffReason reason,
                BigDecimal newRecovered,
                Long claimId,
                Integer newScore,
                String newFeedback) {
            return new ItemRow(
                    id,
                    username,
                    ledger,
                    payerClaimId,
                    claimNumber,
                    line,
                    code,
                    modifiers,
                    group,
                    carc,
                    rarc,
                    billed,
                    allowed,
                    paid,
                    amount,
                    explanation,
                    remittedOn,
                    payerId,
                    patient,
                    scenarioId,
                    drillId,
                    newStatus,
                    newLevel,
                    newDeterminedOn,
                    newAction,
                    newActionOn,
                    reason,
                    newRecovered,
                    claimId,
                    newScore,
                    newFeedback);
        }
    }

    /** One appeal filing: the letter, the automatic decision (the suggestion in role-play) and the decision. */
    public record FilingRow(
            long id,
            long itemId,
            int level,
            LocalDate filedOn,
            LocalDate deadline,
            LocalDate dueOn,
            AppealLetter letter,
            String reviewMode,
            AppealDecision suggestion,
            AppealDecision decision,
            LocalDate decidedOn,
            String decidedBy,
            Long reprocessedClaimId) {
        public boolean pending() {
            return decision == null;
        }

        public boolean byInstructor() {
            return INSTRUCTOR.equals(reviewMode);
        }
    }

    public static final String AUTOMATIC = "AUTOMATIC";
    public static final String INSTRUCTOR = "INSTRUCTOR";

    private static final String ITEM_COLUMNS = "id, username, ledger, payer_claim_id, claim_number, line_no, code,"
            + " modifiers, grp, carc, rarc, billed, allowed, paid, amount, explanation, remitted_on, payer_id, patient,"
            + " scenario_id, drill_id, status, appeal_level, determined_on, action, action_on, write_off_reason,"
            + " recovered, new_claim_id, score, feedback";

    public long insertItem(
            String username,
            String ledger,
            long payerClaimId,
            String claimNumber,
            DeniedLines.Candidate c,
            LocalDate remittedOn,
            String payerId,
            String patient,
            String scenarioId) {
        jdbc.sql("INSERT INTO appeal_work_item (username, ledger, payer_claim_id, claim_number, line_no, code,"
                        + " modifiers, grp, carc, rarc, billed, allowed, paid, amount, explanation, remitted_on,"
                        + " payer_id, patient, scenario_id, status, appeal_level, determined_on, recovered, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?)")
                .params(
                        username,
                        ledger,
                        payerClaimId,
                        claimNumber,
                        c.line(),
                        cut(c.code(), 10),
                        cut(String.join(",", c.modifiers()), 40),
                        c.group(),
                        cut(c.carc(), 8),
                        cut(String.join(",", c.rarc()), 80),
                        c.billed(),
                        c.allowed(),
                        c.paid(),
                        c.amount(),
                        cut(c.explanation() == null ? "" : c.explanation(), 4000),
                        remittedOn,
                        cut(payerId, 40),
                        cut(patient, 120),
                        scenarioId,
                        ItemStatus.OPEN.name(),
                        remittedOn,
                        Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT id FROM appeal_work_item WHERE payer_claim_id = ? AND line_no = ?")
                .params(payerClaimId, c.line())
                .query(Long.class)
                .single();
    }

    /** "claimId:line" of every item of the ledger, to add only new ones. */
    public Set<String> itemKeys(String username, String ledger) {
        return new HashSet<>(
                jdbc.sql("SELECT payer_claim_id, line_no FROM appeal_work_item" + " WHERE username = ? AND ledger = ?")
                        .params(username, ledger)
                        .query((rs, n) -> rs.getLong(1) + ":" + rs.getInt(2))
                        .list());
    }

    public List<ItemRow> items(String username, String ledger) {
        return itemsWhere("username = ? AND ledger = ? ORDER BY id", username, ledger);
    }

    public List<ItemRow> allItems(String username) {
        return itemsWhere("username = ? ORDER BY id", username);
    }

    public Optional<ItemRow> item(long id) {
        return itemsWhere("id = ?", id).stream().findFirst();
    }

    public List<ItemRow> itemsOfClaim(long payerClaimId) {
        return itemsWhere("payer_claim_id = ? ORDER BY line_no", payerClaimId);
    }

    private List<ItemRow> itemsWhere(String where, Object... params) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM appeal_work_item WHERE " + where)
                .params(params)
                .query(AppealStore::item)
                .list();
    }

    public void markDrill(long itemId, String drillId) {
        jdbc.sql("UPDATE appeal_work_item SET drill_id = ? WHERE id = ?")
                .params(drillId, itemId)
                .update();
    }

    /**
     * Stores an item's new state if it is still in {@code expected} state: of two concurrent actions on one item
     * (two tabs, two servers) only the first wins; the other fails and its transaction rolls back.
     */
    public void save(ItemRow i, ItemStatus expected) {
        int changed = jdbc.sql(
                        "UPDATE appeal_work_item SET status = ?, appeal_level = ?, determined_on = ?, action = ?,"
                                + " action_on = ?, write_off_reason = ?, recovered = ?, new_claim_id = ?, score = ?,"
                                + " feedback = ? WHERE id = ? AND status = ?")
                .params(
                        i.status().name(),
                        i.level(),
                        i.determinedOn(),
                        i.action() == null ? null : i.action().name(),
                        i.actionOn(),
                        i.writeOffReason() == null ? null : i.writeOffReason().name(),
                        i.recovered(),
                        i.newClaimId(),
                        i.score(),
                        i.feedback() == null ? null : cut(i.feedback(), 4000),
                        i.id(),
                        expected.name())
                .update();
        if (changed != 1) {
            throw new AppealException("Work item " + i.id() + " was changed meanwhile (another tab or window);"
                    + " reload it and try again.");
        }
    }

    private static ItemRow item(ResultSet rs, int n) throws SQLException {
        return new ItemRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("ledger"),
                rs.getLong("payer_claim_id"),
                rs.getString("claim_number"),
                rs.getInt("line_no"),
                rs.getString("code"),
                split(rs.getString("modifiers")),
                rs.getString("grp"),
                rs.getString("carc"),
                split(rs.getString("rarc")),
                rs.getBigDecimal("billed"),
                rs.getBigDecimal("allowed"),
                rs.getBigDecimal("paid"),
                rs.getBigDecimal("amount"),
                rs.getString("explanation"),
                rs.getObject("remitted_on", LocalDate.class),
                rs.getString("payer_id"),
                rs.getString("patient"),
                rs.getString("scenario_id"),
                rs.getString("drill_id"),
                ItemStatus.valueOf(rs.getString("status")),
                rs.getInt("appeal_level"),
                rs.getObject("determined_on", LocalDate.class),
                rs.getString("action") == null ? null : AppealAction.valueOf(rs.getString("action")),
                rs.getObject("action_on", LocalDate.class),
                rs.getString("write_off_reason") == null
                        ? null
                        : WriteOffReason.valueOf(rs.getString("write_off_reason")),
                rs.getBigDecimal("recovered"),
                (Long) rs.getObject("new_claim_id", Long.class),
                (Integer) rs.getObject("score", Integer.class),
                rs.getString("feedback"));
    }

    private static final String FILING_COLUMNS = "id, item_id, appeal_level, filed_on, deadline, due_on, letter_json,"
            + " review_mode, suggested_outcome, suggested_rule, suggested_explanation, outcome, rule_name, explanation,"
            + " decided_on, decided_by, reprocessed_claim_id";

    public long insertFiling(
            long itemId,
            int level,
            LocalDate filedOn,
            LocalDate deadline,
            LocalDate dueOn,
            AppealLetter letter,
            String reviewMode,
            AppealDecision suggestion) {
        jdbc.sql("INSERT INTO appeal_filing (item_id, appeal_level, filed_on, deadline, due_on, letter_json,"
                        + " review_mode, suggested_outcome, suggested_rule, suggested_explanation, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        itemId,
                        level,
                        filedOn,
                        deadline,
                        dueOn,
                        Json.MAPPER.writeValueAsString(letter),
                        reviewMode,
                        suggestion.outcome().name(),
                        suggestion.rule(),
                        cut(suggestion.explanation(), 4000),
                        Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM appeal_filing WHERE item_id = ?")
                .params(itemId)
                .query(Long.class)
                .single();
    }

    public List<FilingRow> filings(long itemId) {
        return filingsWhere("item_id = ? ORDER BY id", itemId);
    }

    public Optional<FilingRow> filing(long id) {
        return filingsWhere("id = ?", id).stream().findFirst();
    }

    private List<FilingRow> filingsWhere(String where, Object... params) {
        return jdbc.sql("SELECT " + FILING_COLUMNS + " FROM appeal_filing WHERE " + where)
                .params(params)
                .query(AppealStore::filing)
                .list();
    }

    /** Automatic filings of a ledger whose response date is on or before {@code to}, oldest first. */
    public List<FilingRow> dueAutomatic(String username, String ledger, LocalDate to) {
        return jdbc.sql("SELECT f." + FILING_COLUMNS.replace(", ", ", f.") + " FROM appeal_filing f"
                        + " JOIN appeal_work_item i ON i.id = f.item_id WHERE i.username = ? AND i.ledger = ?"
                        + " AND f.outcome IS NULL AND f.review_mode = ? AND f.due_on <= ? ORDER BY f.due_on, f.id")
                .params(username, ledger, AUTOMATIC, to)
                .query(AppealStore::filing)
                .list();
    }

    /** The first response date of a pending automatic appeal of the ledger in ({@code after}, {@code until}]. */
    public Optional<LocalDate> nextDue(String username, String ledger, LocalDate after, LocalDate until) {
        return minDate(
                "SELECT MIN(f.due_on) FROM appeal_filing f JOIN appeal_work_item i ON i.id = f.item_id"
                        + " WHERE i.username = ? AND i.ledger = ? AND f.outcome IS NULL AND f.review_mode = ?"
                        + " AND f.due_on > ? AND f.due_on <= ?",
                username,
                ledger,
                AUTOMATIC,
                after,
                until);
    }

    private Optional<LocalDate> minDate(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(LocalDate.class).list().stream()
                .filter(java.util.Objects::nonNull) // MIN of no rows is one NULL
                .findFirst();
    }

    // ------------------------------------------------------------------ retro-authorization requests

    /** A retro-authorization request and, once the payer answered, its decision. */
    public record RetroRow(
            long id,
            long itemId,
            LocalDate requestedOn,
            LocalDate dueOn,
            String outcome,
            String rule,
            String explanation,
            LocalDate decidedOn,
            String authNumber,
            Long reprocessedClaimId) {
        public boolean pending() {
            return outcome == null;
        }
    }

    private static final String RETRO_COLUMNS = "r.id, r.item_id, r.requested_on, r.due_on, r.outcome, r.rule_name,"
            + " r.explanation, r.decided_on, r.auth_number, r.reprocessed_claim_id";

    private static RetroRow retro(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long reprocessed = rs.getLong(10);
        return new RetroRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                rs.wasNull() ? null : reprocessed);
    }

    public void insertRetro(long itemId, LocalDate requestedOn, LocalDate dueOn) {
        jdbc.sql("INSERT INTO appeal_retro_request (item_id, requested_on, due_on, created_at) VALUES (?, ?, ?, ?)")
                .params(itemId, requestedOn, dueOn, Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    public List<RetroRow> retroRequests(long itemId) {
        return jdbc.sql("SELECT " + RETRO_COLUMNS + " FROM appeal_retro_request r WHERE r.item_id = ? ORDER BY r.id")
                .params(itemId)
                .query(AppealStore::retro)
                .list();
    }

    /** The ledger's undecided retro-authorization requests whose response date is {@code to} or before. */
    public List<RetroRow> dueRetro(String username, String ledger, LocalDate to) {
        return jdbc.sql("SELECT " + RETRO_COLUMNS + " FROM appeal_retro_request r"
                        + " JOIN appeal_work_item i ON i.id = r.item_id WHERE i.username = ? AND i.ledger = ?"
                        + " AND r.outcome IS NULL AND r.due_on <= ? ORDER BY r.due_on, r.id")
                .params(username, ledger, to)
                .query(AppealStore::retro)
                .list();
    }

    public Optional<LocalDate> nextRetroDue(String username, String ledger, LocalDate after, LocalDate until) {
        return minDate(
                "SELECT MIN(r.due_on) FROM appeal_retro_request r JOIN appeal_work_item i ON i.id = r.item_id"
                        + " WHERE i.username = ? AND i.ledger = ? AND r.outcome IS NULL AND r.due_on > ?"
                        + " AND r.due_on <= ?",
                username,
                ledger,
                after,
                until);
    }

    public void decideRetro(
            long id,
            boolean approved,
            String rule,
            String explanation,
            LocalDate decidedOn,
            String authNumber,
            Long reprocessedClaimId) {
        jdbc.sql("UPDATE appeal_retro_request SET outcome = ?, rule_name = ?, explanation = ?, decided_on = ?,"
                        + " auth_number = ?, reprocessed_claim_id = ? WHERE id = ? AND outcome IS NULL")
                .params(
                        approved ? "APPROVED" : "DENIED",
                        rule,
                        cut(explanation, 4000),
                        decidedOn,
                        authNumber,
                        reprocessedClaimId,
                        id)
                .update();
    }

    /** Every filing waiting for an instructor's decision, oldest first. */
    public List<FilingRow> pendingInstructorReviews() {
        return filingsWhere("outcome IS NULL AND review_mode = ? ORDER BY filed_on, id", INSTRUCTOR);
    }

    public void decide(
            long filingId, AppealDecision decision, LocalDate decidedOn, String decidedBy, Long reprocessed) {
        jdbc.sql("UPDATE appeal_filing SET outcome = ?, rule_name = ?, explanation = ?, decided_on = ?, decided_by = ?,"
                        + " reprocessed_claim_id = ? WHERE id = ? AND outcome IS NULL")
                .params(
                        decision.outcome().name(),
                        cut(decision.rule(), 60),
                        cut(decision.explanation(), 4000),
                        decidedOn,
                        decidedBy,
                        reprocessed,
                        filingId)
                .update();
    }

    private static FilingRow filing(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new FilingRow(
                rs.getLong("id"),
                rs.getLong("item_id"),
                rs.getInt("appeal_level"),
                rs.getObject("filed_on", LocalDate.class),
                rs.getObject("deadline", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                Json.MAPPER.readValue(rs.getString("letter_json"), AppealLetter.class),
                rs.getString("review_mode"),
                new AppealDecision(
                        Outcome.valueOf(rs.getString("suggested_outcome")),
                        rs.getString("suggested_rule"),
                        rs.getString("suggested_explanation")),
                outcome == null
                        ? null
                        : new AppealDecision(
                                Outcome.valueOf(outcome), rs.getString("rule_name"), rs.getString("explanation")),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by"),
                (Long) rs.getObject("reprocessed_claim_id", Long.class));
    }

    public boolean rolePlay(long cohortId) {
        return jdbc.sql("SELECT COUNT(*) FROM appeal_role_play WHERE cohort_id = ?")
                        .params(cohortId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void setRolePlay(long cohortId, boolean on, String by) {
        jdbc.sql("DELETE FROM appeal_role_play WHERE cohort_id = ?")
                .params(cohortId)
                .update();
        if (on) {
            jdbc.sql("INSERT INTO appeal_role_play (cohort_id, enabled_by, enabled_at) VALUES (?, ?, ?)")
                    .params(cohortId, by, Instant.now().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) : s;
    }
}
