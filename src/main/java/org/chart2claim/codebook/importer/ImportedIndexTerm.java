package org.chart2claim.codebook.importer;

import java.util.List;

/**
 * One Alphabetic Index entry (main term or subterm at any depth), flattened with its path so it can be
 * stored and searched line by line: {@code path = ["Fracture, traumatic", "acetabulum", "column"]}.
 *
 * @param index   which index it comes from
 * @param path    titles from the main term down to this term (nonessential modifiers removed)
 * @param nemod   nonessential modifiers of this term, e.g. "(displaced) (iliopubic)", or ""
 * @param code    the code the term points to ({@code S32.43-} style: a trailing dash means "see the
 *                Tabular for more characters"), or "" when the term only groups subterms or refers
 * @param manifestationCode the bracketed manifestation code that must follow {@code code}, or ""
 * @param see     "see" cross reference, or ""
 * @param seeAlso "see also" cross reference, or ""
 * @param cells   for the Neoplasm and Drug tables: one (column heading, code) per filled cell
 */
public record ImportedIndexTerm(
        IndexKind index,
        List<String> path,
        String nemod,
        String code,
        String manifestationCode,
        String see,
        String seeAlso,
        List<Cell> cells) {

    public enum IndexKind {
        DISEASES,
        EXTERNAL_CAUSES,
        NEOPLASMS,
        DRUGS
    }

    public record Cell(String column, String code) {}

    public ImportedIndexTerm {
        path = List.copyOf(path);
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    public int level() {
        return path.size() - 1;
    }

    public String term() {
        return path.get(path.size() - 1);
    }
}
