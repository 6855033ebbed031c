package org.chart2claim.appeal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the biller does with a work item (the API's {@code action}). */
public enum AppealAction {
    APPEAL("Appeal", "Ask the payer to reconsider, with a letter and the documentation that proves the claim."),
    CORRECTED_CLAIM(
            "Corrected claim",
            "Send a replacement claim (frequency 7, the payer claim number in box 22) that fixes the coding."),
    NEW_CLAIM("New claim", "The claim was rejected before adjudication: fix it and send it again as a new claim."),
    WRITE_OFF("Write off", "Adjust the balance off the patient's account with a reason; nobody is billed."),
    BILL_PATIENT(
            "Bill the patient",
            "Move the balance to the patient's statement (patient responsibility or a signed ABN)."),
    BILL_OTHER_PAYER(
            "Bill another payer",
            "Send the claim to the payer that is responsible (coordination of benefits, other coverage)."),
    RETRO_AUTH("Request retro-authorization", "Ask the payer to authorize the service after the fact."),
    NO_ACTION("No action", "Post the payment as remitted; the adjustment is expected (e.g. the contractual CO-45).");

    private final String label;
    private final String description;

    AppealAction(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static Optional<AppealAction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(a -> a.name().equals(wanted)).findFirst();
    }
}
