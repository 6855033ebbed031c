package org.chart2claim.payer.data;

/** Medically unlikely edit: at most {@code value} units; MAI 1 per line, 2/3 per date of service. */
public record MueLimit(String code, int value, int adjudicationIndicator, String rationale) {
    public boolean perLine() {
        return adjudicationIndicator == 1;
    }
}
