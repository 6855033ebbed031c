package org.chart2claim.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.chart2claim.assessment.ExamRecords.Accommodation;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.ExamRecords.Event;
import org.chart2claim.assessment.ExamRecords.ItemRow;
import org.chart2claim.assessment.ExamRecords.SessionRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exam engine's tables over plain JDBC: the row lock ({@code FOR UPDATE}) and the due-session claim
 * ({@code FOR UPDATE SKIP LOCKED}) are what make the deadline and the auto-submit exact across servers, and they
 * are SQL that H2 and PostgreSQL both run. Callers hold the transaction.
 */
@Repository
public class ExamStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public ExamStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    // ---- assessments

    private static final RowMapper<AssessmentRow> ASSESSMENT = (rs, n) -> new AssessmentRow(
            rs.getLong("id"),
            rs.getString("title"),
            rs.getString("created_by"),
            rs.getObject("cohort_id") == null ? null : rs.getLong("cohort_id"),
            rs.getInt("time_limit_minutes"),
            instant(rs, "opens_at"),
            instant(rs, "closes_at"),
            rs.getInt("attempts_allowed"),
            rs.getBoolean("open_book"),
            rs.getBoolean("shuffle"),
            ReleaseMode.valueOf(rs.getString("release_mode")),
            instant(rs, "released_at"),
            rs.getInt("parts"),
            rs.getInt("break_minutes"),
            JSON.readValue(rs.getString("composition_json"), Composition.class),
            instant(rs, "created_at"));

    public long insertAssessment(AssessmentRow a) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "INSERT INTO assessment (title, created_by, cohort_id, time_limit_minutes, opens_at,"
                                    + " closes_at, attempts_allowed, open_book, shuffle, release_mode, released_at, parts,"
                                    + " break_minutes, composition_json, created_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, a.title());
                    ps.setObject(2, a.createdBy());
                    if (a.cohortId() == null) {
                        ps.setNull(3, Types.BIGINT);
                    } else {
                        ps.setLong(3, a.cohortId());
                    }
                    ps.setInt(4, a.timeLimitMinutes());
                    ps.setObject(5, ts(a.opensAt()));
                    ps.setObject(6, ts(a.closesAt()));
                    ps.setInt(7, a.attemptsAllowed());
                    ps.setBoolean(8, a.openBook());
                    ps.setBoolean(9, a.shuffle());
                    ps.setString(10, a.release().name());
                    ps.setObject(11, ts(a.releasedAt()));
                    ps.setInt(12, a.parts());
                    ps.setInt(13, a.breakMinutes());
                    ps.setString(14, JSON.writeValueAsString(a.composition()));
                    ps.setObject(15, ts(a.createdAt()));
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    public Optional<AssessmentRow> assessment(long id) {
        return jdbc.query("SELECT * FROM assessment WHERE id = ?", ASSESSMENT, id).stream()
                .findFirst();
    }

    public List<AssessmentRow> assessments() {
        return jdbc.query("SELECT * FROM assessment ORDER BY opens_at DESC, id DESC", ASSESSMENT);
    }

    public void release(long id, Instant at) {
        jdbc.update("UPDATE assessment SET released_at = ? WHERE id = ? AND released_at IS NULL", ts(at), id);
    }

    // ---- accommodations

    private static final RowMapper<Accommodation> ACCOMMODATION = (rs, n) -> new Accommodation(
            rs.getLong("assessment_id"),
            rs.getString("username"),
            rs.getInt("extra_time_percent"),
            instant(rs, "opens_at"),
            instant(rs, "closes_at"),
            rs.getInt("extra_attempts"));

    public void saveAccommodation(Accommodation a) {
        jdbc.update(
                "DELETE FROM assessment_accommodation WHERE assessment_id = ? AND username = ?",
                a.assessmentId(),
                a.username());
        jdbc.update(
                "INSERT INTO assessment_accommodation (assessment_id, username, extra_time_percent, opens_at, closes_at,"
                        + " extra_attempts) VALUES (?, ?, ?, ?, ?, ?)",
                a.assessmentId(),
                a.username(),
                a.extraTimePercent(),
                ts(a.opensAt()),
                ts(a.closesAt()),
                a.extraAttempts());
    }

    public Optional<Accommodation> accommodation(long assessmentId, String username) {
        return jdbc
                .query(
                        "SELECT * FROM assessment_accommodation WHERE assessment_id = ? AND username = ?",
                        ACCOMMODATION,
                        assessmentId,
                        username)
                .stream()
                .findFirst();
    }

    public List<Accommodation> accommodations(long assessmentId) {
        return jdbc.query(
                "SELECT * FROM assessment_accommodation WHERE assessment_id = ? ORDER BY username",
                ACCOMMODATION,
                assessmentId);
    }

    // ---- sessions

    private static final RowMapper<SessionRow> SESSION = (rs, n) -> new SessionRow(
            rs.getString("id"),
            rs.getLong("assessment_id"),
            rs.getString("username"),
            rs.getInt("attempt_no"),
            SessionStatus.valueOf(rs.getString("status")),
            rs.getInt("part"),
            instant(rs, "started_at"),
            instant(rs, "part_started_at"),
            instant(rs, "deadline"),
            rs.getInt("part_minutes"),
            rs.getInt("extra_time_percent"),
            rs.getInt("extended_minutes"),
            instant(rs, "last_activity_at"),
            instant(rs, "submitted_at"),
            rs.getString("submitted_by"),
            rs.getString("note"),
            integer(rs, "score"),
            integer(rs, "time_used_seconds"));

    public void insertSession(SessionRow s) {
        jdbc.update(
                "INSERT INTO exam_session (id, assessment_id, username, attempt_no, status, part, started_at,"
                        + " part_started_at, deadline, part_minutes, extra_time_percent, extended_minutes,"
                        + " last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.assessmentId(),
                s.username(),
                s.attemptNo(),
                s.status().name(),
                s.part(),
                ts(s.startedAt()),
                ts(s.partStartedAt()),
                ts(s.deadline()),
                s.partMinutes(),
                s.extraTimePercent(),
                s.extendedMinutes(),
                ts(s.lastActivityAt()));
    }

    /** Writes every changeable column of a session (the caller holds its row lock). */
    public void updateSession(SessionRow s) {
        jdbc.update(
                "UPDATE exam_session SET status = ?, part = ?, part_started_at = ?, deadline = ?, part_minutes = ?,"
                        + " extended_minutes = ?, last_activity_at = ?, submitted_at = ?, submitted_by = ?, note = ?,"
                        + " score = ?, time_used_seconds = ? WHERE id = ?",
                s.status().name(),
                s.part(),
                ts(s.partStartedAt()),
                ts(s.deadline()),
                s.partMinutes(),
                s.extendedMinutes(),
                ts(s.lastActivityAt()),
                ts(s.submittedAt()),
                s.submittedBy(),
                s.note(),
                s.score(),
                s.timeUsedSeconds(),
                s.id());
    }

    /** A running session's timing after its accommodation changed (the caller holds its row lock). */
    public void reschedule(String id, Instant deadline, int partMinutes, int extraTimePercent) {
        jdbc.update(
                "UPDATE exam_session SET deadline = ?, part_minutes = ?, extra_time_percent = ? WHERE id = ?",
                ts(deadline),
                partMinutes,
                extraTimePercent,
                id);
    }

    public Optional<SessionRow> session(String id) {
        return jdbc.query("SELECT * FROM exam_session WHERE id = ?", SESSION, id).stream()
                .findFirst();
    }

    /** The session with its row locked until the transaction ends (other servers wait). */
    public Optional<SessionRow> lockSession(String id) {
        return jdbc.query("SELECT * FROM exam_session WHERE id = ? FOR UPDATE", SESSION, id).stream()
                .findFirst();
    }

    /**
     * The student's own session with its row locked (the autosave path: one statement instead of a read and a
     * lock); empty for an unknown id or another student's session, which stays unlocked.
     */
    public Optional<SessionRow> lockOwnSession(String id, String username) {
        return jdbc
                .query("SELECT * FROM exam_session WHERE id = ? AND username = ? FOR UPDATE", SESSION, id, username)
                .stream()
                .findFirst();
    }

    /** Records the student's last activity (the caller holds the row lock). */
    public void touch(String id, Instant at) {
        jdbc.update("UPDATE exam_session SET last_activity_at = ? WHERE id = ?", ts(at), id);
    }

    /**
     * Claims up to {@code limit} sessions whose part or break has ended: locked for this transaction, skipping any
     * another server (or a student's request) holds, so each is advanced by exactly one.
     */
    public List<String> claimDue(Instant now, int limit) {
        return jdbc.queryForList(
                "SELECT id FROM exam_session WHERE status IN ('IN_PROGRESS', 'ON_BREAK') AND deadline <= ?"
                        + " ORDER BY deadline FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                String.class,
                ts(now));
    }

    public List<SessionRow> sessionsOf(long assessmentId) {
        return jdbc.query(
                "SELECT * FROM exam_session WHERE assessment_id = ? ORDER BY username, attempt_no",
                SESSION,
                assessmentId);
    }

    public List<SessionRow> sessionsOf(long assessmentId, String username) {
        return jdbc.query(
                "SELECT * FROM exam_session WHERE assessment_id = ? AND username = ? ORDER BY attempt_no",
                SESSION,
                assessmentId,
                username);
    }

    public List<SessionRow> sessionsOfUser(String username) {
        return jdbc.query("SELECT * FROM exam_session WHERE username = ? ORDER BY started_at", SESSION, username);
    }

    // ---- items

    private static final RowMapper<ItemRow> ITEM = (rs, n) -> new ItemRow(
            rs.getString("session_id"),
            rs.getInt("pos"),
            ItemType.valueOf(rs.getString("item_type")),
            rs.getString("item_ref"),
            rs.getString("item_domain"),
            rs.getInt("part"),
            rs.getString("option_order"),
            rs.getString("answer_key"),
            rs.getString("choice"),
            rs.getString("coding_json"),
            rs.getBoolean("flagged"),
            instant(rs, "answered_at"),
            integer(rs, "score"),
            rs.getString("result_json"));

    public void insertItems(List<ItemRow> items) {
        jdbc.batchUpdate(
                "INSERT INTO exam_session_item (session_id, pos, item_type, item_ref, item_domain, part, option_order,"
                        + " answer_key, flagged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                items.stream()
                        .map(i -> new Object[] {
                            i.sessionId(),
                            i.position(),
                            i.type().name(),
                            i.ref(),
                            i.domain(),
                            i.part(),
                            i.optionOrder(),
                            i.answerKey()
                        })
                        .toList());
    }

    /** Records the bank version each question item was drawn at (position → version). */
    public void recordItemVersions(String sessionId, java.util.Map<Integer, Integer> versionByPosition) {
        jdbc.batchUpdate(
                "UPDATE exam_session_item SET item_version = ? WHERE session_id = ? AND pos = ?",
                versionByPosition.entrySet().stream()
                        .map(e -> new Object[] {e.getValue(), sessionId, e.getKey()})
                        .toList());
    }

    /**
     * The bank version of each question item of a session (position → version); items stored before versions
     * were recorded are version 1.
     */
    public java.util.Map<Integer, Integer> itemVersions(String sessionId) {
        java.util.Map<Integer, Integer> out = new java.util.HashMap<>();
        jdbc.query(
                "SELECT pos, item_version FROM exam_session_item WHERE session_id = ? AND item_type = 'QUESTION'",
                rs -> {
                    Integer v = integer(rs, "item_version");
                    out.put(rs.getInt("pos"), v == null ? 1 : v);
                },
                sessionId);
        return out;
    }

    public List<ItemRow> items(String sessionId) {
        return jdbc.query("SELECT * FROM exam_session_item WHERE session_id = ? ORDER BY pos", ITEM, sessionId);
    }

    /** One item of a session (the autosave path reads only the item it changes). */
    public Optional<ItemRow> item(String sessionId, int position) {
        return jdbc
                .query("SELECT * FROM exam_session_item WHERE session_id = ? AND pos = ?", ITEM, sessionId, position)
                .stream()
                .findFirst();
    }

    public List<ItemRow> itemsOfAssessment(long assessmentId) {
        return jdbc.query(
                "SELECT i.* FROM exam_session_item i JOIN exam_session s ON s.id = i.session_id"
                        + " WHERE s.assessment_id = ? AND s.status = 'SUBMITTED' ORDER BY i.session_id, i.pos",
                ITEM,
                assessmentId);
    }

    /** Every item of every submitted session (the bank-wide item analysis). */
    public List<ItemRow> itemsOfSubmittedSessions() {
        return jdbc.query(
                "SELECT i.* FROM exam_session_item i JOIN exam_session s ON s.id = i.session_id"
                        + " WHERE s.status = 'SUBMITTED' ORDER BY i.session_id, i.pos",
                ITEM);
    }

    public void saveAnswer(
            String sessionId, int position, String choice, String codingJson, boolean flagged, Instant at) {
        jdbc.update(
                "UPDATE exam_session_item SET choice = ?, coding_json = ?, flagged = ?, answered_at = ?"
                        + " WHERE session_id = ? AND pos = ?",
                choice,
                codingJson,
                flagged,
                ts(at),
                sessionId,
                position);
    }

    public void scoreItem(String sessionId, int position, int score, String resultJson) {
        jdbc.update(
                "UPDATE exam_session_item SET score = ?, result_json = ? WHERE session_id = ? AND pos = ?",
                score,
                resultJson,
                sessionId,
                position);
    }

    // ---- events

    public void event(Event e) {
        jdbc.update(
                "INSERT INTO exam_session_event (session_id, kind, happened_at, actor, server_name, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                e.sessionId(),
                e.kind(),
                ts(e.at()),
                e.actor(),
                e.server(),
                e.detail());
    }

    public List<Event> events(String sessionId) {
        return jdbc.query(
                "SELECT * FROM exam_session_event WHERE session_id = ? ORDER BY id",
                (rs, n) -> new Event(
                        rs.getString("session_id"),
                        rs.getString("kind"),
                        instant(rs, "happened_at"),
                        rs.getString("actor"),
                        rs.getString("server_name"),
                        rs.getString("detail")),
                sessionId);
    }
}
