package org.chart2claim.codebook.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.chart2claim.codebook.CodeSystem;

/**
 * Reads a licensed CPT file that a school obtained from the AMA: UTF-8 text, one code per line,
 * {@code code<TAB>descriptor}, an optional header line ({@code code<TAB>description}) and {@code #}
 * comments. The project ships no CPT descriptors; this only loads a file the school is licensed for.
 */
public final class CptFileParser {

    private static final Pattern CPT_CODE = Pattern.compile("\\d{4}[0-9FTU]");

    public record Result(int codes) {}

    public Result parse(InputStream in, String fileName, Consumer<ImportedCode> sink) throws IOException {
        var reader = new FixedWidthLineReader(in, fileName, StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        String line;
        while ((line = reader.readLine()) != null) {
            int lineNo = reader.lineNumber();
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new CodeSetImportException(fileName, lineNo, "expected code<TAB>descriptor");
            }
            String code = line.substring(0, tab).strip();
            String descriptor = SecureXml.normalize(line.substring(tab + 1));
            if (lineNo == 1 && code.equalsIgnoreCase("code")) {
                continue;
            }
            if (!CPT_CODE.matcher(code).matches()) {
                throw new CodeSetImportException(
                        fileName,
                        lineNo,
                        "'" + code + "' is not a CPT code (5 characters: " + "4 digits and a digit, F, T or U)");
            }
            if (descriptor.isEmpty()) {
                throw new CodeSetImportException(fileName, lineNo, "code " + code + " has no descriptor");
            }
            if (!seen.add(code)) {
                throw new CodeSetImportException(fileName, lineNo, "code " + code + " appears twice");
            }
            sink.accept(ImportedCode.simple(CodeSystem.CPT, code, descriptor, descriptor, true));
        }
        if (seen.isEmpty()) {
            throw new CodeSetImportException(fileName, 0, "no CPT codes found");
        }
        return new Result(seen.size());
    }
}
