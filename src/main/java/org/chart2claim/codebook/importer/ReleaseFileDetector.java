package org.chart2claim.codebook.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells which release file a path is and which year it belongs to, from the official file names
 * ({@code icd10cm_order_2026.txt}, {@code icd10cm-tabular-2026.xml}, {@code HCPC2020_ANWEB...txt}) and,
 * for renamed files, from the first lines of content. XML files always carry their year in
 * {@code <version>}; that value wins and must agree with a year in the name.
 */
public final class ReleaseFileDetector {

    /** A recognised file. {@code year} is the fiscal (ICD-10-CM) or calendar (HCPCS, CPT) year. */
    public record ReleaseFile(Path path, ReleaseFileKind kind, int year) {
        public String fileName() {
            return CodeSetImportException.nameOf(path);
        }
    }

    /** A file in an imported folder that is not a code-set file, with the reason it was left out. */
    public record SkippedFile(Path path, String reason) {}

    public record Detection(List<ReleaseFile> files, List<SkippedFile> skipped) {}

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(20[1-9][0-9])(?![0-9])");
    private static final Pattern HCPCS_NAME = Pattern.compile("(?i)hcpcs?[_-]?(20[1-9][0-9]).*\\.txt");
    private static final Pattern ORDER_LINE = Pattern.compile("\\d{5} [A-Z][0-9A-Z]{2,6} *[01] .*");
    private static final Pattern HCPCS_LINE = Pattern.compile("[A-Z0-9 ]{5}\\d{5}[37].{80,}");
    private static final Pattern CPT_LINE = Pattern.compile("\\d{4}[0-9FTU]\t.+");
    private static final Pattern XML_VERSION = Pattern.compile("<version>\\s*(\\d{4})\\s*</version>");

    /** Expands folders (one level of files, recursively) and detects every file. */
    public Detection detect(List<Path> inputs) throws IOException {
        List<ReleaseFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new CodeSetImportException(input.toString(), 0, "no such file or folder");
            }
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                        classify(path, true, files, skipped);
                    }
                }
            } else {
                classify(input, false, files, skipped);
            }
        }
        return new Detection(files, skipped);
    }

    private void classify(Path path, boolean fromFolder, List<ReleaseFile> files, List<SkippedFile> skipped)
            throws IOException {
        Optional<ReleaseFile> detected = detect(path);
        if (detected.isPresent()) {
            files.add(detected.get());
        } else if (fromFolder) {
            skipped.add(new SkippedFile(path, skipReason(path)));
        } else {
            throw new CodeSetImportException(
                    CodeSetImportException.nameOf(path),
                    0,
                    "not a code-set file this importer knows (" + skipReason(path) + ")");
        }
    }

    private static String skipReason(Path path) {
        String name = CodeSetImportException.nameOf(path).toLowerCase(Locale.ROOT);
        if (name.contains("addenda")) {
            return "addenda list changes only; the full order file holds the complete set";
        }
        if (name.startsWith("icd10cm_codes") || name.startsWith("icd10cm-codes")) {
            return "billable-only codes file; the order file has the same codes plus the headers";
        }
        if (name.endsWith(".txt") && (HCPCS_NAME.matcher(name).matches() || name.matches("icd10cm[_-]order[_-].*"))) {
            return "documentation (no code records near the top): its year does not count";
        }
        return "unrecognised name and content";
    }

    /** Detects one file, or empty when it is not a release file the importer reads. */
    public Optional<ReleaseFile> detect(Path path) throws IOException {
        String name = CodeSetImportException.nameOf(path);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("addenda") || lower.endsWith(".pdf") || lower.endsWith(".xsd")) {
            return Optional.empty();
        }
        if (lower.endsWith(".xml")) {
            return detectXml(path, lower);
        }
        if (lower.endsWith(".txt") || lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return detectText(path, name, lower);
        }
        return Optional.empty();
    }

    private Optional<ReleaseFile> detectXml(Path path, String lower) throws IOException {
        String head = head(path, 4096);
        ReleaseFileKind kind;
        if (head.contains("<" + TabularXmlParser.ROOT)) {
            kind = ReleaseFileKind.ICD10CM_TABULAR;
        } else if (head.contains("<" + IndexXmlParser.ROOT)) {
            if (head.contains(">Neoplasm<") || lower.contains("neoplasm")) {
                kind = ReleaseFileKind.ICD10CM_NEOPLASM_TABLE;
            } else if (head.contains(">Substance<") || lower.contains("drug")) {
                kind = ReleaseFileKind.ICD10CM_DRUG_TABLE;
            } else if (head.toUpperCase(Locale.ROOT).contains("EXTERNAL CAUSE") || lower.contains("eindex")) {
                kind = ReleaseFileKind.ICD10CM_EXTERNAL_CAUSE_INDEX;
            } else {
                kind = ReleaseFileKind.ICD10CM_INDEX;
            }
        } else if (lower.startsWith("icd10cm")) {
            throw new CodeSetImportException(
                    CodeSetImportException.nameOf(path),
                    0,
                    "named like an ICD-10-CM XML file but its root element is neither <" + TabularXmlParser.ROOT
                            + "> nor <" + IndexXmlParser.ROOT + ">");
        } else {
            return Optional.empty();
        }
        Matcher version = XML_VERSION.matcher(head);
        if (!version.find()) {
            throw new CodeSetImportException(
                    CodeSetImportException.nameOf(path),
                    0,
                    "no <version> near the start of the file: cannot tell the fiscal year");
        }
        int year = Integer.parseInt(version.group(1));
        Integer nameYear = yearInName(lower);
        if (nameYear != null && nameYear != year) {
            throw new CodeSetImportException(
                    CodeSetImportException.nameOf(path),
                    0,
                    "the name says " + nameYear + " but <version> says " + year);
        }
        return Optional.of(new ReleaseFile(path, kind, year));
    }

    private Optional<ReleaseFile> detectText(Path path, String name, String lower) throws IOException {
        String firstRecord = firstNonBlankLines(path, 60);
        Integer year = yearInName(lower);
        ReleaseFileKind kind = null;
        boolean orderRecord =
                firstRecord != null && ORDER_LINE.matcher(firstRecord).matches();
        boolean hcpcsRecord =
                firstRecord != null && HCPCS_LINE.matcher(firstRecord).matches();
        if ((lower.matches("icd10cm[_-]order[_-].*") && !hcpcsRecord && firstRecord != null) || orderRecord) {
            kind = ReleaseFileKind.ICD10CM_ORDER;
        } else if ((HCPCS_NAME.matcher(lower).matches() && firstRecord != null) || hcpcsRecord) {
            kind = ReleaseFileKind.HCPCS_ANNUAL;
            Matcher hcpcsYear = HCPCS_NAME.matcher(lower);
            if (hcpcsYear.matches()) {
                year = Integer.parseInt(hcpcsYear.group(1));
            }
        } else if (lower.contains("cpt")
                || (firstRecord != null && CPT_LINE.matcher(firstRecord).matches())) {
            kind = ReleaseFileKind.CPT_LICENSED;
        }
        // A release name without a single code record near the top is the release's documentation (README,
        // record layout, processing notes): it is left out and its year never decides the release's year.
        if (kind == null) {
            return Optional.empty();
        }
        if (year == null) {
            throw new CodeSetImportException(
                    name,
                    0,
                    kind.description() + " without a year in its name:"
                            + " keep the official name (e.g. icd10cm_order_2026.txt, HCPC2020_ANWEB.txt, cpt_2026.txt)"
                            + " so the version is recorded correctly");
        }
        return Optional.of(new ReleaseFile(path, kind, year));
    }

    private static Integer yearInName(String lowerName) {
        Matcher matcher = YEAR.matcher(lowerName);
        Integer year = null;
        while (matcher.find()) {
            year = Integer.parseInt(matcher.group(1)); // last one: "icd10cm-eindex-April-1-2026"
        }
        return year;
    }

    /** The first line that looks like data: skips the HCPCS disclaimer, blank lines and CPT comments. */
    private static String firstNonBlankLines(Path path, int maxLines) throws IOException {
        try (InputStream in = Files.newInputStream(path);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            String line;
            int count = 0;
            while ((line = reader.readLine()) != null && count++ < maxLines) {
                if (ORDER_LINE.matcher(line).matches()
                        || HCPCS_LINE.matcher(line).matches()
                        || CPT_LINE.matcher(line).matches()) {
                    return line;
                }
            }
            return null;
        }
    }

    private static String head(Path path, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(bytes), StandardCharsets.ISO_8859_1);
        }
    }
}
