package org.chart2claim.codebook;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that knows how codes are spelled. ICD-10-CM codes are printed with a dot after the third
 * character ({@code E11.9}) but files and claims carry them without ({@code E119}); lookups ignore case
 * and dot. The syntax checks are what a clearinghouse and the scenario validator apply before anybody
 * looks at content; whether a code exists is the code books' business ({@link CodeLookup}).
 */
public final class CodeFormat {

    /** ICD-10-CM: letter, digit, alphanumeric, then up to four alphanumerics after an optional dot. */
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    /** CPT (4 digits + digit or letter: F Category II, T Category III, U PLA, A vaccine...) or HCPCS II (A–V + 4 digits). */
    private static final Pattern PROCEDURE = Pattern.compile("[0-9]{4}[0-9A-Z]|[A-V][0-9]{4}");

    private static final Pattern MODIFIER = Pattern.compile("[0-9A-Z]{2}");

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

    /**
     * ICD-10-CM code without the dot, trimmed, upper case ({@code e11.9} → {@code E119}), as X12 carries it.
     * Unlike {@link #compact} it keeps other characters, so a prefix pattern such as {@code O*} survives.
     */
    public static String undotted(String icd) {
        return icd == null ? "" : icd.trim().replace(".", "").toUpperCase(Locale.ROOT);
    }

    /** ICD-10-CM code with the dot after the category ({@code E119} → {@code E11.9}), as code books print it. */
    public static String dotted(String icd) {
        String u = undotted(icd);
        return u.length() > 3 ? u.substring(0, 3) + "." + u.substring(3) : u;
    }

    /** ICD-10-CM syntax, with or without the dot, any case. */
    public static boolean isIcd10(String code) {
        return code != null
                && ICD10.matcher(code.trim().toUpperCase(Locale.ROOT)).matches();
    }

    /** ICD-10-CM syntax in the printed spelling: upper case, dot after the category when longer than three. */
    public static boolean isIcd10AsPrinted(String code) {
        return isIcd10(code) && code.equals(dotted(code));
    }

    /** CPT or HCPCS Level II syntax (upper case, as a claim carries it). */
    public static boolean isProcedure(String code) {
        return code != null && PROCEDURE.matcher(code.trim()).matches();
    }

    public static boolean isModifier(String modifier) {
        return modifier != null && MODIFIER.matcher(modifier).matches();
    }

    /** Which book a procedure code belongs to: a leading letter means HCPCS Level II, digits CPT. */
    public static CodeSystem procedureSystem(String code) {
        return code != null && !code.isEmpty() && Character.isLetter(code.charAt(0))
                ? CodeSystem.HCPCS
                : CodeSystem.CPT;
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

    /**
     * The 7-character variant of a short ICD-10-CM code: padded with placeholder X to six characters plus
     * {@code A} (initial encounter), dotted ({@code S93.4} → {@code S93.4XXA}). Empty for codes of fewer than
     * three or already seven characters. Whether the variant exists is for {@link CodeLookup} to say.
     */
    public static Optional<String> seventhCharacterVariant(String icd) {
        String u = undotted(icd);
        if (u.length() < 3 || u.length() >= 7) {
            return Optional.empty();
        }
        StringBuilder padded = new StringBuilder(u);
        while (padded.length() < 6) {
            padded.append('X');
        }
        return Optional.of(dotted(padded.append('A').toString()));
    }
}
