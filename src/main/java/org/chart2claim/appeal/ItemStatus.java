package org.chart2claim.appeal;

/**
 * Where a work item stands. Items in a final state are scored and take no more actions; an appeal or a
 * retro-authorization request waits for the payer ({@link #pending()}).
 */
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
    RETRO_AUTH_REQUESTED("retro-authorization requested", false),
    RETRO_AUTH_APPROVED("retro-authorization approved", true),
    RETRO_AUTH_DENIED("retro-authorization denied", false),
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

    /**
     * Closed items take no more actions; upheld and dismissed items may still go to the next level or be written off,
     * a denied retro-authorization written off or appealed.
     */
    public boolean closed() {
        return closed;
    }

    /** Waiting for the payer's answer: no action until it comes. */
    public boolean pending() {
        return this == APPEALED || this == RETRO_AUTH_REQUESTED;
    }

    /** Decided or closed: the item carries a score. */
    public boolean scored() {
        return closed || this == UPHELD || this == DISMISSED || this == RETRO_AUTH_DENIED;
    }
}
