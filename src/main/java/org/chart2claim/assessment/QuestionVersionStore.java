package org.chart2claim.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The question bank's versions ({@code question_version}: written once, never updated) and its catalogue rows
 * ({@code question_entry}: current version, owner, retired) over plain JDBC. Callers hold the transaction.
 */
@Repository
public class QuestionVersionStore {

    public enum Source {
        FILE,
        AUTHORED
    }

    /** One stored version of a question: the text of a one-question bank file. */
    public record VersionRow(
            String questionId,
            int version,
            Source source,
            String fileText,
            String contentHash,
            String publishedBy,
            String changeNote,
            Instant publishedAt) {}

    /** The catalogue row of a question. */
    public record Entry(String questionId, String domain, int currentVersion, String owner, boolean retired) {}

    private static final RowMapper<VersionRow> VERSION = (rs, n) -> new VersionRow(
            rs.getString("question_id"),
            rs.getInt("version"),
            Source.valueOf(rs.getString("source")),
            rs.getString("file_text"),
            rs.getString("content_hash"),
            rs.getString("published_by"),
            rs.getString("change_note"),
            ExamStore.instant(rs, "published_at"));

    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(
            rs.getString("question_id"),
            rs.getString("domain"),
            rs.getInt("current_version"),
            rs.getString("owner"),
            rs.getBoolean("retired"));

    private final JdbcTemplate jdbc;

    public QuestionVersionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<VersionRow> allVersions() {
        return jdbc.query("SELECT * FROM question_version ORDER BY question_id, version", VERSION);
    }

    public List<VersionRow> versions(String questionId) {
        return jdbc.query("SELECT * FROM question_version WHERE question_id = ? ORDER BY version", VERSION, questionId);
    }

    public Optional<VersionRow> version(String questionId, int version) {
        return jdbc
                .query(
                        "SELECT * FROM question_version WHERE question_id = ? AND version = ?",
                        VERSION,
                        questionId,
                        version)
                .stream()
                .findFirst();
    }

    public Optional<VersionRow> latest(String questionId) {
        return jdbc
                .query(
                        "SELECT * FROM question_version WHERE question_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS"
                                + " ONLY",
                        VERSION,
                        questionId)
                .stream()
                .findFirst();
    }

    public void insert(VersionRow v) {
        String note = v.changeNote() == null || v.changeNote().length() <= 1000
                ? v.changeNote()
                : v.changeNote().substring(0, 1000);
        jdbc.update(
                "INSERT INTO question_version (question_id, version, source, file_text, content_hash, published_by,"
                        + " change_note, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                v.questionId(),
                v.version(),
                v.source().name(),
                v.fileText(),
                v.contentHash(),
                v.publishedBy(),
                note,
                ExamStore.ts(v.publishedAt()));
    }

    public List<Entry> entries() {
        return jdbc.query("SELECT * FROM question_entry", ENTRY);
    }

    public Optional<Entry> entry(String questionId) {
        return jdbc.query("SELECT * FROM question_entry WHERE question_id = ?", ENTRY, questionId).stream()
                .findFirst();
    }

    /** Inserts or updates the catalogue row (the owner, once set, stays). */
    public void saveEntry(Entry e) {
        Instant now = Instant.now();
        int updated = jdbc.update(
                "UPDATE question_entry SET domain = ?, current_version = ?, owner = COALESCE(owner, ?), retired = ?,"
                        + " updated_at = ? WHERE question_id = ?",
                e.domain(),
                e.currentVersion(),
                e.owner(),
                e.retired(),
                ExamStore.ts(now),
                e.questionId());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO question_entry (question_id, domain, current_version, owner, retired, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    e.questionId(),
                    e.domain(),
                    e.currentVersion(),
                    e.owner(),
                    e.retired(),
                    ExamStore.ts(now));
        }
    }
}
