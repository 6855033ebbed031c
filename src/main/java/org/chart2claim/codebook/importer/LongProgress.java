package org.chart2claim.codebook.importer;

/** Parsers report how far they got in their input (bytes read), so the importer can show done/total. */
@FunctionalInterface
public interface LongProgress {
    void advanced(long bytesSoFar);
}
