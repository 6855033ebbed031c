package org.chart2claim.payer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the official CMS NCCI practitioner files so a school can use them instead of our curated tables:
 * <ul>
 * <li>PTP edits, tab-delimited text export: disclaimer lines, then a header row {@code Column 1, Column 2,
 * *=in existence prior to 1996, Effective Date, Deletion Date, Modifier 0=not allowed 1=allowed 9=not applicable,
 * PTP Edit Rationale}, then one edit per line;</li>
 * <li>MUE table, tab-delimited or CSV: header {@code HCPCS/CPT Code, Practitioner Services MUE Values,
 * MUE Adjudication Indicator, MUE Rationale}; the indicator is text such as
 * {@code 2 Date of Service Edit: Policy}, of which the leading digit counts.</li>
 * </ul>
 * The header row is found by its column names (anything before it is skipped), columns are matched by
 * name so their order may vary. Files are streamed line by line with a bounded line length; a malformed
 * row raises a {@link PayerDataException} naming {@code file:line}. Plain Java, no Spring.
 */
public final class CmsNcciFileParser {

    public enum Kind {
        PTP,
        MUE
    }

    /** Longest line accepted: real rows are ~200 characters, so a longer "line" means a wrong or binary file. */
    public static final int MAX_LINE_CHARS = 8_192;
    /** Disclaimer lines tolerated before the header row. */
    public static final int MAX_LINES_BEFORE_HEADER = 200;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** The official PTP and MUE tables read from a folder, shaped as {@link PayerRules} wants them. */
    public record Tables(Map<String, List<PtpEdit>> ptpByColumn2, Map<String, MueLimit> mue) {
        public int ptpEditCount() {
            return ptpByColumn2.values().stream().mapToInt(List::size).sum();
        }
    }

    private CmsNcciFileParser() {}

    /**
     * Reads every {@code .txt}, {@code .tsv} and {@code .csv} file of {@code dir} whose header row marks it as a
     * practitioner PTP or MUE file (CMS splits the PTP table over several files; all are merged). Other files
     * are ignored. Fails when the folder holds no PTP or no MUE file, so a half-configured folder is noticed.
     */
    public static Tables loadDirectory(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new PayerDataException("NCCI folder " + dir + " is not a folder");
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(Files::isRegularFile)
                    .filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(txt|tsv|csv)"))
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new PayerDataException("NCCI folder " + dir + " cannot be listed: " + e.getMessage(), e);
        }
        Map<String, List<PtpEdit>> ptp = new HashMap<>();
        Map<String, MueLimit> mue = new HashMap<>();
        boolean sawPtp = false;
        boolean sawMue = false;
        for (Path file : candidates) {
            Optional<Kind> kind = detect(file);
            if (kind.isEmpty()) {
                continue;
            }
            if (kind.get() == Kind.PTP) {
                sawPtp = true;
                readPtp(
                        file,
                        e -> ptp.computeIfAbsent(e.column2(), k -> new ArrayList<>())
                                .add(e));
            } else {
                sawMue = true;
                readMue(file, m -> mue.put(m.code(), m));
            }
        }
        if (!sawPtp) {
            throw new PayerDataException("NCCI folder " + dir
                    + " holds no CMS practitioner PTP file (a .txt file with a 'Column 1, Column 2, ...' header row)");
        }
        if (!sawMue) {
            throw new PayerDataException(
                    "NCCI folder " + dir
                            + " holds no CMS practitioner MUE file (a .csv or .txt file with a 'HCPCS/CPT Code, Practitioner Services MUE Values, ...' header row)");
        }
        return new Tables(ptp, mue);
    }

    /** Which table a file holds, judged by its header row; empty when no header is found near the top. */
    public static Optional<Kind> detect(Path file) {
        try (Lines lines = new Lines(file.toString(), open(file))) {
            for (int i = 0; i < MAX_LINES_BEFORE_HEADER; i++) {
                String line = lines.next();
                if (line == null) {
                    break;
                }
                Optional<Kind> kind = headerKind(split(line));
                if (kind.isPresent()) {
                    return kind;
                }
            }
            return Optional.empty();
        } catch (PayerDataException e) {
            return Optional.empty(); // e.g. a binary file with no line breaks: not one of ours
        }
    }

    public static void readPtp(Path file, Consumer<PtpEdit> sink) {
        try (Lines lines = new Lines(file.toString(), open(file))) {
            readPtp(lines, sink);
        }
    }

    public static void readMue(Path file, Consumer<MueLimit> sink) {
        try (Lines lines = new Lines(file.toString(), open(file))) {
            readMue(lines, sink);
        }
    }

    /** PTP rows from text; {@code name} is used in error messages. */
    public static void readPtp(String name, Reader text, Consumer<PtpEdit> sink) {
        try (Lines lines = new Lines(name, text)) {
            readPtp(lines, sink);
        }
    }

    /** MUE rows from text; {@code name} is used in error messages. */
    public static void readMue(String name, Reader text, Consumer<MueLimit> sink) {
        try (Lines lines = new Lines(name, text)) {
            readMue(lines, sink);
        }
    }

    private static void readPtp(Lines lines, Consumer<PtpEdit> sink) {
        List<String> header = findHeader(lines, Kind.PTP);
        int col1 = column(header, 0, "column1");
        int col2 = column(header, 1, "column2");
        int effective = column(lines, header, "effective");
        int deletion = column(lines, header, "deletion");
        int modifier = column(lines, header, "modifier");
        int rationale = optionalColumn(header, "rationale");
        int needed = Math.max(Math.max(col1, col2), Math.max(Math.max(effective, deletion), modifier)) + 1;
        String line;
        while ((line = lines.next()) != null) {
            List<String> cells = split(line);
            if (blank(cells, col1) && blank(cells, col2)) {
                continue; // empty line or wrapped header text
            }
            if (cells.size() < needed) {
                throw lines.error("expected at least " + needed + " columns, found " + cells.size());
            }
            String column1 = code(lines, "column 1", cells.get(col1));
            String column2 = code(lines, "column 2", cells.get(col2));
            LocalDate from = date(lines, "effective date", cells.get(effective));
            String del = cells.get(deletion);
            LocalDate to = del.isEmpty() || del.equals("*") ? null : date(lines, "deletion date", del);
            String mi = cells.get(modifier);
            if (!(mi.equals("0") || mi.equals("1") || mi.equals("9"))) {
                throw lines.error("modifier indicator '" + shorten(mi) + "' is not 0, 1 or 9");
            }
            sink.accept(new PtpEdit(
                    column1,
                    column2,
                    from,
                    to,
                    mi.charAt(0),
                    rationale >= 0 && rationale < cells.size() ? cells.get(rationale) : ""));
        }
    }

    private static void readMue(Lines lines, Consumer<MueLimit> sink) {
        List<String> header = findHeader(lines, Kind.MUE);
        int codeCol = column(lines, header, "hcpcs");
        int valueCol = column(lines, header, "value");
        int maiCol = column(lines, header, "indicator");
        int rationale = optionalColumn(header, "rationale");
        int needed = Math.max(codeCol, Math.max(valueCol, maiCol)) + 1;
        String line;
        while ((line = lines.next()) != null) {
            List<String> cells = split(line);
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (cells.size() < needed) {
                throw lines.error("expected at least " + needed + " columns, found " + cells.size());
            }
            String code = code(lines, "HCPCS/CPT", cells.get(codeCol));
            String v = cells.get(valueCol);
            if (!v.matches("[0-9]{1,6}")) {
                throw lines.error("MUE value '" + shorten(v) + "' is not a whole number of units");
            }
            sink.accept(new MueLimit(
                    code,
                    Integer.parseInt(v),
                    adjudicationIndicator(lines, cells.get(maiCol)),
                    rationale >= 0 && rationale < cells.size() ? cells.get(rationale) : ""));
        }
    }

    /** "2 Date of Service Edit: Policy" → 2; a bare "3" works too. */
    private static int adjudicationIndicator(Lines lines, String text) {
        boolean leadingDigit = !text.isEmpty()
                && text.charAt(0) >= '1'
                && text.charAt(0) <= '3'
                && (text.length() == 1 || !Character.isDigit(text.charAt(1)));
        if (!leadingDigit) {
            throw lines.error("MUE adjudication indicator '" + shorten(text) + "' does not start with 1, 2 or 3");
        }
        return text.charAt(0) - '0';
    }

    private static List<String> findHeader(Lines lines, Kind kind) {
        for (int i = 0; i < MAX_LINES_BEFORE_HEADER; i++) {
            String line = lines.next();
            if (line == null) {
                break;
            }
            List<String> cells = split(line);
            if (headerKind(cells).filter(k -> k == kind).isPresent()) {
                return cells.stream().map(CmsNcciFileParser::normalize).toList();
            }
        }
        throw new PayerDataException(lines.name + ": no "
                + (kind == Kind.PTP
                        ? "PTP header row ('Column 1', 'Column 2', 'Effective Date', 'Deletion Date', 'Modifier ...')"
                        : "MUE header row ('HCPCS/CPT Code', 'Practitioner Services MUE Values', 'MUE Adjudication Indicator')")
                + " in the first " + MAX_LINES_BEFORE_HEADER + " lines");
    }

    private static Optional<Kind> headerKind(List<String> cells) {
        if (cells.size() >= 2
                && normalize(cells.get(0)).startsWith("column1")
                && normalize(cells.get(1)).startsWith("column2")) {
            return Optional.of(Kind.PTP);
        }
        boolean code = cells.stream().map(CmsNcciFileParser::normalize).anyMatch(c -> c.startsWith("hcpcs"));
        boolean mue = cells.stream().map(CmsNcciFileParser::normalize).anyMatch(c -> c.contains("muevalue"));
        return code && mue ? Optional.of(Kind.MUE) : Optional.empty();
    }

    /** Lower case without spaces or punctuation: "Column 1" → "column1", "HCPCS/CPT Code" → "hcpcscptcode". */
    private static String normalize(String cell) {
        return cell.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static int column(List<String> header, int fallback, String prefix) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return fallback;
    }

    private static int column(Lines lines, List<String> header, String word) {
        int i = optionalColumn(header, word);
        if (i < 0) {
            throw lines.error("header row has no '" + word + "' column");
        }
        return i;
    }

    private static int optionalColumn(List<String> header, String word) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).contains(word)) {
                return i;
            }
        }
        return -1;
    }

    private static String code(Lines lines, String what, String value) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw lines.error(what + " code '" + shorten(value) + "' is not a 5-character HCPCS/CPT code");
        }
        return code;
    }

    private static LocalDate date(Lines lines, String what, String value) {
        try {
            if (value.length() != 8) {
                throw new DateTimeParseException("length", value, 0);
            }
            return LocalDate.parse(value, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw lines.error(what + " '" + shorten(value) + "' is not a date yyyymmdd");
        }
    }

    private static boolean blank(List<String> cells, int i) {
        return i >= cells.size() || cells.get(i).isEmpty();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Cells of a line: tab-separated when it has a tab, otherwise CSV with "quoted, fields". Trimmed. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        if (line.indexOf('\t') >= 0) {
            for (String c : line.split("\t", -1)) {
                cells.add(unquote(c.trim()));
            }
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    private static String unquote(String c) {
        return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")
                ? c.substring(1, c.length() - 1).replace("\"\"", "\"").trim()
                : c;
    }

    private static Reader open(Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            // CMS exports are ASCII/UTF-8 or Windows-1252; undecodable bytes become U+FFFD instead of failing.
            return new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE));
        } catch (IOException | RuntimeException e) {
            throw new PayerDataException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Line reader with a length limit, so a file without line breaks cannot exhaust memory. */
    private static final class Lines implements AutoCloseable {
        private final String name;
        private final Reader in;
        private final StringBuilder buffer = new StringBuilder();
        private int lineNo;
        private int pushedBack = -1;

        Lines(String name, Reader in) {
            this.name = name;
            this.in = in;
        }

        String next() {
            buffer.setLength(0);
            try {
                int c = pushedBack >= 0 ? pushedBack : in.read();
                pushedBack = -1;
                if (c < 0) {
                    return null;
                }
                lineNo++;
                while (c >= 0 && c != '\n' && c != '\r') {
                    if (buffer.length() >= MAX_LINE_CHARS) {
                        throw error("line is longer than " + MAX_LINE_CHARS + " characters");
                    }
                    buffer.append((char) c);
                    c = in.read();
                }
                if (c == '\r') {
                    int after = in.read();
                    if (after != '\n') {
                        pushedBack = after;
                    }
                }
            } catch (IOException e) {
                throw new PayerDataException(name + ":" + lineNo + ": cannot be read: " + e.getMessage(), e);
            }
            if (lineNo == 1 && !buffer.isEmpty() && buffer.charAt(0) == '\uFEFF') {
                buffer.deleteCharAt(0);
            }
            return buffer.toString();
        }

        PayerDataException error(String message) {
            return new PayerDataException(name + ":" + lineNo + ": " + message);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only file: nothing to lose
            }
        }
    }
}
