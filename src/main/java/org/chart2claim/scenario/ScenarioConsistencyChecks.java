package org.chart2claim.scenario;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks at load that a scenario's note agrees with its own encounter data, so the facts a learner codes
 * from cannot contradict each other (scenarios/REVIEW.md lists them for the human reviewer too):
 * <ul>
 *   <li>every age in the note ("68-year-old", "12-month-old") equals the age from the date of birth on the
 *       date of service;</li>
 *   <li>a Z3A weeks-of-gestation code matches the gestational age the note states ("39 weeks 2 days") and
 *       the EDD, and the two agree with each other to the day;</li>
 *   <li>a pathology or lab date of service is not after a report date in the note (signed out, reported,
 *       final), and a pathology/lab scenario's date of service is the specimen collection date.</li>
 * </ul>
 * Plain Java; the common-mistake code check needs the code books and lives in {@link KeyCodeValidator}.
 */
public final class ScenarioConsistencyChecks {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);
    private static final String DATE = "(\\d{2}/\\d{2}/\\d{4})";
    private static final Pattern AGE_YEARS =
            Pattern.compile("\\b(\\d{1,3})[- ]year[- ]old\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE_MONTHS =
            Pattern.compile("\\b(\\d{1,2})[- ]month[- ]old\\b", Pattern.CASE_INSENSITIVE);
    /** Words right before an age that show it is someone else's ("her 5-year-old son" is caught by 'her'). */
    private static final Pattern SOMEONE_ELSE = Pattern.compile(
            "(?i)\\b(her|his|their|sibling|brother|sister|son|daughter|mother|father|husband|wife|partner|child)\\W+(a\\W+)?$");

    private static final Pattern WEEKS_DAYS =
            Pattern.compile("\\b(\\d{1,2})\\s*weeks?,?\\s*(?:and\\s*)?(\\d)\\s*days?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKS_PLUS = Pattern.compile("\\b(\\d{1,2})\\+(\\d)\\s*weeks?\\b");
    private static final Pattern WEEKS_GESTATION = Pattern.compile(
            "\\b(\\d{1,2})\\s*weeks?'?\\s*(?:of\\s*)?gestation\\b|gestational age(?: of)?\\s*(\\d{1,2})\\s*weeks?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EDD = Pattern.compile("\\bEDD\\b[^0-9\\n]{0,20}" + DATE);
    private static final Pattern Z3A = Pattern.compile("Z3A\\.(\\d{2})");
    private static final Pattern REPORT_DATE =
            Pattern.compile("(?i)\\b(signed out|reported|report date|resulted|final)\\b[^0-9\\n]{0,12}" + DATE);
    private static final Pattern COLLECTED = Pattern.compile("(?i)\\bcollected\\b[^0-9\\n]{0,12}" + DATE);
    /** The specialty whose claims are dated by specimen collection (scenarios/README.md). */
    static final String PATHOLOGY_AND_LAB = "Pathology & lab";

    private ScenarioConsistencyChecks() {}

    /** The problems found, empty when the note and the encounter data agree. */
    public static List<String> problems(Scenario s) {
        List<String> problems = new ArrayList<>();
        String note = s.noteMarkdown() == null ? "" : s.noteMarkdown().replace("*", "");
        LocalDate dos = s.dateOfService();
        LocalDate dob = s.patient() == null ? null : s.patient().dateOfBirth();
        if (dos != null && dob != null) {
            ages(note, dob, dos, problems);
        }
        if (dos != null) {
            gestation(s, note, dos, problems);
            reportDates(s, note, dos, problems);
        }
        return problems;
    }

    private static void ages(String note, LocalDate dob, LocalDate dos, List<String> problems) {
        Period age = Period.between(dob, dos);
        Matcher years = AGE_YEARS.matcher(note);
        while (years.find()) {
            int stated = Integer.parseInt(years.group(1));
            if (!someoneElse(note, years.start()) && stated != age.getYears()) {
                problems.add("the note says " + years.group() + " but the date of birth " + dob + " gives "
                        + age.getYears() + " years on the date of service " + dos);
            }
        }
        Matcher months = AGE_MONTHS.matcher(note);
        while (months.find()) {
            int stated = Integer.parseInt(months.group(1));
            if (!someoneElse(note, months.start()) && stated != age.toTotalMonths()) {
                problems.add("the note says " + months.group() + " but the date of birth " + dob + " gives "
                        + age.toTotalMonths() + " months on the date of service " + dos);
            }
        }
    }

    private static boolean someoneElse(String note, int ageStart) {
        return SOMEONE_ELSE
                .matcher(note.substring(Math.max(0, ageStart - 30), ageStart))
                .find();
    }

    private static void gestation(Scenario s, String note, LocalDate dos, List<String> problems) {
        List<String> codes = new ArrayList<>();
        s.key().diagnoses().forEach(d -> codes.add(d.code()));
        codes.addAll(s.key().optionalCodes());
        Integer z3aWeeks = null;
        String z3a = null;
        for (String code : codes) {
            Matcher m = Z3A.matcher(code);
            if (m.matches()) {
                int weeks = Integer.parseInt(m.group(1));
                if (weeks >= 8 && weeks <= 42) {
                    z3aWeeks = weeks;
                    z3a = code;
                }
            }
        }
        // stated gestational ages in days (weeks + days) and in whole weeks
        List<Integer> statedDays = new ArrayList<>();
        for (Pattern p : List.of(WEEKS_DAYS, WEEKS_PLUS)) {
            Matcher m = p.matcher(note);
            while (m.find()) {
                statedDays.add(Integer.parseInt(m.group(1)) * 7 + Integer.parseInt(m.group(2)));
            }
        }
        List<Integer> statedWeeks = new ArrayList<>();
        statedDays.forEach(d -> statedWeeks.add(d / 7));
        Matcher g = WEEKS_GESTATION.matcher(note);
        while (g.find()) {
            statedWeeks.add(Integer.parseInt(g.group(1) != null ? g.group(1) : g.group(2)));
        }
        Integer eddDays = null;
        Matcher edd = EDD.matcher(note);
        if (edd.find()) {
            LocalDate due = usDate(edd.group(1));
            if (due == null) {
                problems.add("the EDD " + edd.group(1) + " in the note is not a valid date (MM/DD/YYYY)");
            } else {
                eddDays = 280 - (int) ChronoUnit.DAYS.between(dos, due);
            }
        }
        if (eddDays != null) {
            for (int stated : statedDays) {
                if (stated != eddDays) {
                    problems.add("the note states a gestational age of " + weeksDays(stated) + " but the EDD gives "
                            + weeksDays(eddDays) + " on the date of service " + dos);
                }
            }
        }
        if (z3aWeeks == null) {
            return;
        }
        if (statedWeeks.isEmpty() && eddDays == null) {
            problems.add(z3a + " needs the gestational age in the note (e.g. '28 weeks 4 days') or the EDD");
        }
        for (int weeks : statedWeeks) {
            if (weeks != z3aWeeks) {
                problems.add(z3a + " says " + z3aWeeks + " weeks but the note states " + weeks + " weeks of gestation");
            }
        }
        if (eddDays != null && eddDays / 7 != z3aWeeks) {
            problems.add(z3a + " says " + z3aWeeks + " weeks but the EDD gives " + weeksDays(eddDays)
                    + " on the date of service " + dos);
        }
    }

    private static void reportDates(Scenario s, String note, LocalDate dos, List<String> problems) {
        Matcher r = REPORT_DATE.matcher(note);
        while (r.find()) {
            LocalDate reported = usDate(r.group(2));
            if (reported != null && dos.isAfter(reported)) {
                problems.add("the date of service " + dos + " is after the report date " + r.group(2) + " ('"
                        + r.group(1) + "'): a pathology or lab service is dated by the specimen, before its report");
            }
        }
        if (!PATHOLOGY_AND_LAB.equalsIgnoreCase(s.specialty())) {
            return;
        }
        Matcher c = COLLECTED.matcher(note);
        while (c.find()) {
            LocalDate collected = usDate(c.group(1));
            if (collected != null && !collected.equals(dos)) {
                problems.add("the date of service " + dos + " is not the specimen collection date " + c.group(1)
                        + ": a pathology or lab date of service is the date the specimen was collected");
            }
        }
    }

    private static String weeksDays(int days) {
        return (days / 7) + " weeks " + (days % 7) + " days";
    }

    private static LocalDate usDate(String text) {
        try {
            return LocalDate.parse(text, US_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
