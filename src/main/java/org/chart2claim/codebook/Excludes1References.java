package org.chart2claim.codebook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the code references out of an Excludes1 note such as "type 1 diabetes mellitus (E10.-)",
 * "malignant neoplasm (C00-C96)" or "neonatal diabetes mellitus (P70.2)", and tells whether a code
 * falls under one of them. A reference ending in {@code .-} or {@code -} covers every code below it; a
 * plain code also covers its children; a range covers the categories between its ends.
 */
public final class Excludes1References {

    /** One reference: codes starting with {@code first}, or categories from first to last. */
    public record Reference(String first, String last) {
        boolean covers(String compactCode) {
            if (last == null) {
                return compactCode.startsWith(first);
            }
            String category = compactCode.length() >= 3 ? compactCode.substring(0, 3) : compactCode;
            String from = first.length() > 3 ? first.substring(0, 3) : first;
            String to = last.length() > 3 ? last.substring(0, 3) : last;
            if (category.compareTo(from) < 0 || category.compareTo(to) > 0) {
                return false;
            }
            // a range starting inside a category (K85-K86.-) still starts at that category
            return category.compareTo(from) > 0 || first.length() <= 3 || compactCode.startsWith(first);
        }
    }

    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?");
    private static final Pattern RANGE_OR_CODE = Pattern.compile(
            "([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{0,4})?)(?:\\s*-\\s*([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{0,4})?))?-?");

    private Excludes1References() {}

    /** All code references of a note's text (codes in parentheses, as the Tabular prints them). */
    public static List<Reference> parse(String note) {
        List<Reference> refs = new ArrayList<>();
        Matcher parens = PARENTHESES.matcher(note);
        while (parens.find()) {
            String inside = parens.group(1);
            if (!CODE.matcher(inside).find()) {
                continue;
            }
            Matcher m = RANGE_OR_CODE.matcher(inside);
            while (m.find()) {
                String first = clean(m.group(1));
                String last = m.group(2) == null ? null : clean(m.group(2));
                refs.add(new Reference(first, last));
            }
        }
        return refs;
    }

    private static String clean(String code) {
        return code.replace(".", "").replace("-", "");
    }

    /** True when any reference in the notes covers the code (compared without dots). */
    public static boolean anyCovers(List<String> notes, String code) {
        return anyReferenceCovers(
                notes.stream().flatMap(note -> parse(note).stream()).toList(), code);
    }

    /** True when any of the already parsed references covers the code (compared without dots). */
    static boolean anyReferenceCovers(Collection<Reference> references, String code) {
        String compact = CodeFormat.compact(CodeSystem.ICD10CM, code);
        for (Reference ref : references) {
            if (ref.covers(compact)) {
                return true;
            }
        }
        return false;
    }
}
