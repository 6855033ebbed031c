package org.chart2claim.billing.posting;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The practice's patient account number, derived the same way every time from the patient's name and date of
 * birth ("GREENLEAF-VANESSA-19831214"), so every claim of one patient lands on one account whatever its payer,
 * and the number is safe in a URL.
 */
public final class PatientAccount {
    private PatientAccount() {}

    public static String number(String lastName, String firstName, LocalDate birthDate) {
        String base = part(lastName) + "-" + part(firstName);
        return birthDate == null ? base : base + "-" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** "Last, First" as statements and lists show it. */
    public static String display(String lastName, String firstName) {
        String last = lastName == null ? "" : lastName.trim();
        String first = firstName == null ? "" : firstName.trim();
        return first.isEmpty() ? last : last + ", " + first;
    }

    /** Account numbers are upper-case letters, digits and dashes. */
    public static boolean wellFormed(String account) {
        return account != null && account.matches("[A-Z0-9-]{1,120}");
    }

    private static String part(String name) {
        String ascii = asciiPart(name);
        if (ascii != null) {
            return ascii.isEmpty() ? "UNKNOWN" : ascii;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFD);
        String cleaned = n.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return cleaned.isEmpty() ? "UNKNOWN" : cleaned;
    }

    /**
     * The same cleaning for a plain ASCII name without the Unicode normalizer and two regular expressions (posting
     * a 10,000-claim ledger derives 10,000 account numbers); null when the name has other characters.
     */
    private static String asciiPart(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c >= 'a' && c <= 'z') {
                sb.append((char) (c - 'a' + 'A'));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
