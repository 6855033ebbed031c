package org.chart2claim.codebook.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeSystem;

/**
 * Streams the ICD-10-CM "order" file (code descriptions in tabular order). Fixed width, ASCII, CRLF,
 * layout per the official icd10OrderFiles.pdf:
 * <pre>
 *  1-5   order number (zero padded)      6 blank
 *  7-13  code without dot, left aligned  14 blank
 *  15    1 = valid for HIPAA transactions (billable), 0 = header
 *  16 blank   17-76 short title (60)   77 blank   78-end long title (up to 323)
 * </pre>
 * The order file alone gives the complete code set: every billable code (including generated 7th
 * characters) and every header. The parent of an entry is the nearest preceding shorter code that is
 * a prefix of it (7th-character placeholders like {@code T07XXXA} hang below {@code T07}).
 */
public final class IcdOrderFileParser {

    private static final int MIN_LENGTH = 78;

    /** Counts and progress of one parse. */
    public record Result(int entries, int billable) {}

    public Result parse(InputStream in, String fileName, Consumer<ImportedCode> sink, LongProgress progress)
            throws IOException {
        var reader = new FixedWidthLineReader(in, fileName, StandardCharsets.US_ASCII);
        // Ancestors by length of the undotted code (3..7): lets us find each entry's parent in one pass.
        String[] lastByLength = new String[8];
        int entries = 0;
        int billable = 0;
        int expectedOrder = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            int lineNo = reader.lineNumber();
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < MIN_LENGTH) {
                String why = reader.lastLineTerminated()
                        ? "record too short (" + line.length() + " characters, at least " + MIN_LENGTH
                                + " expected): not an ICD-10-CM order file?"
                        : "last record is cut off: the file looks truncated";
                throw new CodeSetImportException(fileName, lineNo, why);
            }
            String orderText = line.substring(0, 5);
            if (!orderText.chars().allMatch(Character::isDigit) || line.charAt(5) != ' ') {
                throw new CodeSetImportException(
                        fileName, lineNo, "columns 1-5 must hold the order number, found '" + orderText + "'");
            }
            int order = Integer.parseInt(orderText);
            if (order != expectedOrder) {
                throw new CodeSetImportException(
                        fileName,
                        lineNo,
                        "order number " + order + " where " + expectedOrder + " was expected (lines missing?)");
            }
            expectedOrder++;
            String code = line.substring(6, 13).strip();
            if (!IcdCodes.isUndotted(code)) {
                throw new CodeSetImportException(fileName, lineNo, "'" + code + "' is not an ICD-10-CM code");
            }
            char flag = line.charAt(14);
            if (flag != '0' && flag != '1') {
                throw new CodeSetImportException(
                        fileName, lineNo, "column 15 must be 1 (billable) or 0 (header), found '" + flag + "'");
            }
            String shortTitle = line.substring(16, 76).strip();
            String longTitle = line.substring(77).strip();
            if (longTitle.isEmpty()) {
                throw new CodeSetImportException(fileName, lineNo, "code " + code + " has no title");
            }
            if (!reader.lastLineTerminated()) {
                // A complete last record still ends with CRLF in every official release.
                throw new CodeSetImportException(
                        fileName, lineNo, "last record has no line end: the file looks truncated");
            }
            String parent = null;
            for (int len = code.length() - 1; len >= 3 && parent == null; len--) {
                String candidate = lastByLength[len];
                if (candidate != null && code.startsWith(candidate)) {
                    parent = candidate;
                }
            }
            lastByLength[code.length()] = code;
            for (int len = code.length() + 1; len < lastByLength.length; len++) {
                lastByLength[len] = null;
            }
            boolean isBillable = flag == '1';
            entries++;
            if (isBillable) {
                billable++;
            }
            sink.accept(new ImportedCode(
                    CodeSystem.ICD10CM,
                    CodeFormat.dotted(code),
                    shortTitle,
                    longTitle,
                    isBillable,
                    parent == null ? null : CodeFormat.dotted(parent),
                    null,
                    null));
            if (progress != null && (entries & 1023) == 0) {
                progress.advanced(reader.bytesRead());
            }
        }
        if (entries == 0) {
            throw new CodeSetImportException(fileName, 0, "no code records: the file is empty");
        }
        if (progress != null) {
            progress.advanced(reader.bytesRead());
        }
        return new Result(entries, billable);
    }
}
