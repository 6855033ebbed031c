package org.chart2claim.appeal;

/** Where a work item stands. Items in a final state are scored and take no more actions. */
public enum ItemStatus {
    OPEN("open", false),
    CORRECTED("corrected", true),
    RESUBMITTED("resubmitted as a new claim", true),
    APPEALED("appealed", false),
    OVERTURNED("overturned", true),
    UPHELD("upheld", false),
    DISMISSED("dismissed", false),
    WRITTEN_OFF("written off", true),
    BILLED_TO_PATIENT("billed to patient", true),
    BILLED_OTHER_PAYER("billed to another payer", true),
    RETRO_AUTH_REQUESTED("retro-authorization requested", true),
    CLOSED("closed", true);

    private final String label;
    private final boolean closed;

    ItemStatus(String label, boolean closed) {
        this.label = label;
        this.closed = closed;
    }

    public String label() {
        return label;
    }

    /** Closed items take no more actions; upheld and dismissed items may still go to the next level or be written off. */
    public boolean closed() {
        return closed;
    }

    /** Decided or closed: the item carries a score. */
    public boolean scored() {
        return closed || this == UPHELD || this == DISMISSED;
    }
}
