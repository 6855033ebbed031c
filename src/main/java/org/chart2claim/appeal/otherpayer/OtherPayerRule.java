package org.chart2claim.appeal.otherpayer;

import java.util.Optional;

/** One rule of who pays when a biller wants to bill another payer; empty when it does not apply. */
public interface OtherPayerRule {
    Optional<Routing> route(CoverageFacts facts);

    default String name() {
        return getClass().getSimpleName();
    }
}
