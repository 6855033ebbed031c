package org.chart2claim.codebook;

import java.util.List;

/**
 * The Tabular List instructional notes attached to a chapter, block or code, in the order the books
 * print them. Each list holds the note lines verbatim (one line per official {@code <note>}).
 *
 * @param includes          "Includes" notes (what the category/chapter covers)
 * @param inclusionTerms    inclusion terms listed under a code (synonyms the book files there)
 * @param excludes1         "Excludes1": NOT CODED HERE — never report together with the excluded code
 * @param excludes2         "Excludes2": not included here — both may be reported when both apply
 * @param codeFirst         "Code first" the underlying condition
 * @param useAdditionalCode "Use additional code" to identify...
 * @param codeAlso          "Code also" (sequencing depends on circumstances)
 */
public record InstructionalNotes(
        List<String> includes,
        List<String> inclusionTerms,
        List<String> excludes1,
        List<String> excludes2,
        List<String> codeFirst,
        List<String> useAdditionalCode,
        List<String> codeAlso) {

    /** No notes at all. */
    public static final InstructionalNotes NONE =
            new InstructionalNotes(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public InstructionalNotes {
        includes = List.copyOf(includes);
        inclusionTerms = List.copyOf(inclusionTerms);
        excludes1 = List.copyOf(excludes1);
        excludes2 = List.copyOf(excludes2);
        codeFirst = List.copyOf(codeFirst);
        useAdditionalCode = List.copyOf(useAdditionalCode);
        codeAlso = List.copyOf(codeAlso);
    }

    /** True when no list holds a note. */
    public boolean isEmpty() {
        return includes.isEmpty()
                && inclusionTerms.isEmpty()
                && excludes1.isEmpty()
                && excludes2.isEmpty()
                && codeFirst.isEmpty()
                && useAdditionalCode.isEmpty()
                && codeAlso.isEmpty();
    }

    /** The notes of one kind. */
    public List<String> get(NoteKind kind) {
        return switch (kind) {
            case INCLUDES -> includes;
            case INCLUSION_TERM -> inclusionTerms;
            case EXCLUDES1 -> excludes1;
            case EXCLUDES2 -> excludes2;
            case CODE_FIRST -> codeFirst;
            case USE_ADDITIONAL_CODE -> useAdditionalCode;
            case CODE_ALSO -> codeAlso;
        };
    }
}
