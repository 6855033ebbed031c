package org.chart2claim.payer.data;

/** A payer data file is missing or malformed; the message names the file and line. */
public class PayerDataException extends RuntimeException {
    public PayerDataException(String message) {
        super(message);
    }

    public PayerDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
