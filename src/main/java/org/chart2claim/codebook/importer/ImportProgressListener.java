package org.chart2claim.codebook.importer;

/** Receives import progress: {@code done} of {@code total} bytes of input, and what is being read. */
@FunctionalInterface
public interface ImportProgressListener {

    ImportProgressListener NONE = (done, total, stage) -> {};

    void progress(long done, long total, String stage);
}
