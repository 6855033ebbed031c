package org.chart2claim.codebook.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numeric ranges a title states ("2.6 cm to 7.5 cm", "up to 15 tags", "6 or more nails", "45+ minutes",
 * "age 1 through 4 years", "65 years and older", "BMI 40.0-44.9"), as index tokens for every number inside them, so
 * a note's "4 cm laceration", "8 skin tags" or "BMI 42" ranks the code whose range holds the number.
 *
 * <p>Tokens: {@code i<n>} for each whole number in the range, and {@code t<tenths>} for each tenth when the
 * range ends at or below {@value #TENTHS_UP_TO} (sizes in cm: "0.6 to 1.0 cm" must not hold 1.5). Open ranges
 * ("or more") hold the next {@value #OPEN_RANGE} whole numbers.
 */
final class NumberRanges {

    static final int TENTHS_UP_TO = 30;
    static final int OPEN_RANGE = 100;

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final String UNIT =
            "(?:\\s*(?:sq\\.? cm|cm|mm|minutes?|min|hours?|years?|weeks?|days?|months?|lesions?|tags?|nails?|units?|%))?";
    private static final Pattern OVER_UP_TO = Pattern.compile("\\bover " + NUMBER + UNIT + " up to " + NUMBER);
    private static final Pattern BETWEEN =
            Pattern.compile(NUMBER + UNIT + "\\s*(?:-|–|\\bto\\b|\\bthrough\\b)\\s*" + NUMBER);
    private static final Pattern UP_TO =
            Pattern.compile("\\b(?:up to|less than|under|fewer than|at most)\\s+" + NUMBER);
    private static final Pattern OR_LESS = Pattern.compile(NUMBER + UNIT + "\\s+or (?:less|smaller|fewer|under)\\b");
    private static final Pattern MORE_THAN =
            Pattern.compile("\\b(?:more than|larger than|greater than|over)\\s+" + NUMBER);
    // "10+ minutes", "6 or more nails", and ages as the preventive visits state them: "65 years and older"
    private static final Pattern OR_MORE = Pattern.compile(
            NUMBER + "(?:\\+|" + UNIT + "\\s+(?:or (?:more|greater|larger)|and (?:older|over|above))\\b)");

    private NumberRanges() {}

    /** The range tokens of a text (empty when it states no range). */
    static Set<String> tokens(String text) {
        StringBuilder rest = new StringBuilder(text.toLowerCase(Locale.ROOT));
        Set<String> tokens = new LinkedHashSet<>();
        for (Matcher m = OVER_UP_TO.matcher(rest); m.find(); m = OVER_UP_TO.matcher(rest)) {
            add(tokens, number(m.group(1)).add(BigDecimal.ONE.movePointLeft(1)), number(m.group(2)));
            blank(rest, m);
        }
        for (Matcher m = BETWEEN.matcher(rest); m.find(); m = BETWEEN.matcher(rest)) {
            add(tokens, number(m.group(1)), number(m.group(2)));
            blank(rest, m);
        }
        for (Matcher m = UP_TO.matcher(rest); m.find(); m = UP_TO.matcher(rest)) {
            add(tokens, BigDecimal.ZERO, number(m.group(1)));
            blank(rest, m);
        }
        for (Matcher m = OR_LESS.matcher(rest); m.find(); m = OR_LESS.matcher(rest)) {
            add(tokens, BigDecimal.ZERO, number(m.group(1)));
            blank(rest, m);
        }
        for (Matcher m = MORE_THAN.matcher(rest); m.find(); m = MORE_THAN.matcher(rest)) {
            BigDecimal low = number(m.group(1)).add(BigDecimal.ONE.movePointLeft(1));
            add(tokens, low, low.add(BigDecimal.valueOf(OPEN_RANGE)));
            blank(rest, m);
        }
        for (Matcher m = OR_MORE.matcher(rest); m.find(); m = OR_MORE.matcher(rest)) {
            BigDecimal low = number(m.group(1));
            add(tokens, low, low.add(BigDecimal.valueOf(OPEN_RANGE)));
            blank(rest, m);
        }
        return tokens;
    }

    /**
     * The tokens a number of a query matches ("4" → i4 and t40; "1.5" → t15; "31.5" → i31); empty for a
     * non-number. Above {@value #TENTHS_UP_TO} ranges hold whole numbers only, and a range stated in tenths
     * there ends in .9 ("BMI 31.0-31.9"), so a decimal counts as its whole part.
     */
    static List<String> queryTokens(String number) {
        List<String> tokens = new ArrayList<>();
        if (!number.matches("\\d{1,6}(?:\\.\\d+)?")) {
            return tokens;
        }
        BigDecimal value = new BigDecimal(number);
        if (value.stripTrailingZeros().scale() <= 0 || value.compareTo(BigDecimal.valueOf(TENTHS_UP_TO)) > 0) {
            tokens.add("i" + value.setScale(0, RoundingMode.FLOOR).toBigInteger());
        }
        if (value.compareTo(BigDecimal.valueOf(TENTHS_UP_TO)) <= 0) {
            tokens.add("t"
                    + value.movePointRight(1).setScale(0, RoundingMode.FLOOR).toBigInteger());
        }
        return tokens;
    }

    private static BigDecimal number(String s) {
        return new BigDecimal(s);
    }

    private static void add(Set<String> tokens, BigDecimal low, BigDecimal high) {
        if (low.compareTo(high) > 0) {
            return;
        }
        int from = low.setScale(0, RoundingMode.CEILING).intValueExact();
        int to = Math.min(high.setScale(0, RoundingMode.FLOOR).intValueExact(), from + OPEN_RANGE);
        for (int n = from; n <= to; n++) {
            tokens.add("i" + n);
        }
        if (high.compareTo(BigDecimal.valueOf(TENTHS_UP_TO)) <= 0) {
            int tenthsFrom =
                    low.movePointRight(1).setScale(0, RoundingMode.CEILING).intValueExact();
            int tenthsTo =
                    high.movePointRight(1).setScale(0, RoundingMode.FLOOR).intValueExact();
            for (int n = tenthsFrom; n <= tenthsTo; n++) {
                tokens.add("t" + n);
            }
        }
    }

    private static void blank(StringBuilder text, Matcher m) {
        for (int i = m.start(); i < m.end(); i++) {
            text.setCharAt(i, ' ');
        }
    }
}
