package org.chart2claim.codebook.search;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weeks of pregnancy as the classification counts them: the obstetric codes choose a character by
 * trimester ("less than 14 weeks 0 days", "14 weeks 0 days to less than 28 weeks 0 days", "28 weeks 0 days
 * until delivery": ICD-10-CM chapter 15, trimester definitions), so "GDM at 28 wks" says "third trimester".
 * Only in a query that speaks of a pregnancy: "6 wks ago" after a knee replacement is no trimester.
 */
final class GestationalAge {

    /** Last week of the first and of the second trimester. */
    static final int FIRST_TRIMESTER_LAST_WEEK = 13;

    static final int SECOND_TRIMESTER_LAST_WEEK = 27;

    /** A gestation in weeks: "28 wks", "34 weeks", "10wk", "32w" (up to 42). */
    private static final Pattern WEEKS = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\s*\\+\\s*\\d/7)?\\s*(?:weeks?|wks?|w)(?![\\p{L}\\p{N}])");

    /** Words that make the weeks a gestation. */
    private static final Pattern PREGNANCY = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:g\\d+\\s*p\\d+|pregnan\\w*|gestation\\w*|iup|prenatal|antepartum|gdm|pih|"
                    + "preeclampsia|eclampsia|hyperemesis|miscarriage|primigravida|multigravida|gravida|primip|"
                    + "multip|fetal|fetus|trimester|ob)(?![\\p{L}\\p{N}])");

    private GestationalAge() {}

    /** The trimester words the query's gestation implies ("third trimester"), or "" when it names none. */
    static String trimesterWords(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!PREGNANCY.matcher(lower).find()) {
            return "";
        }
        Matcher m = WEEKS.matcher(lower);
        while (m.find()) {
            int weeks = Integer.parseInt(m.group(1));
            if (weeks >= 1 && weeks <= 42) {
                return weeks <= FIRST_TRIMESTER_LAST_WEEK
                        ? "first trimester"
                        : weeks <= SECOND_TRIMESTER_LAST_WEEK ? "second trimester" : "third trimester";
            }
        }
        return "";
    }
}
