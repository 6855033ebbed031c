package org.chart2claim.codebook.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.importer.ImportedIndexTerm.IndexKind;
import org.chart2claim.codebook.importer.ReleaseFileDetector.ReleaseFile;

/**
 * Reads a set of release files into complete, validated {@link ImportedRelease}s, one per code system.
 * Nothing is persisted or activated here: a failure anywhere throws before any result exists, which
 * is what makes the import all-or-nothing. Files of different years for one system are refused.
 */
public final class CodeSetFileImporter {

    private final ReleaseFileDetector detector = new ReleaseFileDetector();

    public ImportSummary importFiles(List<Path> inputs, ImportProgressListener listener) {
        ImportProgressListener progress = listener == null ? ImportProgressListener.NONE : listener;
        try {
            ReleaseFileDetector.Detection detection = detector.detect(inputs);
            List<String> messages = new ArrayList<>();
            detection
                    .skipped()
                    .forEach(s ->
                            messages.add("skipped " + CodeSetImportException.nameOf(s.path()) + ": " + s.reason()));
            if (detection.files().isEmpty()) {
                throw new CodeSetImportException(
                        inputs.stream().map(Path::toString).collect(Collectors.joining(", ")),
                        0,
                        "no code-set release files found");
            }
            Map<CodeSystem, List<ReleaseFile>> bySystem = new EnumMap<>(CodeSystem.class);
            for (ReleaseFile file : detection.files()) {
                bySystem.computeIfAbsent(file.kind().system(), s -> new ArrayList<>())
                        .add(file);
            }
            bySystem.values().forEach(ReleaseFileImporterChecks::checkOneYearOneFilePerKind);
            long total = 0;
            for (ReleaseFile file : detection.files()) {
                total += Files.size(file.path());
            }
            var tracker = new Tracker(progress, total);
            List<ImportedRelease> releases = new ArrayList<>();
            for (Map.Entry<CodeSystem, List<ReleaseFile>> entry : bySystem.entrySet()) {
                releases.add(
                        switch (entry.getKey()) {
                            case ICD10CM -> importIcd(entry.getValue(), tracker, messages);
                            case HCPCS -> importHcpcs(entry.getValue().getFirst(), tracker);
                            case CPT -> importCpt(entry.getValue().getFirst(), tracker);
                        });
            }
            progress.progress(total, total, "done");
            return new ImportSummary(releases, messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds each file's bytes to a running total across all files. */
    private static final class Tracker {
        private final ImportProgressListener listener;
        private final long total;
        private long finished;

        Tracker(ImportProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        InputStream open(ReleaseFile file) throws IOException {
            String stage = "reading " + file.fileName();
            long base = finished;
            listener.progress(base, total, stage);
            InputStream raw = new BufferedInputStream(Files.newInputStream(file.path()), 256 * 1024);
            return new CountingInputStream(raw, bytes -> listener.progress(base + bytes, total, stage));
        }

        void close(ReleaseFile file) throws IOException {
            finished += Files.size(file.path());
            listener.progress(finished, total, "read " + file.fileName());
        }
    }

    private ImportedRelease importIcd(List<ReleaseFile> files, Tracker tracker, List<String> messages)
            throws IOException {
        Map<ReleaseFileKind, ReleaseFile> byKind = new EnumMap<>(ReleaseFileKind.class);
        files.forEach(f -> byKind.put(f.kind(), f));
        ReleaseFile order = byKind.get(ReleaseFileKind.ICD10CM_ORDER);
        ReleaseFile tabularFile = byKind.get(ReleaseFileKind.ICD10CM_TABULAR);
        int year = files.getFirst().year();
        if (order == null && tabularFile == null) {
            throw new CodeSetImportException(
                    files.getFirst().fileName(),
                    0,
                    "index files alone are not a code set:" + " add the order file (icd10cm_order_" + year
                            + ".txt) or the Tabular XML of FY" + year);
        }
        TabularXmlParser.Tabular tabular = null;
        if (tabularFile != null) {
            try (InputStream in = tracker.open(tabularFile)) {
                tabular =
                        new TabularXmlParser().parse(in, tabularFile.fileName(), v -> checkXmlVersion(tabularFile, v));
            }
            tracker.close(tabularFile);
        }
        List<ImportedCode> codes;
        if (order != null) {
            List<ImportedCode> orderCodes = new ArrayList<>(100_000);
            try (InputStream in = tracker.open(order)) {
                new IcdOrderFileParser().parse(in, order.fileName(), orderCodes::add, null);
            }
            tracker.close(order);
            codes = tabular == null ? orderCodes : mergeOrderWithTabular(orderCodes, tabular, messages);
        } else {
            codes = tabular.codes();
        }
        List<ImportedIndexTerm> terms = new ArrayList<>();
        for (ReleaseFileKind kind : List.of(
                ReleaseFileKind.ICD10CM_INDEX,
                ReleaseFileKind.ICD10CM_EXTERNAL_CAUSE_INDEX,
                ReleaseFileKind.ICD10CM_NEOPLASM_TABLE,
                ReleaseFileKind.ICD10CM_DRUG_TABLE)) {
            ReleaseFile file = byKind.get(kind);
            if (file == null) {
                continue;
            }
            IndexKind expected = switch (kind) {
                case ICD10CM_EXTERNAL_CAUSE_INDEX -> IndexKind.EXTERNAL_CAUSES;
                case ICD10CM_NEOPLASM_TABLE -> IndexKind.NEOPLASMS;
                case ICD10CM_DRUG_TABLE -> IndexKind.DRUGS;
                default -> IndexKind.DISEASES;
            };
            try (InputStream in = tracker.open(file)) {
                new IndexXmlParser().parse(in, file.fileName(), expected, v -> checkXmlVersion(file, v), terms::add);
            }
            tracker.close(file);
        }
        List<String> sources = files.stream().map(ReleaseFile::fileName).toList();
        return new ImportedRelease(
                CodeSystem.ICD10CM,
                ImportedRelease.versionLabel(CodeSystem.ICD10CM, year),
                year,
                sources,
                tabular == null ? List.of() : tabular.headings(),
                codes,
                terms);
    }

    private static void checkXmlVersion(ReleaseFile file, String version) {
        if (!version.equals(Integer.toString(file.year()))) {
            throw new CodeSetImportException(
                    file.fileName(),
                    0,
                    "<version> " + version + " differs from the year " + file.year() + " detected for this file");
        }
    }

    /**
     * The order file is the authority for the code list (it has the short titles); the Tabular of the
     * same year adds notes, 7th-character tables and the chapter/section placement of categories.
     */
    static List<ImportedCode> mergeOrderWithTabular(
            List<ImportedCode> orderCodes, TabularXmlParser.Tabular tabular, List<String> messages) {
        Map<String, ImportedCode> tabularByCode = new HashMap<>(tabular.codes().size() * 2);
        tabular.codes().forEach(c -> tabularByCode.put(c.code(), c));
        List<ImportedCode> merged = new ArrayList<>(orderCodes.size());
        Set<String> onlyInOrder = new TreeSet<>();
        for (ImportedCode code : orderCodes) {
            ImportedCode fromTabular = tabularByCode.remove(code.code());
            if (fromTabular == null) {
                onlyInOrder.add(code.code());
                merged.add(code);
                continue;
            }
            String parent = code.parent() == null ? fromTabular.parent() : code.parent();
            merged.add(new ImportedCode(
                    code.system(),
                    code.code(),
                    code.shortTitle(),
                    code.title(),
                    code.billable(),
                    parent,
                    fromTabular.notes(),
                    null));
        }
        if (!onlyInOrder.isEmpty() || !tabularByCode.isEmpty()) {
            messages.add(String.format(
                    "order file and Tabular disagree: %d codes only in the order file (e.g. %s),"
                            + " %d only in the Tabular (e.g. %s); the order file was kept",
                    onlyInOrder.size(),
                    onlyInOrder.stream().limit(5).toList(),
                    tabularByCode.size(),
                    new TreeSet<>(tabularByCode.keySet()).stream().limit(5).toList()));
        }
        return merged;
    }

    private ImportedRelease importHcpcs(ReleaseFile file, Tracker tracker) throws IOException {
        List<ImportedCode> codes = new ArrayList<>(8_000);
        try (InputStream in = tracker.open(file)) {
            new HcpcsFileParser().parse(in, file.fileName(), file.year(), codes::add, null);
        }
        tracker.close(file);
        codes.sort(Comparator.comparing((ImportedCode c) -> c.parent() != null).thenComparing(ImportedCode::code));
        return new ImportedRelease(
                CodeSystem.HCPCS,
                ImportedRelease.versionLabel(CodeSystem.HCPCS, file.year()),
                file.year(),
                List.of(file.fileName()),
                List.of(),
                codes,
                List.of());
    }

    private ImportedRelease importCpt(ReleaseFile file, Tracker tracker) throws IOException {
        List<ImportedCode> codes = new ArrayList<>();
        try (InputStream in = tracker.open(file)) {
            new CptFileParser().parse(in, file.fileName(), codes::add);
        }
        tracker.close(file);
        return new ImportedRelease(
                CodeSystem.CPT,
                ImportedRelease.versionLabel(CodeSystem.CPT, file.year()),
                file.year(),
                List.of(file.fileName()),
                List.of(),
                codes,
                List.of());
    }

    /** Pre-flight checks on the detected files of one code system. */
    static final class ReleaseFileImporterChecks {
        private ReleaseFileImporterChecks() {}

        static void checkOneYearOneFilePerKind(List<ReleaseFile> files) {
            Map<Integer, List<String>> byYear = new LinkedHashMap<>();
            files.forEach(f ->
                    byYear.computeIfAbsent(f.year(), y -> new ArrayList<>()).add(f.fileName()));
            if (byYear.size() > 1) {
                String detail = byYear.entrySet().stream()
                        .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("; "));
                throw new CodeSetImportException(
                        files.getFirst().kind().system().name(),
                        0,
                        "files of different years would be mixed (" + detail
                                + "); import each year's files in a separate run");
            }
            Map<ReleaseFileKind, String> seen = new EnumMap<>(ReleaseFileKind.class);
            for (ReleaseFile file : files) {
                String previous = seen.put(file.kind(), file.fileName());
                if (previous != null) {
                    throw new CodeSetImportException(
                            file.fileName(),
                            0,
                            "two " + file.kind().description() + " files for the same year (" + previous + " and "
                                    + file.fileName() + ")");
                }
            }
        }
    }
}
