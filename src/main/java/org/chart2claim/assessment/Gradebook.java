package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chart2claim.assessment.ExamRecords.SessionRow;

/**
 * A cohort's gradebook, plain Java: one row per student, one column per exam and per scenario. An exam cell holds
 * the best and the last submitted score, the time the last one used, and marks: {@code auto} (the deadline
 * submitted it), {@code closed} (a proctor closed it), {@code accommodated} (the student has an accommodation),
 * {@code running} (a session is in progress). A scenario cell holds the practice score that counts (the first graded
 * attempt). Exports as CSV.
 */
public final class Gradebook {

    private Gradebook() {}

    public record Column(String kind, String id, String title) {}

    public record ExamCell(Integer best, Integer last, Integer timeUsedSeconds, int attempts, List<String> marks) {
        public String text() {
            if (attempts == 0 && marks.isEmpty()) {
                return "";
            }
            String score =
                    best == null ? "–" : best + (last != null && !last.equals(best) ? " (last " + last + ")" : "");
            return marks.isEmpty() ? score : score + " [" + String.join(", ", marks) + "]";
        }
    }

    public record Row(String username, Map<String, ExamCell> exams, Map<String, Integer> scenarios) {}

    public record Table(List<Column> columns, List<Row> rows) {}

    /** The cell of one student's sessions of one exam. */
    public static ExamCell cell(List<SessionRow> sessions, boolean accommodated) {
        Integer best = null;
        Integer last = null;
        Integer time = null;
        List<String> marks = new ArrayList<>();
        for (SessionRow s : sessions) {
            if (s.status() != SessionStatus.SUBMITTED) {
                addOnce(marks, "running");
                continue;
            }
            if (s.score() != null && (best == null || s.score() > best)) {
                best = s.score();
            }
            last = s.score();
            time = s.timeUsedSeconds();
            if (ExamSessionService.BY_AUTO.equals(s.submittedBy())) {
                addOnce(marks, "auto");
            }
            if (ExamSessionService.BY_PROCTOR.equals(s.submittedBy())) {
                addOnce(marks, "closed");
            }
            if (s.extendedMinutes() > 0) {
                addOnce(marks, "extended");
            }
        }
        if (accommodated) {
            marks.add("accommodated");
        }
        return new ExamCell(best, last, time, sessions.size(), marks);
    }

    private static void addOnce(List<String> marks, String mark) {
        if (!marks.contains(mark)) {
            marks.add(mark);
        }
    }

    /**
     * Builds the table. {@code sessions} maps exam id → that exam's sessions; {@code accommodated} holds
     * "examId|username" keys; {@code practice} maps username → scenario id → counted score.
     */
    public static Table build(
            List<String> students,
            List<Column> exams,
            Map<String, List<SessionRow>> sessions,
            Set<String> accommodated,
            List<Column> scenarios,
            Map<String, Map<String, Integer>> practice) {
        List<Column> columns = new ArrayList<>(exams);
        columns.addAll(scenarios);
        List<Row> rows = new ArrayList<>();
        for (String student : students) {
            Map<String, ExamCell> cells = new LinkedHashMap<>();
            for (Column exam : exams) {
                List<SessionRow> mine = sessions.getOrDefault(exam.id(), List.of()).stream()
                        .filter(s -> s.username().equalsIgnoreCase(student))
                        .toList();
                cells.put(exam.id(), cell(mine, accommodated.contains(exam.id() + "|" + student)));
            }
            Map<String, Integer> scores = new LinkedHashMap<>();
            Map<String, Integer> own = practice.getOrDefault(student, Map.of());
            for (Column scenario : scenarios) {
                scores.put(scenario.id(), own.get(scenario.id()));
            }
            rows.add(new Row(student, cells, scores));
        }
        return new Table(columns, rows);
    }

    /** The table as CSV (RFC 4180 quoting): best, last and time columns per exam, the counted score per scenario. */
    public static String csv(Table table) {
        StringBuilder out = new StringBuilder("student");
        for (Column c : table.columns()) {
            if (c.kind().equals("exam")) {
                out.append(',')
                        .append(quote(c.title() + " best"))
                        .append(',')
                        .append(quote(c.title() + " last"))
                        .append(',')
                        .append(quote(c.title() + " minutes used"))
                        .append(',')
                        .append(quote(c.title() + " marks"));
            } else {
                out.append(',').append(quote(c.title()));
            }
        }
        out.append("\r\n");
        for (Row row : table.rows()) {
            out.append(quote(row.username()));
            for (Column c : table.columns()) {
                if (c.kind().equals("exam")) {
                    ExamCell cell = row.exams().get(c.id());
                    out.append(',')
                            .append(value(cell.best()))
                            .append(',')
                            .append(value(cell.last()))
                            .append(',')
                            .append(
                                    cell.timeUsedSeconds() == null
                                            ? ""
                                            : String.valueOf(Math.round(cell.timeUsedSeconds() / 60.0)))
                            .append(',')
                            .append(quote(String.join(" ", cell.marks())));
                } else {
                    out.append(',').append(value(row.scenarios().get(c.id())));
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String value(Integer v) {
        return v == null ? "" : v.toString();
    }

    /** Quotes a CSV field; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
    static String quote(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
