package org.chart2claim.appeal;

/** Bad input for a denial action: the API answers 400 with the message, the views show it; nothing was changed. */
public class AppealException extends RuntimeException {
    public AppealException(String message) {
        super(message);
    }
}
