package org.chart2claim.scenario;

/** National Provider Identifier check: 10 digits whose last one is the Luhn check digit over "80840" + the first 9. */
public final class Npi {

    private Npi() {}

    public static boolean isValid(String npi) {
        if (npi == null || !npi.matches("\\d{10}")) {
            return false;
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit for nine NPI digits (the 80840 prefix is the US health-industry issuer number). */
    public static int checkDigit(String firstNine) {
        String digits = "80840" + firstNine;
        int sum = 0;
        for (int i = digits.length() - 1, pos = 0; i >= 0; i--, pos++) {
            int d = digits.charAt(i) - '0';
            if (pos % 2 == 0) { // rightmost digit of the payload is doubled (the check digit is not part of it)
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
