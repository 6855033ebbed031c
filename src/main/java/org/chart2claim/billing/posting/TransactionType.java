package org.chart2claim.billing.posting;

/**
 * What a ledger transaction does to the three open balances of a service line: what the payer still owes
 * ({@code insurance}), what the patient owes ({@code patient}) and what sits on the denial worklist
 * ({@code denial}). Each constant says the sign it applies to its amount in each balance, so every balance is a
 * plain sum and a line's charge always equals paid + written off + the three open balances.
 */
public enum TransactionType {
    /** The line's charge, billed to the payer. */
    CHARGE("Charge", 1, 0, 0),
    /** The payer's payment (SVC03). */
    INSURANCE_PAYMENT("Insurance payment", -1, 0, 0),
    /** CO contractual obligation written off: the allowed amount is all the contract lets the practice collect. */
    CONTRACTUAL_ADJUSTMENT("Contractual adjustment", -1, 0, 0),
    /** OA/PI adjustments the practice cannot bill anyone for (e.g. OA-23 another payer's payment, PI reductions). */
    OTHER_ADJUSTMENT("Other adjustment", -1, 0, 0),
    /** PR-1: moved from the payer to the patient. */
    DEDUCTIBLE("Deductible (PR-1)", -1, 1, 0),
    /** PR-2. */
    COINSURANCE("Coinsurance (PR-2)", -1, 1, 0),
    /** PR-3. */
    COPAY("Copay (PR-3)", -1, 1, 0),
    /** Any other PR amount (e.g. PR-204 a non-covered service the patient agreed to pay). */
    PATIENT_RESPONSIBILITY("Patient responsibility (PR)", -1, 1, 0),
    /** A CO denial: moved from the payer to the denial worklist, to correct, appeal or write off. */
    DENIAL("Denial (to worklist)", -1, 0, 1),
    /** Money received from the patient (cash, check, card). */
    PATIENT_PAYMENT("Patient payment", 0, -1, 0),
    /** Money given back to the patient from a credit balance. */
    REFUND("Refund to patient", 0, 1, 0);

    private final String label;
    private final int insurance;
    private final int patient;
    private final int denial;

    TransactionType(String label, int insurance, int patient, int denial) {
        this.label = label;
        this.insurance = insurance;
        this.patient = patient;
        this.denial = denial;
    }

    public String label() {
        return label;
    }

    public int insuranceSign() {
        return insurance;
    }

    public int patientSign() {
        return patient;
    }

    public int denialSign() {
        return denial;
    }

    /** Written off for good: the practice collects it from nobody. */
    public boolean writeOff() {
        return this == CONTRACTUAL_ADJUSTMENT || this == OTHER_ADJUSTMENT;
    }

    /** Moves an amount to the patient (group PR). */
    public boolean patientShare() {
        return patient > 0 && insurance < 0;
    }

    /** Money in (payer or patient); a refund is money out. */
    public boolean payment() {
        return this == INSURANCE_PAYMENT || this == PATIENT_PAYMENT;
    }
}
