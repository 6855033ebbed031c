package org.chart2claim.standard;

import java.util.Set;

/** The CMS place-of-service code set (CMS-1500 box 24B, X12 CLM05-1): two digits, the codes in use. */
public final class PlaceOfService {
    private PlaceOfService() {}

    /** The subset in use for professional claims. */
    public static final Set<String> CODES = Set.of(
            "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
            "19", "20", "21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34", "41", "42", "49", "50", "51",
            "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "65", "66", "71", "72", "81", "99");

    public static boolean isValid(String pos) {
        return pos != null && CODES.contains(pos);
    }
}
