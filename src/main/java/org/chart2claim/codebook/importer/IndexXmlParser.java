package org.chart2claim.codebook.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.chart2claim.codebook.importer.ImportedIndexTerm.Cell;
import org.chart2claim.codebook.importer.ImportedIndexTerm.IndexKind;

/**
 * Streams an ICD-10-CM index XML (root {@code ICD10CM.index}): the Alphabetic Index to Diseases, the
 * External Cause index, and the Neoplasm and Drug tables, which share the schema and add
 * {@code indexHeading}/{@code cell} columns. Terms nest to any depth ({@code term level="n"}); each
 * is emitted in book order, before its subterms, with the path of titles above it.
 */
public final class IndexXmlParser {

    public static final String ROOT = "ICD10CM.index";

    /** What was read: version, letters and the number of terms emitted. */
    public record Result(String version, IndexKind kind, int letters, int mainTerms, int terms) {}

    private final class TermState {
        final List<String> path;
        String nemod = "";
        String code = "";
        String manif = "";
        String see = "";
        String seeAlso = "";
        final List<Cell> cells = new ArrayList<>();
        boolean emitted;

        TermState(List<String> path) {
            this.path = path;
        }
    }

    private IndexKind kind;
    private final Map<String, String> columnHeadings = new HashMap<>();
    private Consumer<ImportedIndexTerm> sink;
    private int mainTerms;
    private int terms;

    /**
     * @param expectedKind the kind the file name suggested; a table file is recognised by its
     *                     {@code indexHeading} whatever its name
     */
    public Result parse(
            InputStream in,
            String fileName,
            IndexKind expectedKind,
            Consumer<String> versionCheck,
            Consumer<ImportedIndexTerm> sink) {
        this.kind = expectedKind;
        this.sink = sink;
        columnHeadings.clear();
        mainTerms = 0;
        terms = 0;
        SecureXml xml = SecureXml.open(in, fileName);
        try {
            String root = xml.root();
            if (!ROOT.equals(root)) {
                throw xml.problem("root element is <" + root + ">, expected <" + ROOT + ">: not an index file");
            }
            String version = null;
            int letters = 0;
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "version" -> {
                        version = xml.text();
                        if (versionCheck != null) {
                            versionCheck.accept(version);
                        }
                    }
                    case "title" -> {
                        String title = xml.text().toUpperCase();
                        if (title.contains("EXTERNAL CAUSE")) {
                            kind = IndexKind.EXTERNAL_CAUSES;
                        }
                    }
                    case "indexHeading" -> readHeadings(xml);
                    case "letter" -> {
                        letters++;
                        readLetter(xml);
                    }
                    default -> xml.skip();
                }
            }
            if (version == null || version.isBlank()) {
                throw new CodeSetImportException(fileName, 0, "no <version> element: cannot tell the fiscal year");
            }
            if (mainTerms == 0) {
                throw new CodeSetImportException(fileName, 0, "no <mainTerm> found");
            }
            return new Result(version, kind, letters, mainTerms, terms);
        } finally {
            xml.close();
        }
    }

    private void readHeadings(SecureXml xml) {
        while (xml.nextChild()) {
            if (xml.name().equals("head")) {
                String column = xml.attribute("col");
                String heading = xml.text();
                if (column != null) {
                    columnHeadings.put(column, heading);
                }
            } else {
                xml.skip();
            }
        }
        String first = columnHeadings.getOrDefault("1", "");
        if (first.equalsIgnoreCase("Neoplasm")) {
            kind = IndexKind.NEOPLASMS;
        } else if (first.equalsIgnoreCase("Substance")) {
            kind = IndexKind.DRUGS;
        }
    }

    private void readLetter(SecureXml xml) {
        while (xml.nextChild()) {
            if (xml.name().equals("mainTerm")) {
                mainTerms++;
                readTerm(xml, List.of());
            } else {
                xml.skip(); // the letter's own <title>
            }
        }
    }

    private void readTerm(SecureXml xml, List<String> parentPath) {
        TermState state = new TermState(parentPath);
        boolean titled = false;
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "title" -> {
                    String[] parts = xml.textAndChild("nemod");
                    List<String> path = new ArrayList<>(parentPath);
                    path.add(parts[0]);
                    state = copyWithPath(state, path);
                    state.nemod = parts[1];
                    titled = true;
                }
                case "code" -> state.code = join(state.code, xml.text());
                case "subcat" -> state.code = join(state.code, xml.text());
                case "manif" -> state.manif = join(state.manif, xml.text());
                case "see" -> state.see = join(state.see, xml.text());
                case "seecat" -> state.see = join(state.see, "category " + xml.text());
                case "seeAlso" -> state.seeAlso = join(state.seeAlso, xml.text());
                case "cell" -> {
                    String column = xml.attribute("col");
                    String value = xml.text();
                    if (!value.isEmpty() && !value.equals("--")) {
                        state.cells.add(new Cell(columnHeadings.getOrDefault(column, "column " + column), value));
                    }
                }
                case "term" -> {
                    if (!titled) {
                        throw xml.problem("subterm before its parent's <title>");
                    }
                    emit(state);
                    readTerm(xml, state.path);
                }
                default -> xml.skip();
            }
        }
        if (!titled) {
            throw xml.problem("index term without <title>");
        }
        emit(state);
    }

    private TermState copyWithPath(TermState state, List<String> path) {
        TermState copy = new TermState(List.copyOf(path));
        copy.code = state.code;
        copy.see = state.see;
        copy.seeAlso = state.seeAlso;
        copy.manif = state.manif;
        copy.cells.addAll(state.cells);
        return copy;
    }

    private void emit(TermState state) {
        if (state.emitted) {
            return;
        }
        state.emitted = true;
        terms++;
        sink.accept(new ImportedIndexTerm(
                kind, state.path, state.nemod, state.code, state.manif, state.see, state.seeAlso, state.cells));
    }

    private static String join(String existing, String more) {
        return existing.isEmpty() ? more : existing + "; " + more;
    }
}
