package org.chart2claim.codebook;

import java.util.Locale;

/**
 * Spelling rules for codes. ICD-10-CM codes are printed with a dot after the third character
 * ({@code E11.9}) but files and claims carry them without ({@code E119}); lookups ignore case and dot.
 */
public final class CodeFormat {

    private CodeFormat() {}

    /** Upper case, no dot, no spaces: the key used for lookups ({@code " e11.9 "} → {@code E119}). */
    public static String compact(CodeSystem system, String code) {
        if (code == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** The code as printed in the books: ICD-10-CM gets its dot after the 3rd character. */
    public static String display(CodeSystem system, String code) {
        String compact = compact(system, code);
        if (system == CodeSystem.ICD10CM && compact.length() > 3) {
            return compact.substring(0, 3) + "." + compact.substring(3);
        }
        return compact;
    }
}
