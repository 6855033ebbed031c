package org.chart2claim.claim;

import java.util.Set;
import java.util.regex.Pattern;

/** Syntax of the codes a claim carries: what a clearinghouse checks before any payer looks at content. */
public final class CodeFormats {
    private CodeFormats() {}

    /** ICD-10-CM: letter, digit, alphanumeric, then up to four alphanumerics after an optional dot. */
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    /** CPT (5 digits or 4 digits + F/T/U) or HCPCS Level II (letter A–V + 4 digits). */
    private static final Pattern PROCEDURE = Pattern.compile("\\d{4}[0-9FTU]|[A-V]\\d{4}");

    private static final Pattern MODIFIER = Pattern.compile("[0-9A-Z]{2}");

    /** CMS place-of-service code set (two digits), the subset in use for professional claims. */
    public static final Set<String> PLACES_OF_SERVICE = Set.of(
            "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
            "19", "20", "21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34", "41", "42", "49", "50", "51",
            "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "65", "66", "71", "72", "81", "99");

    public static boolean isIcd10Format(String code) {
        return code != null
                && ICD10.matcher(code.trim().toUpperCase(java.util.Locale.ROOT)).matches();
    }

    public static boolean isProcedureFormat(String code) {
        return code != null && PROCEDURE.matcher(code.trim()).matches();
    }

    public static boolean isModifierFormat(String modifier) {
        return modifier != null && MODIFIER.matcher(modifier).matches();
    }

    public static boolean isPlaceOfService(String pos) {
        return pos != null && PLACES_OF_SERVICE.contains(pos);
    }

    /** E/M visit codes (office, ED, hospital, preventive ranges 99202–99499). */
    public static boolean isEvaluationAndManagement(String code) {
        return code != null
                && code.length() == 5
                && code.startsWith("99")
                && code.charAt(2) >= '2'
                && code.charAt(2) <= '4'
                && Character.isDigit(code.charAt(3))
                && Character.isDigit(code.charAt(4));
    }
}
