package org.chart2claim.appeal;

/** No such work item, drill or filing for the caller (another user's items are not found either: 404). */
public class NoSuchItemException extends RuntimeException {
    public NoSuchItemException(String message) {
        super(message);
    }
}
