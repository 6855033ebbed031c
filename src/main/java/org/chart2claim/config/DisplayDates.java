package org.chart2claim.config;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The one way the app shows dates to people: the medium localized style of the user's locale (the browser's
 * language, e.g. "Dec 1, 2026" for en-US, "1 Dec 2026" for en-GB), with four-digit years so a birth date
 * is never ambiguous. Forms that print a fixed format by rule (CMS-1500 boxes, X12) keep theirs.
 */
public final class DisplayDates {

    private DisplayDates() {}

    /** The locale of the current UI (from the browser), or US English outside a UI. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? null : ui.getLocale();
        return locale == null ? Locale.US : locale;
    }

    public static String date(LocalDate date) {
        return date(date, locale());
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }

    /** Date and time of an instant in the server's time zone. */
    public static String dateTime(Instant instant) {
        return dateTime(instant, locale());
    }

    public static String dateTime(Instant instant, Locale locale) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(ZoneId.systemDefault())
                        .format(instant);
    }
}
