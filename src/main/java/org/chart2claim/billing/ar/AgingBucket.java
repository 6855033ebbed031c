package org.chart2claim.billing.ar;

/** The standard A/R aging buckets, by days from the date of service to the practice's today. */
public enum AgingBucket {
    DAYS_0_30("0-30", 0, 30),
    DAYS_31_60("31-60", 31, 60),
    DAYS_61_90("61-90", 61, 90),
    DAYS_91_120("91-120", 91, 120),
    OVER_120("120+", 121, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    AgingBucket(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    /** The bucket of an age in days (a negative age, a service dated after today, counts as current). */
    public static AgingBucket of(long days) {
        for (AgingBucket b : values()) {
            if (days <= b.to) {
                return b;
            }
        }
        return OVER_120;
    }

    public int from() {
        return from;
    }
}
