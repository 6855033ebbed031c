package org.chart2claim.account;

/** A request about accounts that cannot be carried out; the message is safe to show to the user. */
public class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }
}
