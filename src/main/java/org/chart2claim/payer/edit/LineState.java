package org.chart2claim.payer.edit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.payer.Adjustment;

/** Mutable state of one service line while the edits run. */
public final class LineState {
    final int number;
    final ServiceLine line;
    final List<Adjustment> adjustments = new ArrayList<>();
    boolean denied;
    BigDecimal allowed = BigDecimal.ZERO;
    /** Set by documentation review: price the line as this (lower) code instead. */
    Reduction reduction;

    LineState(int number, ServiceLine line) {
        this.number = number;
        this.line = line;
    }

    public int number() {
        return number;
    }

    public ServiceLine line() {
        return line;
    }

    public boolean denied() {
        return denied;
    }

    public BigDecimal allowed() {
        return allowed;
    }

    public List<Adjustment> adjustments() {
        return List.copyOf(adjustments);
    }

    public Reduction reduction() {
        return reduction;
    }

    /** A pending downcode: the code the record supports, and the adjustment explaining it. */
    public record Reduction(
            String supportedCode, String carc, List<String> rarc, String edit, String explanation, String hint) {}
}
