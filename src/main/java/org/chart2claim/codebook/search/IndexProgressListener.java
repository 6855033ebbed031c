package org.chart2claim.codebook.search;

/** Told how far an index build got; called from the building thread every few hundred entries. */
@FunctionalInterface
public interface IndexProgressListener {

    /** Nothing to report. */
    IndexProgressListener NONE = (done, total) -> {};

    /** {@code done} of {@code total} code entries are indexed. */
    void progress(long done, long total);
}
