package org.chart2claim.codebook.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.chart2claim.codebook.CodeSystem;

/**
 * Streams the CMS HCPCS Level II annual alpha-numeric file: Windows-1252, CRLF, 320-byte records
 * (continuation lines are cut after the description), after a few disclaimer lines. Layout per
 * HCPCS2019_recordlayout.txt: code 1-5 (modifiers in 4-5), sequence 6-10, record id (RIC) 11,
 * long description 12-91, short description 92-119, termination date 285-292, action code 293.
 * RIC 3 starts a procedure, 4 continues its long description; 7 starts a modifier, 8 continues it.
 * Codes terminated before the release year are kept (a coder may meet them on old claims) but are
 * not billable.
 */
public final class HcpcsFileParser {

    /** Modifiers are imported as codes whose parent is this marker. */
    public static final String MODIFIER_GROUP = "MODIFIER";

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern RECORD_START = Pattern.compile("[A-Z0-9 ]{5}\\d{5}[3478].*");
    private static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Z0-9]\\d{3}[A-Z0-9]|[A-Z]\\d{4}");
    private static final Pattern MODIFIER_CODE = Pattern.compile("[A-Z0-9]{2}");
    private static final int DETAIL_LENGTH = 293;

    public record Result(int procedures, int modifiers, int terminated, int billable) {}

    private static final class Pending {
        final String code;
        final boolean modifier;
        final StringBuilder longDescription;
        final String shortDescription;
        final String terminationDate;
        final int line;

        Pending(
                String code,
                boolean modifier,
                String longDescription,
                String shortDescription,
                String terminationDate,
                int line) {
            this.code = code;
            this.modifier = modifier;
            this.longDescription = new StringBuilder(longDescription);
            this.shortDescription = shortDescription;
            this.terminationDate = terminationDate;
            this.line = line;
        }
    }

    /** @param releaseYear calendar year the file is valid for (codes terminated before it are not billable) */
    public Result parse(
            InputStream in, String fileName, int releaseYear, Consumer<ImportedCode> sink, LongProgress progress)
            throws IOException {
        var reader = new FixedWidthLineReader(in, fileName, WINDOWS_1252);
        int procedures = 0;
        int modifiers = 0;
        int terminated = 0;
        int billable = 0;
        boolean inRecords = false;
        Pending pending = null;
        String firstDayOfYear = releaseYear + "0101";
        String line;
        while ((line = reader.readLine()) != null) {
            int lineNo = reader.lineNumber();
            if (!inRecords) {
                if (!RECORD_START.matcher(line).matches()) {
                    if (lineNo > 50) {
                        throw new CodeSetImportException(
                                fileName, lineNo, "no HCPCS record in the first 50 lines: not an HCPCS annual file?");
                    }
                    continue; // disclaimer text before the first record
                }
                inRecords = true;
            }
            if (line.isBlank()) {
                continue;
            }
            if (!RECORD_START.matcher(line).matches()) {
                throw new CodeSetImportException(
                        fileName,
                        lineNo,
                        "not an HCPCS record (code 1-5, sequence 6-10, record id 3/4/7/8 in column 11)");
            }
            char ric = line.charAt(10);
            String description = field(line, 12, 91);
            if (ric == '4' || ric == '8') {
                String code = ric == '4'
                        ? line.substring(0, 5).strip()
                        : line.substring(3, 5).strip();
                if (pending == null || !pending.code.equals(code) || pending.modifier != (ric == '8')) {
                    throw new CodeSetImportException(
                            fileName,
                            lineNo,
                            "continuation record for " + code + " does not follow a first record of the same code");
                }
                pending.longDescription.append(' ').append(description);
                continue;
            }
            if (line.length() < DETAIL_LENGTH) {
                throw new CodeSetImportException(
                        fileName,
                        lineNo,
                        reader.lastLineTerminated()
                                ? "record too short (" + line.length() + " characters, 320 expected)"
                                : "last record is cut off: the file looks truncated");
            }
            if (pending != null) {
                int counted = emit(pending, firstDayOfYear, sink);
                billable += counted & 1;
                terminated += counted >> 1;
            }
            boolean modifier = ric == '7';
            String code = modifier ? line.substring(3, 5) : line.substring(0, 5);
            boolean valid = modifier
                    ? line.substring(0, 3).isBlank()
                            && MODIFIER_CODE.matcher(code).matches()
                    : PROCEDURE_CODE.matcher(code).matches();
            if (!valid) {
                throw new CodeSetImportException(
                        fileName,
                        lineNo,
                        "'" + line.substring(0, 5).strip() + "' is not a valid HCPCS "
                                + (modifier ? "modifier" : "code"));
            }
            String termination = field(line, 285, 292);
            if (!termination.isEmpty() && !termination.matches("\\d{8}")) {
                throw new CodeSetImportException(
                        fileName,
                        lineNo,
                        "termination date (columns 285-292) must be YYYYMMDD, found '" + termination + "'");
            }
            pending = new Pending(code, modifier, description, field(line, 92, 119), termination, lineNo);
            if (modifier) {
                modifiers++;
            } else {
                procedures++;
            }
            if (progress != null && ((procedures + modifiers) & 255) == 0) {
                progress.advanced(reader.bytesRead());
            }
        }
        if (pending == null) {
            throw new CodeSetImportException(fileName, 0, "no HCPCS records found: not an HCPCS annual file?");
        }
        int counted = emit(pending, firstDayOfYear, sink);
        billable += counted & 1;
        terminated += counted >> 1;
        if (progress != null) {
            progress.advanced(reader.bytesRead());
        }
        return new Result(procedures, modifiers, terminated, billable);
    }

    /** Returns bit 0 = billable, bit 1 = terminated, for the caller's counters. */
    private int emit(Pending pending, String firstDayOfYear, Consumer<ImportedCode> sink) {
        String title = SecureXml.normalize(pending.longDescription);
        if (title.isEmpty()) {
            throw new CodeSetImportException("HCPCS", pending.line, "code " + pending.code + " has no description");
        }
        String shortTitle = pending.shortDescription.isEmpty() ? title : pending.shortDescription;
        boolean terminated =
                !pending.terminationDate.isEmpty() && pending.terminationDate.compareTo(firstDayOfYear) < 0;
        boolean billable = !pending.modifier && !terminated;
        String termination = pending.terminationDate.isEmpty()
                ? null
                : pending.terminationDate.substring(0, 4) + "-" + pending.terminationDate.substring(4, 6) + "-"
                        + pending.terminationDate.substring(6, 8);
        sink.accept(new ImportedCode(
                CodeSystem.HCPCS,
                pending.code,
                shortTitle,
                title,
                billable,
                pending.modifier ? MODIFIER_GROUP : null,
                null,
                termination));
        return (billable ? 1 : 0) | (terminated && !pending.modifier ? 2 : 0);
    }

    /** 1-based inclusive columns, tolerant of records cut short after the description. */
    private static String field(String line, int from, int to) {
        if (line.length() < from) {
            return "";
        }
        return line.substring(from - 1, Math.min(to, line.length())).strip();
    }
}
