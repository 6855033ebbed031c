package org.chart2claim.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chart2claim.scenario.AnswerKey;

/**
 * What a learner submits (and the shape of the key as the API shows it to instructors):
 * {@code {"diagnoses":["E11.9"],"procedures":[{"code":"99213","modifiers":["25"],"units":1,"pointers":[1]}]}}.
 * Null lists become empty and codes are trimmed and upper-cased, so sloppy input grades instead of failing.
 */
public record CodingAnswer(List<String> diagnoses, List<Line> procedures) {

    /** Hard limits that keep a hostile request small; a real claim holds 12 diagnoses and a few lines. */
    public static final int MAX_DIAGNOSES = 12;

    public static final int MAX_LINES = 50;

    public static final int MAX_UNITS = 9999;

    public CodingAnswer {
        List<String> dx = new ArrayList<>();
        for (String code : diagnoses == null ? List.<String>of() : diagnoses) {
            if (code != null && !code.isBlank() && dx.size() < MAX_DIAGNOSES) {
                dx.add(normalize(code));
            }
        }
        diagnoses = List.copyOf(dx);
        List<Line> lines = new ArrayList<>();
        for (Line line : procedures == null ? List.<Line>of() : procedures) {
            if (line != null && line.code() != null && !line.code().isBlank() && lines.size() < MAX_LINES) {
                lines.add(line);
            }
        }
        procedures = List.copyOf(lines);
    }

    /**
     * Why this answer cannot be graded or billed, empty when it can: it must carry at least one code, and
     * every line's units must be 1–9999 (a negative or zero count is refused, not read as 1).
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (diagnoses.isEmpty() && procedures.isEmpty()) {
            problems.add("The answer has no codes: give at least one diagnosis or procedure code.");
        }
        for (int i = 0; i < procedures.size(); i++) {
            int units = procedures.get(i).units();
            if (units < 1 || units > MAX_UNITS) {
                problems.add("Line " + (i + 1) + " (" + procedures.get(i).code() + "): units must be 1–" + MAX_UNITS
                        + ", not " + units + ".");
            }
        }
        return problems;
    }

    public static CodingAnswer empty() {
        return new CodingAnswer(List.of(), List.of());
    }

    /** The key in answer shape: posting it back scores 100. */
    public static CodingAnswer fromKey(AnswerKey key) {
        return new CodingAnswer(
                key.diagnoses().stream().map(AnswerKey.Diagnosis::code).toList(),
                key.procedures().stream()
                        .map(p -> new Line(p.code(), p.modifiers(), p.units(), p.pointers()))
                        .toList());
    }

    static String normalize(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        return c.length() > 16 ? c.substring(0, 16) : c;
    }

    /** One claim line: code, up to four modifiers, units (1 when left out) and 1-based diagnosis pointers. */
    public record Line(String code, List<String> modifiers, Integer units, List<Integer> pointers) {
        public Line {
            code = code == null ? "" : normalize(code);
            List<String> mods = new ArrayList<>();
            for (String m : modifiers == null ? List.<String>of() : modifiers) {
                if (m != null && !m.isBlank() && mods.size() < 4) {
                    mods.add(normalize(m));
                }
            }
            modifiers = List.copyOf(mods);
            units = units == null ? 1 : units;
            List<Integer> ptrs = new ArrayList<>();
            for (Integer p : pointers == null ? List.<Integer>of() : pointers) {
                if (p != null && ptrs.size() < 4) {
                    ptrs.add(p);
                }
            }
            pointers = List.copyOf(ptrs);
        }
    }
}
