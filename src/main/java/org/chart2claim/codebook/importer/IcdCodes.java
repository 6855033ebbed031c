package org.chart2claim.codebook.importer;

import java.util.regex.Pattern;

/**
 * ICD-10-CM code spelling (a letter, then alphanumerics: FY2026 added categories such as {@code QA0}): the
 * release files store codes without the dot; the books print it after the 3rd character.
 */
public final class IcdCodes {

    private static final Pattern UNDOTTED = Pattern.compile("[A-Z][0-9A-Z]{2,6}");
    private static final Pattern DOTTED = Pattern.compile("[A-Z][0-9A-Z]{2}(\\.[0-9A-Z]{1,4})?");

    private IcdCodes() {}

    public static boolean isUndotted(String code) {
        return UNDOTTED.matcher(code).matches();
    }

    public static boolean isDotted(String code) {
        return DOTTED.matcher(code).matches();
    }
}
