package org.chart2claim.scenario;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.standard.Npi;
import org.chart2claim.standard.PayerIds;
import org.chart2claim.standard.PlaceOfService;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads one scenario file (YAML front matter between {@code ---} lines, then the Markdown note) and checks
 * everything that does not need the code books: required fields, formats, NPIs, pointers. Collects all
 * problems of a file before failing so an author can fix them in one pass. Plain Java, no Spring.
 */
public final class ScenarioParser {

    private static final Pattern FRONT_MATTER =
            Pattern.compile("\\A\\uFEFF?---\\R(.*?)\\R---\\R?(.*)\\z", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CODE_SET_YEAR = Pattern.compile("FY\\d{4}");
    private static final Pattern TAX_ID = Pattern.compile("\\d{2}-\\d{7}");
    private static final Set<String> SEXES = Set.of("F", "M", "U");
    /** The checklist a review must name (scenarios/REVIEW.md). */
    public static final String REVIEW_CHECKLIST = "REVIEW.md";
    /** Upper bound on a file: far above any real note, protects the loader from a runaway file. */
    public static final int MAX_FILE_CHARS = 200_000;

    private ScenarioParser() {}

    public static Scenario parse(String fileName, String text) throws ScenarioFormatException {
        if (text == null || text.isBlank()) {
            throw new ScenarioFormatException(List.of("the file is empty"));
        }
        if (text.length() > MAX_FILE_CHARS) {
            throw new ScenarioFormatException(List.of("the file is larger than " + MAX_FILE_CHARS + " characters"));
        }
        Matcher m = FRONT_MATTER.matcher(text);
        if (!m.matches()) {
            throw new ScenarioFormatException(
                    List.of(
                            "no YAML front matter: the file must start with a '---' line and the front matter must end with another '---' line"));
        }
        List<String> hostile = hostileContent(text);
        if (!hostile.isEmpty()) {
            throw new ScenarioFormatException(hostile);
        }
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10); // no alias bombs
            options.setAllowDuplicateKeys(false);
            String anchor = firstAnchor(m.group(1), options);
            if (anchor != null) {
                throw new ScenarioFormatException(List.of(anchor));
            }
            root = new Yaml(new SafeConstructor(options)).load(m.group(1));
        } catch (YAMLException e) {
            throw new ScenarioFormatException(List.of(yamlLine(e) + "front matter is not valid YAML: "
                    + firstLine(e instanceof MarkedYAMLException marked ? marked.getProblem() : e.getMessage())));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ScenarioFormatException(List.of("front matter must be a YAML mapping of fields"));
        }
        return new Reader(fileName, map, m.group(2).strip(), sha256(text)).read();
    }

    /** Scenario text is Markdown and YAML only: markup that a page could run never gets in (line-numbered). */
    private static final Pattern RAW_HTML = Pattern.compile("</?[A-Za-z!?][^>\\n]{0,40}");

    private static final Pattern SCRIPT_URL =
            Pattern.compile("(?i)\\b(?:java|vb)script\\s*:|\\bdata\\s*:\\s*text/html|\\bon[a-z]{3,20}\\s*=");

    private static List<String> hostileContent(String text) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length && problems.size() < 10; i++) {
            Matcher html = RAW_HTML.matcher(lines[i]);
            if (html.find()) {
                problems.add("line " + (i + 1) + ": raw HTML ('" + html.group().strip()
                        + "') is not allowed in a scenario; write the note in Markdown");
            }
            Matcher script = SCRIPT_URL.matcher(lines[i]);
            if (script.find()) {
                problems.add("line " + (i + 1) + ": '" + script.group().strip()
                        + "' is not allowed in a scenario (script links and event handlers are refused)");
            }
        }
        return problems;
    }

    /**
     * Scenario files never need YAML anchors or aliases ({@code &a}, {@code *a}); refusing them all closes the
     * alias-expansion ("billion laughs") door whatever the alias limit.
     */
    private static String firstAnchor(String yaml, LoaderOptions options) {
        for (Event event : new Yaml(new SafeConstructor(options)).parse(new StringReader(yaml))) {
            boolean alias = event instanceof AliasEvent;
            boolean anchored = event instanceof NodeEvent node && node.getAnchor() != null;
            if (alias || anchored) {
                return "line " + (event.getStartMark().getLine() + 2)
                        + ": YAML anchors and aliases (&name, *name) are not allowed in scenario files";
            }
        }
        return null;
    }

    /** "line N: " of a YAML error in file lines (the front matter starts on line 2), or nothing. */
    private static String yamlLine(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return "line " + (marked.getProblemMark().getLine() + 2) + ": ";
        }
        return "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        return s.lines().limit(3).reduce((a, b) -> a + " " + b.strip()).orElse(s);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for a top-level field of the format ({@code patient}, {@code key}, ...). */
    public static boolean isField(String name) {
        return ROOT_FIELDS.contains(name);
    }

    /** Normalises a procedure or diagnosis code the way the key and answers are compared (upper case, trimmed). */
    public static String normalizeCode(Object code) {
        return code == null ? "" : code.toString().trim().toUpperCase(Locale.ROOT);
    }

    private static final List<String> ROOT_FIELDS = List.of(
            "id",
            "title",
            "specialty",
            "difficulty",
            "author",
            "tags",
            "codeSetYear",
            "setting",
            "placeOfService",
            "dateOfService",
            "patient",
            "payer",
            "renderingProvider",
            "billingProvider",
            "referringProvider",
            "priorAuthorization",
            "key",
            "review");
    private static final List<String> PATIENT_FIELDS = List.of("name", "dateOfBirth", "sex", "address", "memberId");
    private static final List<String> ADDRESS_FIELDS = List.of("line1", "line2", "city", "state", "zip");
    private static final List<String> PAYER_FIELDS = List.of("id", "plan");
    private static final List<String> PROVIDER_FIELDS = List.of("name", "npi", "taxId");
    private static final List<String> KEY_FIELDS =
            List.of("diagnoses", "procedures", "optionalCodes", "commonMistakes", "alternatives");
    private static final List<String> DIAGNOSIS_FIELDS = List.of("code", "rationale");
    private static final List<String> LINE_FIELDS = List.of("code", "modifiers", "units", "pointers", "rationale");
    private static final List<String> MISTAKE_FIELDS = List.of("answer", "why", "invalid");
    private static final List<String> ALTERNATIVE_FIELDS = List.of("why", "procedures");
    private static final List<String> REVIEW_FIELDS = List.of("by", "on", "checklist", "notes");

    /** Walks the YAML tree, collecting problems as it goes. */
    private static final class Reader {
        private final String fileName;
        private final Map<?, ?> root;
        private final String note;
        private final String hash;
        private final List<String> problems = new ArrayList<>();

        Reader(String fileName, Map<?, ?> root, String note, String hash) {
            this.fileName = fileName;
            this.root = root;
            this.note = note;
            this.hash = hash;
        }

        Scenario read() throws ScenarioFormatException {
            known(root, "", ROOT_FIELDS);
            String id = text(root, "id", true);
            if (id != null && !ID.matcher(id).matches()) {
                problems.add("id '" + id + "' must be kebab-case (lower-case letters, digits and single hyphens)");
            }
            String title = text(root, "title", true);
            String specialty = text(root, "specialty", true);
            int difficulty = integer(root, "difficulty", "difficulty");
            if (difficulty != Integer.MIN_VALUE && (difficulty < 1 || difficulty > 3)) {
                problems.add("difficulty must be 1, 2 or 3, not " + difficulty);
            }
            List<String> tags = stringList(root.get("tags"), "tags");
            String codeSetYear = text(root, "codeSetYear", true);
            if (codeSetYear != null && !CODE_SET_YEAR.matcher(codeSetYear).matches()) {
                problems.add("codeSetYear must look like FY2026, not '" + codeSetYear + "'");
            }
            String setting = text(root, "setting", true);
            String pos = text(root, "placeOfService", true);
            if (pos != null && !PlaceOfService.isValid(pos)) {
                problems.add("placeOfService must be a two-digit code in quotes (e.g. \"11\"), not '" + pos + "'");
            }
            LocalDate dos = date(root.get("dateOfService"), "dateOfService");
            Scenario.Patient patient = patient(root.get("patient"));
            Scenario.PayerRef payer = payer(root.get("payer"));
            Scenario.Provider rendering = provider(root.get("renderingProvider"), "renderingProvider", true, false);
            Scenario.Provider billing = provider(root.get("billingProvider"), "billingProvider", true, true);
            Scenario.Provider referring = provider(root.get("referringProvider"), "referringProvider", false, false);
            String priorAuth = text(root, "priorAuthorization", false);
            AnswerKey key = key(root.get("key"));
            String author = text(root, "author", false);
            Scenario.Review review = review(root.get("review"));
            if (author != null && review == null) {
                problems.add("a scenario with an author needs a review: {by, on, checklist: " + REVIEW_CHECKLIST
                        + "} by someone other than the author (see scenarios/REVIEW.md)");
            }
            if (author != null
                    && review != null
                    && review.by() != null
                    && review.by().equalsIgnoreCase(author)) {
                problems.add("review.by must be someone other than the author (" + author + ")");
            }
            if (note.isBlank()) {
                problems.add("the clinical note (Markdown after the front matter) is empty");
            }
            if (patient != null
                    && dos != null
                    && patient.dateOfBirth() != null
                    && patient.dateOfBirth().isAfter(dos)) {
                problems.add("patient.dateOfBirth is after the date of service");
            }
            if (!problems.isEmpty()) {
                throw new ScenarioFormatException(problems);
            }
            return new Scenario(
                    id,
                    title,
                    specialty,
                    difficulty,
                    tags,
                    codeSetYear,
                    setting,
                    pos,
                    dos,
                    patient,
                    payer,
                    rendering,
                    billing,
                    referring,
                    priorAuth,
                    key,
                    note,
                    fileName == null ? id + ".md" : fileName,
                    hash,
                    author,
                    review,
                    0);
        }

        /** A field the format does not know is a typo or an attempt to smuggle data in: refused, by name. */
        private void known(Map<?, ?> map, String path, List<String> fields) {
            if (map == null) {
                return;
            }
            for (Object key : map.keySet()) {
                // YAML 1.1 reads a bare `on` key (review.on) as the boolean true
                String name = Boolean.TRUE.equals(key) ? "on" : String.valueOf(key);
                if (!fields.contains(name)) {
                    problems.add("unknown field " + path + (path.isEmpty() ? "" : ".") + name + " (known fields: "
                            + String.join(", ", fields) + ")");
                }
            }
        }

        private String text(Map<?, ?> map, String field, boolean required) {
            return text(map, field, field, required);
        }

        private String text(Map<?, ?> map, String field, String path, boolean required) {
            Object value = map == null ? null : map.get(field);
            if (value == null || value.toString().isBlank()) {
                if (required) {
                    problems.add("missing required field " + path);
                }
                return null;
            }
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                problems.add(path + " must be a single value");
                return null;
            }
            if (value instanceof Date d) {
                return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
            }
            return value.toString().strip();
        }

        private int integer(Map<?, ?> map, String field, String path) {
            Object value = map == null ? null : map.get(field);
            if (value == null) {
                problems.add("missing required field " + path);
                return Integer.MIN_VALUE;
            }
            if (value instanceof Integer i) {
                return i;
            }
            try {
                return Integer.parseInt(value.toString().strip());
            } catch (NumberFormatException e) {
                problems.add(path + " must be a whole number, not '" + value + "'");
                return Integer.MIN_VALUE;
            }
        }

        /** An optional true/false field; absent = false. */
        private boolean flag(Map<?, ?> map, String field, String path) {
            Object value = map == null ? null : map.get(field);
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            problems.add(path + " must be true or false, not '" + value + "'");
            return false;
        }

        private LocalDate date(Object value, String path) {
            if (value == null) {
                problems.add("missing required field " + path);
                return null;
            }
            if (value instanceof Date d) {
                return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            }
            try {
                return LocalDate.parse(value.toString().strip());
            } catch (DateTimeParseException e) {
                problems.add(path + " must be an ISO date like 2026-03-14, not '" + value + "'");
                return null;
            }
        }

        private List<String> stringList(Object value, String path) {
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                problems.add(path + " must be a list like [a, b]");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (o == null || o instanceof Map<?, ?> || o instanceof Collection<?>) {
                    problems.add(path + " may only hold plain values");
                } else {
                    out.add(o.toString().strip());
                }
            }
            return out;
        }

        private Map<?, ?> mapping(Object value, String path, boolean required) {
            if (value == null) {
                if (required) {
                    problems.add("missing required field " + path);
                }
                return null;
            }
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(path + " must be a mapping like {name: ..., ...}");
                return null;
            }
            return map;
        }

        private Scenario.Patient patient(Object value) {
            Map<?, ?> map = mapping(value, "patient", true);
            if (map == null) {
                return null;
            }
            known(map, "patient", PATIENT_FIELDS);
            String name = text(map, "name", "patient.name", true);
            LocalDate dob = date(map.get("dateOfBirth"), "patient.dateOfBirth");
            String sex = text(map, "sex", "patient.sex", true);
            if (sex != null && !SEXES.contains(sex)) {
                problems.add("patient.sex must be F, M or U, not '" + sex + "'");
            }
            Map<?, ?> addr = mapping(map.get("address"), "patient.address", true);
            Scenario.Address address = null;
            if (addr != null) {
                known(addr, "patient.address", ADDRESS_FIELDS);
                address = new Scenario.Address(
                        text(addr, "line1", "patient.address.line1", true),
                        text(addr, "line2", "patient.address.line2", false),
                        text(addr, "city", "patient.address.city", true),
                        text(addr, "state", "patient.address.state", true),
                        text(addr, "zip", "patient.address.zip", true));
                if (address.state() != null && !address.state().matches("[A-Z]{2}")) {
                    problems.add("patient.address.state must be a two-letter state code");
                }
                if (address.zip() != null && !address.zip().matches("\\d{5}(-?\\d{4})?")) {
                    problems.add("patient.address.zip must be a 5- or 9-digit ZIP code in quotes");
                }
            }
            String memberId = text(map, "memberId", "patient.memberId", true);
            return new Scenario.Patient(name, dob, sex, address, memberId);
        }

        private Scenario.Review review(Object value) {
            Map<?, ?> map = mapping(value, "review", false);
            if (map == null) {
                return null;
            }
            known(map, "review", REVIEW_FIELDS);
            String by = text(map, "by", "review.by", true);
            // YAML 1.1 reads a bare `on` key as the boolean true
            Object onValue = map.containsKey("on") ? map.get("on") : map.get(Boolean.TRUE);
            LocalDate on = date(onValue, "review.on");
            String checklist = text(map, "checklist", "review.checklist", true);
            if (checklist != null && !checklist.equals(REVIEW_CHECKLIST)) {
                problems.add("review.checklist must be " + REVIEW_CHECKLIST + ", not '" + checklist + "'");
            }
            return new Scenario.Review(by, on, checklist, text(map, "notes", "review.notes", false));
        }

        private Scenario.PayerRef payer(Object value) {
            Map<?, ?> map = mapping(value, "payer", true);
            if (map == null) {
                return null;
            }
            known(map, "payer", PAYER_FIELDS);
            String id = text(map, "id", "payer.id", true);
            if (id != null && !PayerIds.isKnown(id)) {
                problems.add("payer.id must be one of "
                        + PayerIds.ALL.stream().sorted().toList() + ", not '" + id + "'");
            }
            return new Scenario.PayerRef(id, text(map, "plan", "payer.plan", true));
        }

        private Scenario.Provider provider(Object value, String path, boolean required, boolean needsTaxId) {
            Map<?, ?> map = mapping(value, path, required);
            if (map == null) {
                return null;
            }
            known(map, path, PROVIDER_FIELDS);
            String name = text(map, "name", path + ".name", true);
            String npi = text(map, "npi", path + ".npi", true);
            if (npi != null && !Npi.isValid(npi)) {
                problems.add(path + ".npi '" + npi + "' is not a valid NPI (10 digits with a correct check digit)");
            }
            String taxId = text(map, "taxId", path + ".taxId", needsTaxId);
            if (taxId != null && !TAX_ID.matcher(taxId).matches()) {
                problems.add(path + ".taxId must look like 12-3456789");
            }
            return new Scenario.Provider(name, npi, taxId);
        }

        private AnswerKey key(Object value) {
            Map<?, ?> map = mapping(value, "key", true);
            if (map == null) {
                return null;
            }
            known(map, "key", KEY_FIELDS);
            List<AnswerKey.Diagnosis> diagnoses = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            List<?> dx = list(map.get("diagnoses"), "key.diagnoses");
            for (int i = 0; i < dx.size(); i++) {
                String path = "key.diagnoses[" + (i + 1) + "]";
                Map<?, ?> d = mapping(dx.get(i), path, true);
                if (d == null) {
                    continue;
                }
                known(d, path, DIAGNOSIS_FIELDS);
                String code = normalizeCode(text(d, "code", path + ".code", true));
                if (!code.isEmpty() && !CodeFormat.isIcd10AsPrinted(code)) {
                    problems.add(path + ".code '" + code + "' is not an ICD-10-CM code with its dot (e.g. E11.9)");
                }
                if (!code.isEmpty() && !seen.add(code)) {
                    problems.add(path + ".code " + code + " is listed twice");
                }
                diagnoses.add(new AnswerKey.Diagnosis(code, text(d, "rationale", path + ".rationale", true)));
            }
            if (dx.isEmpty()) {
                problems.add("key.diagnoses must list at least one diagnosis");
            }
            if (dx.size() > 12) {
                problems.add("key.diagnoses may hold at most 12 codes (CMS-1500 box 21 A–L)");
            }
            List<?> px = list(map.get("procedures"), "key.procedures");
            List<AnswerKey.ProcedureLine> lines = procedureLines(px, "key.procedures", dx.size());
            List<AnswerKey.CommonMistake> mistakes = new ArrayList<>();
            List<?> cm = map.get("commonMistakes") == null
                    ? List.of()
                    : list(map.get("commonMistakes"), "key.commonMistakes");
            for (int i = 0; i < cm.size(); i++) {
                String path = "key.commonMistakes[" + (i + 1) + "]";
                Map<?, ?> c = mapping(cm.get(i), path, true);
                known(c, path, MISTAKE_FIELDS);
                if (c != null) {
                    mistakes.add(new AnswerKey.CommonMistake(
                            normalizeCode(text(c, "answer", path + ".answer", true)),
                            text(c, "why", path + ".why", true),
                            flag(c, "invalid", path + ".invalid")));
                }
            }
            List<String> optional = stringList(map.get("optionalCodes"), "key.optionalCodes").stream()
                    .map(ScenarioParser::normalizeCode)
                    .toList();
            for (String code : optional) {
                if (!CodeFormat.isIcd10AsPrinted(code)) {
                    problems.add("key.optionalCodes: '" + code + "' is not an ICD-10-CM code with its dot");
                }
            }
            List<AnswerKey.Alternative> alternatives = new ArrayList<>();
            List<?> alts =
                    map.get("alternatives") == null ? List.of() : list(map.get("alternatives"), "key.alternatives");
            for (int i = 0; i < alts.size(); i++) {
                String path = "key.alternatives[" + (i + 1) + "]";
                Map<?, ?> a = mapping(alts.get(i), path, true);
                known(a, path, ALTERNATIVE_FIELDS);
                if (a != null) {
                    alternatives.add(new AnswerKey.Alternative(
                            procedureLines(
                                    list(a.get("procedures"), path + ".procedures"), path + ".procedures", dx.size()),
                            text(a, "why", path + ".why", true)));
                }
            }
            return new AnswerKey(diagnoses, lines, mistakes, new LinkedHashSet<>(optional), alternatives);
        }

        /** Claim lines of the key or of an alternative; {@code dxCount} bounds the pointers. */
        private List<AnswerKey.ProcedureLine> procedureLines(List<?> px, String listPath, int dxCount) {
            List<AnswerKey.ProcedureLine> lines = new ArrayList<>();
            for (int i = 0; i < px.size(); i++) {
                String path = listPath + "[" + (i + 1) + "]";
                Map<?, ?> p = mapping(px.get(i), path, true);
                if (p == null) {
                    continue;
                }
                known(p, path, LINE_FIELDS);
                String code = normalizeCode(text(p, "code", path + ".code", true));
                if (!code.isEmpty() && !CodeFormat.isProcedure(code)) {
                    problems.add(path + ".code '" + code
                            + "' is not a CPT (5 characters) or HCPCS Level II (letter + 4 digits) code");
                }
                List<String> modifiers = stringList(p.get("modifiers"), path + ".modifiers").stream()
                        .map(ScenarioParser::normalizeCode)
                        .toList();
                for (String mod : modifiers) {
                    if (!CodeFormat.isModifier(mod)) {
                        problems.add(path + ".modifiers: '" + mod + "' is not a two-character modifier");
                    }
                }
                if (modifiers.size() > 4) {
                    problems.add(path + ".modifiers: at most 4 modifiers fit on a claim line");
                }
                int units = p.get("units") == null ? 1 : integer(p, "units", path + ".units");
                if (units != Integer.MIN_VALUE && units < 1) {
                    problems.add(path + ".units must be at least 1");
                }
                List<Integer> pointers = new ArrayList<>();
                for (String s : stringList(p.get("pointers"), path + ".pointers")) {
                    try {
                        int ptr = Integer.parseInt(s);
                        if (ptr < 1 || ptr > dxCount) {
                            problems.add(
                                    path + ".pointers: " + ptr + " does not point at a diagnosis (1–" + dxCount + ")");
                        }
                        pointers.add(ptr);
                    } catch (NumberFormatException e) {
                        problems.add(path + ".pointers: '" + s + "' is not a number");
                    }
                }
                if (pointers.isEmpty()) {
                    problems.add(path + ".pointers must point at 1 to 4 diagnoses");
                } else if (pointers.size() > 4) {
                    problems.add(path + ".pointers: at most 4 diagnosis pointers per line");
                }
                lines.add(new AnswerKey.ProcedureLine(
                        code,
                        modifiers,
                        Math.max(units, 1),
                        pointers,
                        text(p, "rationale", path + ".rationale", true)));
            }
            if (px.isEmpty()) {
                problems.add(listPath + " must list at least one claim line");
            }
            return lines;
        }

        private List<?> list(Object value, String path) {
            if (value == null) {
                problems.add("missing required field " + path);
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                problems.add(path + " must be a list");
                return List.of();
            }
            return list;
        }
    }
}
