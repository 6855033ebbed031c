package org.chart2claim.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chart2claim.scenario.Scenario;

/**
 * The editor's form model: every simple field under its path in the file format ({@code patient.address.city},
 * the same path the validator names in its errors, so an error lands next to its field), the note, and the key
 * as lists. {@link #toText()} writes the scenario file (YAML front matter + note) that the one parser and
 * validator then check, so the form never has rules of its own. Plain Java.
 */
public final class ScenarioForm {

    /** The simple fields, in the order the file and the form show them. */
    public static final List<String> FIELDS = List.of(
            "id",
            "title",
            "specialty",
            "difficulty",
            "tags",
            "codeSetYear",
            "setting",
            "placeOfService",
            "dateOfService",
            "patient.name",
            "patient.dateOfBirth",
            "patient.sex",
            "patient.address.line1",
            "patient.address.line2",
            "patient.address.city",
            "patient.address.state",
            "patient.address.zip",
            "patient.memberId",
            "payer.id",
            "payer.plan",
            "renderingProvider.name",
            "renderingProvider.npi",
            "billingProvider.name",
            "billingProvider.npi",
            "billingProvider.taxId",
            "referringProvider.name",
            "referringProvider.npi",
            "priorAuthorization",
            "author",
            "review.by",
            "review.on",
            "review.notes");

    /** A key diagnosis in reporting order. */
    public record Diagnosis(String code, String rationale) {}

    /** A key claim line; pointers are 1-based indexes into the diagnoses. */
    public record Line(String code, List<String> modifiers, int units, List<Integer> pointers, String rationale) {
        public Line {
            modifiers = List.copyOf(modifiers);
            pointers = List.copyOf(pointers);
        }
    }

    /** A common wrong answer and why; {@code invalid} for a code that does not exist on purpose. */
    public record Mistake(String answer, String why, boolean invalid) {}

    /**
     * Another complete set of claim lines that earns full credit ({@code key.alternatives}): why both forms are
     * accepted, and its lines as typed.
     */
    public record Alternative(String why, List<AlternativeLine> lines) {
        public Alternative {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A claim line of an alternative form as typed in the form: modifiers and pointers comma separated, units as
     * text, so a wrong entry reaches the validator and comes back as an error on its field.
     */
    public record AlternativeLine(String code, String modifiers, String units, String pointers, String rationale) {}

    private final Map<String, String> values = new LinkedHashMap<>();
    private String note = "";
    private List<Diagnosis> diagnoses = List.of();
    private List<Line> procedures = List.of();
    private List<Mistake> mistakes = List.of();
    private String optionalCodes = "";
    private List<Alternative> alternatives = List.of();

    /** A new scenario with the usual defaults (office visit, current code-set year). */
    public static ScenarioForm blank() {
        ScenarioForm form = new ScenarioForm();
        form.set("difficulty", "1");
        form.set("codeSetYear", "FY2026");
        form.set("setting", "Office");
        form.set("placeOfService", "11");
        form.set("payer.id", "ppo-sim");
        return form;
    }

    /** The form of a published (or parsed) scenario: {@code of(s).toText()} parses back to the same scenario. */
    public static ScenarioForm of(Scenario s) {
        ScenarioForm f = new ScenarioForm();
        f.set("id", s.id());
        f.set("title", s.title());
        f.set("specialty", s.specialty());
        f.set("difficulty", String.valueOf(s.difficulty()));
        f.set("tags", String.join(", ", s.tags()));
        f.set("codeSetYear", s.codeSetYear());
        f.set("setting", s.setting());
        f.set("placeOfService", s.placeOfService());
        f.set("dateOfService", String.valueOf(s.dateOfService()));
        Scenario.Patient p = s.patient();
        f.set("patient.name", p.name());
        f.set("patient.dateOfBirth", String.valueOf(p.dateOfBirth()));
        f.set("patient.sex", p.sex());
        f.set("patient.address.line1", p.address().line1());
        f.set("patient.address.line2", p.address().line2());
        f.set("patient.address.city", p.address().city());
        f.set("patient.address.state", p.address().state());
        f.set("patient.address.zip", p.address().zip());
        f.set("patient.memberId", p.memberId());
        f.set("payer.id", s.payer().id());
        f.set("payer.plan", s.payer().plan());
        f.set("renderingProvider.name", s.renderingProvider().name());
        f.set("renderingProvider.npi", s.renderingProvider().npi());
        f.set("billingProvider.name", s.billingProvider().name());
        f.set("billingProvider.npi", s.billingProvider().npi());
        f.set("billingProvider.taxId", s.billingProvider().taxId());
        s.referring().ifPresent(r -> {
            f.set("referringProvider.name", r.name());
            f.set("referringProvider.npi", r.npi());
        });
        f.set("priorAuthorization", s.priorAuthorization());
        f.set("author", s.author());
        if (s.review() != null) {
            f.set("review.by", s.review().by());
            f.set("review.on", s.review().on() == null ? null : s.review().on().toString());
            f.set("review.notes", s.review().notes());
        }
        f.note = s.noteMarkdown();
        f.diagnoses = s.key().diagnoses().stream()
                .map(d -> new Diagnosis(d.code(), d.rationale()))
                .toList();
        f.procedures = s.key().procedures().stream()
                .map(l -> new Line(l.code(), l.modifiers(), l.units(), l.pointers(), l.rationale()))
                .toList();
        f.mistakes = s.key().commonMistakes().stream()
                .map(m -> new Mistake(m.answer(), m.why(), m.invalid()))
                .toList();
        f.optionalCodes =
                String.join(", ", s.key().optionalCodes().stream().sorted().toList());
        f.alternatives = s.key().alternatives().stream()
                .map(a -> new Alternative(
                        a.why(),
                        a.procedures().stream()
                                .map(l -> new AlternativeLine(
                                        l.code(),
                                        String.join(", ", l.modifiers()),
                                        String.valueOf(l.units()),
                                        l.pointers().stream()
                                                .map(String::valueOf)
                                                .collect(Collectors.joining(", ")),
                                        l.rationale()))
                                .toList()))
                .toList();
        return f;
    }

    public String get(String path) {
        return values.getOrDefault(path, "");
    }

    public void set(String path, String value) {
        if (!FIELDS.contains(path)) {
            throw new IllegalArgumentException("no form field " + path);
        }
        values.put(path, value == null ? "" : value.strip());
    }

    public String note() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }

    public List<Diagnosis> diagnoses() {
        return diagnoses;
    }

    public List<Line> procedures() {
        return procedures;
    }

    /** The key's codes in order (the cart's content), each with its rationale. */
    public void setKey(List<Diagnosis> diagnoses, List<Line> procedures) {
        this.diagnoses = List.copyOf(diagnoses);
        this.procedures = List.copyOf(procedures);
    }

    public List<Mistake> mistakes() {
        return mistakes;
    }

    public void setMistakes(List<Mistake> mistakes) {
        this.mistakes = List.copyOf(mistakes);
    }

    /** {@code key.optionalCodes} as typed: codes separated by commas (accepted without credit or penalty). */
    public String optionalCodes() {
        return optionalCodes;
    }

    public void setOptionalCodes(String codes) {
        this.optionalCodes = codes == null ? "" : codes.strip();
    }

    /** {@code key.alternatives}: other accepted forms of the claim lines. */
    public List<Alternative> alternatives() {
        return alternatives;
    }

    public void setAlternatives(List<Alternative> alternatives) {
        this.alternatives = List.copyOf(alternatives);
    }

    /** The scenario file: YAML front matter in the shipped files' style, then the note. */
    public String toText() {
        StringBuilder y = new StringBuilder("---\n");
        scalar(y, "id");
        scalar(y, "title");
        scalar(y, "specialty");
        number(y, "difficulty", get("difficulty"));
        scalar(y, "author");
        if (!get("tags").isBlank()) {
            y.append("tags: [")
                    .append(commaList(get("tags")).stream()
                            .map(ScenarioForm::quote)
                            .collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        scalar(y, "codeSetYear");
        scalar(y, "setting");
        scalar(y, "placeOfService");
        date(y, "dateOfService", get("dateOfService"));
        y.append("patient: {")
                .append(pairs(
                        "name", "patient.name",
                        "dateOfBirth", "patient.dateOfBirth",
                        "sex", "patient.sex"));
        y.append(", address: {")
                .append(pairs(
                        "line1", "patient.address.line1",
                        "line2", "patient.address.line2",
                        "city", "patient.address.city",
                        "state", "patient.address.state",
                        "zip", "patient.address.zip"))
                .append("}");
        String member = pairs("memberId", "patient.memberId");
        y.append(member.isEmpty() ? "" : ", " + member).append("}\n");
        y.append("payer: {")
                .append(pairs("id", "payer.id", "plan", "payer.plan"))
                .append("}\n");
        y.append("renderingProvider: {")
                .append(pairs("name", "renderingProvider.name", "npi", "renderingProvider.npi"))
                .append("}\n");
        y.append("billingProvider: {")
                .append(pairs(
                        "name", "billingProvider.name",
                        "npi", "billingProvider.npi",
                        "taxId", "billingProvider.taxId"))
                .append("}\n");
        if (!get("referringProvider.name").isBlank()
                || !get("referringProvider.npi").isBlank()) {
            y.append("referringProvider: {")
                    .append(pairs("name", "referringProvider.name", "npi", "referringProvider.npi"))
                    .append("}\n");
        }
        scalar(y, "priorAuthorization");
        if (!get("review.by").isBlank() || !get("review.on").isBlank()) {
            y.append("review: {").append(pairs("by", "review.by"));
            if (!get("review.on").isBlank()) {
                y.append(", on: ").append(dateValue(get("review.on")));
            }
            y.append(", checklist: REVIEW.md");
            String notes = pairs("notes", "review.notes");
            y.append(notes.isEmpty() ? "" : ", " + notes).append("}\n");
        }
        y.append("key:\n  diagnoses:\n");
        for (Diagnosis d : diagnoses) {
            y.append("    - {code: ").append(quote(d.code())).append(", rationale: ");
            y.append(quote(d.rationale())).append("}\n");
        }
        y.append("  procedures:\n");
        procedures.forEach(l -> line(y, "    ", l.code(), l.modifiers(), l.units(), l.pointers(), l.rationale()));
        List<String> optional = commaList(optionalCodes);
        if (!optional.isEmpty()) {
            y.append("  optionalCodes: [")
                    .append(optional.stream().map(ScenarioForm::quote).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        if (!mistakes.isEmpty()) {
            y.append("  commonMistakes:\n");
            for (Mistake m : mistakes) {
                y.append("    - {answer: ")
                        .append(quote(m.answer()))
                        .append(", why: ")
                        .append(quote(m.why()));
                y.append(m.invalid() ? ", invalid: true}\n" : "}\n");
            }
        }
        if (!alternatives.isEmpty()) {
            y.append("  alternatives:\n");
            for (Alternative a : alternatives) {
                y.append("    - why: ").append(quote(a.why())).append("\n      procedures:");
                y.append(a.lines().isEmpty() ? " []\n" : "\n");
                for (AlternativeLine l : a.lines()) {
                    y.append("        - {code: ")
                            .append(quote(l.code()))
                            .append(", modifiers: [")
                            .append(commaList(l.modifiers()).stream()
                                    .map(ScenarioForm::quote)
                                    .collect(Collectors.joining(", ")))
                            .append("]");
                    if (!nz(l.units()).isBlank()) {
                        y.append(", units: ").append(numberOrQuoted(l.units()));
                    }
                    y.append(", pointers: [")
                            .append(commaList(l.pointers()).stream()
                                    .map(ScenarioForm::numberOrQuoted)
                                    .collect(Collectors.joining(", ")))
                            .append("], rationale: ")
                            .append(quote(l.rationale()))
                            .append("}\n");
                }
            }
        }
        y.append("---\n").append(note.strip()).append("\n");
        return y.toString();
    }

    private static void line(
            StringBuilder y,
            String indent,
            String code,
            List<String> modifiers,
            int units,
            List<Integer> pointers,
            String rationale) {
        y.append(indent)
                .append("- {code: ")
                .append(quote(code))
                .append(", modifiers: [")
                .append(modifiers.stream().map(ScenarioForm::quote).collect(Collectors.joining(", ")))
                .append("], units: ")
                .append(units)
                .append(", pointers: [")
                .append(pointers.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append("], rationale: ")
                .append(quote(rationale))
                .append("}\n");
    }

    private void scalar(StringBuilder y, String path) {
        if (!get(path).isBlank()) {
            y.append(path).append(": ").append(quote(get(path))).append('\n');
        }
    }

    /** A whole number stays a number; anything else is quoted so the validator names the field's type. */
    private static void number(StringBuilder y, String name, String value) {
        if (!value.isBlank()) {
            y.append(name).append(": ").append(numberOrQuoted(value)).append('\n');
        }
    }

    private static String numberOrQuoted(String value) {
        String v = value.strip();
        return v.matches("\\d{1,6}") ? v : quote(v);
    }

    /** The non-blank items of a comma-separated entry. */
    private static List<String> commaList(String text) {
        return java.util.Arrays.stream(nz(text).split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void date(StringBuilder y, String name, String value) {
        if (!value.isBlank()) {
            y.append(name).append(": ").append(dateValue(value)).append('\n');
        }
    }

    private static String dateValue(String value) {
        return value.matches("\\d{4}-\\d{2}-\\d{2}") ? value : quote(value);
    }

    /** {@code key: value} pairs of the non-blank fields (dates unquoted, everything else quoted). */
    private String pairs(String... keyAndPath) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keyAndPath.length; i += 2) {
            String value = get(keyAndPath[i + 1]);
            if (!value.isBlank()) {
                boolean isDate = keyAndPath[i].equals("dateOfBirth");
                out.add(keyAndPath[i] + ": " + (isDate ? dateValue(value) : quote(value)));
            }
        }
        return String.join(", ", out);
    }

    /** A YAML double-quoted scalar (JSON escaping is valid YAML). */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
