package org.chart2claim.standard;

import java.util.List;

/**
 * The clearinghouse payer ids of the simulated payers (X12 NM1*PR, CMS-1500 top right). Scenarios name
 * their payer by one of these, the payer data has one file per id, and the claim builder offers them.
 */
public final class PayerIds {
    private PayerIds() {}

    /** In the column order of {@code codebooks/payers/fee-schedule-allowed.tsv}. */
    public static final List<String> ALL = List.of("medicare-sim", "ppo-sim", "medicaid-sim");

    public static boolean isKnown(String id) {
        return id != null && ALL.contains(id);
    }
}
