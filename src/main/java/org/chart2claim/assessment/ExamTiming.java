package org.chart2claim.assessment;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock rules of an exam session, as pure functions of stored values (the server owns the deadline; nothing
 * here reads the wall clock). A time limit grows by the student's extra-time percentage (rounded up to the minute);
 * an exam in two parts gives each part half of it (the first part the larger half of an odd number); a part ends
 * at its time limit or when the student's window closes, whichever comes first. A proctor's extension moves the
 * deadline of the running part.
 */
public final class ExamTiming {

    private ExamTiming() {}

    /** The time limit with the accommodation: {@code ceil(limit × (100 + extra) / 100)} minutes. */
    public static int accommodatedMinutes(int timeLimitMinutes, int extraTimePercent) {
        return (int) Math.ceilDiv((long) timeLimitMinutes * (100 + extraTimePercent), 100);
    }

    /** Minutes of part {@code part} (1 or 2) out of {@code totalMinutes} split over {@code parts}. */
    public static int partMinutes(int totalMinutes, int parts, int part) {
        if (parts == 1) {
            return totalMinutes;
        }
        int first = (totalMinutes + 1) / 2;
        return part == 1 ? first : totalMinutes - first;
    }

    /** The deadline of a part that starts at {@code start}: its minutes later, but never after the window closes. */
    public static Instant deadline(Instant start, int minutes, Instant windowCloses) {
        Instant byLimit = start.plus(Duration.ofMinutes(minutes));
        return byLimit.isAfter(windowCloses) ? windowCloses : byLimit;
    }

    /**
     * The deadline of a running part after its student's accommodation changed: the part's new minutes from the
     * same start, capped by the new window close, plus whatever a proctor already added to this part (the stored
     * deadline beyond the old rule), and never before {@code now} (a shorter time ends the part at once, it never
     * ends it in the past, so no answer saved so far becomes late).
     */
    public static Instant rescheduled(
            Instant partStart,
            Instant storedDeadline,
            int oldMinutes,
            Instant oldCloses,
            int newMinutes,
            Instant newCloses,
            Instant now) {
        Instant oldRule = atLeast(deadline(partStart, oldMinutes, oldCloses), partStart);
        Duration extended = storedDeadline.isAfter(oldRule) ? Duration.between(oldRule, storedDeadline) : Duration.ZERO;
        Instant moved =
                atLeast(deadline(partStart, newMinutes, newCloses), partStart).plus(extended);
        return atLeast(moved, now);
    }

    private static Instant atLeast(Instant t, Instant floor) {
        return t.isBefore(floor) ? floor : t;
    }

    /** Whole seconds left before the deadline, never negative. */
    public static long remainingSeconds(Instant deadline, Instant now) {
        return Math.max(0, Duration.between(now, deadline).toSeconds());
    }

    /** Whether an answer given at {@code now} is late: at the deadline or after it. */
    public static boolean isLate(Instant deadline, Instant now) {
        return !now.isBefore(deadline);
    }

    /** The warning the clock shows with {@code remainingSeconds} left: none, 30 minutes or 5 minutes. */
    public static Warning warning(long remainingSeconds) {
        if (remainingSeconds <= 5 * 60) {
            return Warning.FIVE_MINUTES;
        }
        if (remainingSeconds <= 30 * 60) {
            return Warning.THIRTY_MINUTES;
        }
        return Warning.NONE;
    }

    public enum Warning {
        NONE,
        THIRTY_MINUTES,
        FIVE_MINUTES
    }
}
