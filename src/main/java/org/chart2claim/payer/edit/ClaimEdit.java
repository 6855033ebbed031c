package org.chart2claim.payer.edit;

/**
 * One payer edit: a small named rule that looks at the claim in {@link AdjudicationContext} and denies,
 * reduces or prices lines there, each change explained by an adjustment carrying {@link #name()}.
 */
public interface ClaimEdit {
    /** The edit's name as it appears on adjustments ("NcciPtpEdit"). */
    default String name() {
        return getClass().getSimpleName();
    }

    void apply(AdjudicationContext ctx);
}
