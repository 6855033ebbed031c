package org.chart2claim.appeal;

import java.util.Map;

/**
 * Short plain-language meanings of the claim adjustment reason codes the simulated payers send, in our own words
 * (the worklist's one-line summary; the payer's full explanation is on the item).
 */
public final class CarcText {
    private CarcText() {}

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("1", "deductible"),
            Map.entry("2", "coinsurance"),
            Map.entry("3", "copay"),
            Map.entry("4", "modifier missing or wrong for the code"),
            Map.entry("6", "code does not fit the patient's age"),
            Map.entry("7", "code does not fit the patient's sex"),
            Map.entry("9", "diagnosis does not fit the patient's age"),
            Map.entry("10", "diagnosis does not fit the patient's sex"),
            Map.entry("11", "diagnosis does not support the service"),
            Map.entry("15", "authorization number missing or not valid"),
            Map.entry("16", "claim lacks information or has a billing error"),
            Map.entry("18", "duplicate of a claim already processed"),
            Map.entry("22", "another payer may be primary (coordination of benefits)"),
            Map.entry("26", "service before coverage started"),
            Map.entry("27", "service after coverage ended"),
            Map.entry("29", "filing limit passed"),
            Map.entry("31", "patient not identified as the payer's member"),
            Map.entry("45", "charge above the fee schedule (contractual)"),
            Map.entry("50", "not medically necessary as billed"),
            Map.entry("58", "not payable in this place of service"),
            Map.entry("96", "non-covered service"),
            Map.entry("97", "included in another service paid (bundled)"),
            Map.entry("109", "not covered by this payer; bill the responsible one"),
            Map.entry("146", "diagnosis code not valid"),
            Map.entry("150", "documentation supports a lower level"),
            Map.entry("151", "more units than the payer allows"),
            Map.entry("181", "procedure code not valid"),
            Map.entry("197", "prior authorization absent"),
            Map.entry("204", "not a benefit of the patient's plan"));

    /** The meaning of a CARC, or "" for a code the payers here do not send; "rejected before adjudication" for "". */
    public static String of(String carc) {
        if (carc == null || carc.isBlank()) {
            return "rejected before adjudication";
        }
        return TEXT.getOrDefault(carc, "");
    }
}
