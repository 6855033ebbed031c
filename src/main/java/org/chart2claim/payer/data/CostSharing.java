package org.chart2claim.payer.data;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A plan's patient cost sharing: annual deductible (PR-1), coinsurance percent of what remains (PR-2), and a
 * per-visit copay (PR-3) on {@code copayCodes} that replaces deductible and coinsurance for those lines.
 * {@code noCostSharingCodes} (preventive care) carry none; {@code copayExemptUnderAge} waives copays for
 * younger members (0 = never waived).
 */
public record CostSharing(
        BigDecimal annualDeductible,
        int coinsurancePercent,
        BigDecimal copay,
        Set<String> copayCodes,
        Set<String> noCostSharingCodes,
        int copayExemptUnderAge) {}
