package org.chart2claim.codebook.importer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.importer.ImportedHeading.Kind;
import org.chart2claim.codebook.importer.ImportedIndexTerm.Cell;
import org.chart2claim.codebook.importer.ImportedIndexTerm.IndexKind;
import org.chart2claim.codebook.importer.ImportedNote.NoteType;

/**
 * Keeps imported releases on disk in a compact, line-oriented gzip file ({@code <dir>/<id>.c2c.gz},
 * a few MB per year) so a restart loads them in about a second instead of re-importing.
 * <p>
 * Format, one record per line, tab separated, {@code \t \n \\} escaped:
 * <pre>
 * C2C-CODESET	1	system	version	year	file1|file2...
 * H	kind	id	title	chapter          heading (chapter/section)
 * E	code	billable(1/0)	parent	title	shortTitle	terminationDate
 * N	noteType	text                      note of the preceding H or E line
 * I	index	nemod	code	manif	see	seeAlso	term1	term2 ...   (path)
 * X	column	code                        table cell of the preceding I line
 * END	entries	indexTerms                  written last: a file without it is incomplete
 * </pre>
 * Writes go to a temporary file that is moved into place, so a crash never leaves half a set.
 */
public final class ReleaseStore {

    static final String MAGIC = "C2C-CODESET";
    private static final String SUFFIX = ".c2c.gz";
    private final Path directory;

    public ReleaseStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path fileOf(String releaseId) {
        return directory.resolve(releaseId + SUFFIX);
    }

    public Path save(ImportedRelease release) {
        try {
            Files.createDirectories(directory);
            Path target = fileOf(release.id());
            Path temp = Files.createTempFile(directory, release.id(), ".tmp");
            try {
                try (Writer out = new BufferedWriter(new OutputStreamWriter(
                        new GZIPOutputStream(Files.newOutputStream(temp), 64 * 1024), StandardCharsets.UTF_8))) {
                    write(release, out);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save code set " + release.id() + " in " + directory, e);
        }
    }

    /** Where an import keeps the previous file of a release it replaces until its database change commits. */
    public Path backupOf(String releaseId) {
        return directory.resolve(releaseId + SUFFIX + ".previous");
    }

    /** Deletes what a crash left half-written ({@code *.tmp} of {@link #save}); answers how many. */
    public int deleteTemporaryFiles() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            int deleted = 0;
            for (Path temp : files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                Files.deleteIfExists(temp);
                deleted++;
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entry and index-term counts of a stored file's END line (what the database records for it), or
     * null when the file is missing, damaged or incomplete. Reads the whole file, so only for repairs.
     */
    public int[] storedCounts(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 64 * 1024), StandardCharsets.UTF_8))) {
            String line;
            String last = null;
            while ((line = in.readLine()) != null) {
                last = line;
            }
            String[] f = split(last);
            return f.length == 3 && f[0].equals("END")
                    ? new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])}
                    : null;
        } catch (IOException | RuntimeException damaged) {
            return null;
        }
    }

    public void delete(String releaseId) {
        try {
            Files.deleteIfExists(fileOf(releaseId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of every stored release, e.g. {@code ICD10CM-FY2026}. */
    public List<String> storedIds() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ImportedRelease release, Writer out) throws IOException {
        line(
                out,
                MAGIC,
                "1",
                release.system().name(),
                release.version(),
                Integer.toString(release.year()),
                String.join("|", release.sourceFiles()));
        for (ImportedHeading heading : release.headings()) {
            line(out, "H", heading.kind().name(), heading.id(), heading.title(), orEmpty(heading.chapter()));
            writeNotes(out, heading.notes());
        }
        for (ImportedCode code : release.codes()) {
            line(
                    out,
                    "E",
                    code.code(),
                    code.billable() ? "1" : "0",
                    orEmpty(code.parent()),
                    code.title(),
                    code.shortTitle().equals(code.title()) ? "" : code.shortTitle(),
                    orEmpty(code.terminationDate()));
            writeNotes(out, code.notes());
        }
        for (ImportedIndexTerm term : release.indexTerms()) {
            List<String> fields = new ArrayList<>(List.of(
                    "I",
                    term.index().name(),
                    term.nemod(),
                    term.code(),
                    term.manifestationCode(),
                    term.see(),
                    term.seeAlso()));
            fields.addAll(term.path());
            line(out, fields.toArray(String[]::new));
            for (Cell cell : term.cells()) {
                line(out, "X", cell.column(), cell.code());
            }
        }
        line(
                out,
                "END",
                Integer.toString(release.codes().size()),
                Integer.toString(release.indexTerms().size()));
    }

    private static void writeNotes(Writer out, List<ImportedNote> notes) throws IOException {
        for (ImportedNote note : notes) {
            line(out, "N", note.type().name(), note.text());
        }
    }

    public ImportedRelease load(String releaseId) {
        Path file = fileOf(releaseId);
        String name = file.getFileName().toString();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 64 * 1024), StandardCharsets.UTF_8))) {
            String[] header = split(in.readLine());
            if (header.length < 6 || !MAGIC.equals(header[0]) || !"1".equals(header[1])) {
                throw new CodeSetImportException(name, 1, "not a stored code set (or an unknown format version)");
            }
            CodeSystem system = CodeSystem.valueOf(header[2]);
            String version = header[3];
            int year = Integer.parseInt(header[4]);
            List<String> sources = header[5].isEmpty() ? List.of() : Arrays.asList(header[5].split("\\|"));
            List<ImportedHeading> headings = new ArrayList<>();
            List<ImportedCode> codes = new ArrayList<>(100_000);
            List<ImportedIndexTerm> terms = new ArrayList<>();
            // Notes and cells follow their owner; collect them before building the immutable record.
            PendingOwner pending = new PendingOwner(system);
            String line;
            int lineNo = 1;
            boolean complete = false;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] f = split(line);
                switch (f[0]) {
                    case "H" -> {
                        pending.flush(headings, codes, terms);
                        pending.heading = f;
                    }
                    case "E" -> {
                        pending.flush(headings, codes, terms);
                        pending.code = f;
                    }
                    case "I" -> {
                        pending.flush(headings, codes, terms);
                        pending.term = f;
                    }
                    case "N" -> pending.notes.add(new ImportedNote(NoteType.valueOf(f[1]), f[2]));
                    case "X" -> pending.cells.add(new Cell(f[1], f[2]));
                    case "END" -> {
                        pending.flush(headings, codes, terms);
                        if (Integer.parseInt(f[1]) != codes.size() || Integer.parseInt(f[2]) != terms.size()) {
                            throw new CodeSetImportException(name, lineNo, "record counts do not match the END line");
                        }
                        complete = true;
                    }
                    default -> throw new CodeSetImportException(name, lineNo, "unknown record type " + f[0]);
                }
            }
            if (!complete) {
                throw new CodeSetImportException(name, lineNo, "stored code set is incomplete (no END line)");
            }
            return new ImportedRelease(system, version, year, sources, headings, codes, terms);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stored code set " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof CodeSetImportException) {
                throw e;
            }
            throw new CodeSetImportException(name, 0, "damaged stored code set: " + e, e);
        }
    }

    private static final class PendingOwner {
        final CodeSystem system;
        String[] heading;
        String[] code;
        String[] term;
        final List<ImportedNote> notes = new ArrayList<>();
        final List<Cell> cells = new ArrayList<>();

        PendingOwner(CodeSystem system) {
            this.system = system;
        }

        void flush(List<ImportedHeading> headings, List<ImportedCode> codes, List<ImportedIndexTerm> terms) {
            if (heading != null) {
                headings.add(new ImportedHeading(
                        Kind.valueOf(heading[1]), heading[2], heading[3], emptyToNull(heading[4]), notes));
            } else if (code != null) {
                String title = code[4];
                codes.add(new ImportedCode(
                        system,
                        code[1],
                        code[5].isEmpty() ? title : code[5],
                        title,
                        code[2].equals("1"),
                        emptyToNull(code[3]),
                        notes,
                        emptyToNull(code[6])));
            } else if (term != null) {
                terms.add(new ImportedIndexTerm(
                        IndexKind.valueOf(term[1]),
                        Arrays.asList(term).subList(7, term.length),
                        term[2],
                        term[3],
                        term[4],
                        term[5],
                        term[6],
                        cells));
            }
            heading = null;
            code = null;
            term = null;
            notes.clear();
            cells.clear();
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static void line(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            escape(out, fields[i]);
        }
        out.write('\n');
    }

    private static void escape(Writer out, String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\\' -> out.write("\\\\");
                default -> out.write(c);
            }
        }
    }

    static String[] split(String line) {
        if (line == null) {
            return new String[] {""};
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                field.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

    /** Newest first, for listing. */
    public static Comparator<ImportedRelease> newestFirst() {
        return Comparator.comparingInt(ImportedRelease::year).reversed();
    }
}
