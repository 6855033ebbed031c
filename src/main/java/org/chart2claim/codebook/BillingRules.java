package org.chart2claim.codebook;

/**
 * Per-code payment data a payer simulation needs for procedure codes (CPT-style and HCPCS), using the
 * Medicare Physician Fee Schedule indicator conventions. Null for diagnosis codes.
 *
 * @param globalPeriod       {@code 000}, {@code 010}, {@code 090} (days of post-op care included),
 *                           {@code XXX} (concept does not apply), {@code ZZZ} (add-on code, within another
 *                           service's global), {@code YYY} (carrier priced), or empty when unknown
 * @param pcTcIndicator      professional/technical split: {@code 0} none (physician service), {@code 1}
 *                           split applies (26/TC allowed), {@code 2} professional-only code, {@code 3}
 *                           technical-only code, {@code 9} concept does not apply (e.g. lab, drugs)
 * @param bilateralIndicator modifier 50: {@code 0} not allowed, {@code 1} 150% payment rule applies,
 *                           {@code 2} code is already bilateral, {@code 3} each side paid at 100%,
 *                           {@code 9} concept does not apply
 * @param addOn              true for add-on codes reported only with a primary code
 * @param dosageUnit         billing unit of a drug code ("1 mg", "10 units"), empty otherwise
 */
public record BillingRules(
        String globalPeriod, String pcTcIndicator, String bilateralIndicator, boolean addOn, String dosageUnit) {

    public BillingRules {
        globalPeriod = globalPeriod == null ? "" : globalPeriod;
        pcTcIndicator = pcTcIndicator == null ? "" : pcTcIndicator;
        bilateralIndicator = bilateralIndicator == null ? "" : bilateralIndicator;
        dosageUnit = dosageUnit == null ? "" : dosageUnit;
    }

    /** True when modifiers 26 and TC may split this code. */
    public boolean professionalTechnicalSplit() {
        return "1".equals(pcTcIndicator);
    }

    /** True when modifier 50 may be reported with this code. */
    public boolean bilateralModifierAllowed() {
        return "1".equals(bilateralIndicator) || "3".equals(bilateralIndicator);
    }
}
