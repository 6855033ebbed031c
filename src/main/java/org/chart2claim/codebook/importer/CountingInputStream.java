package org.chart2claim.codebook.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes read and reports them every 256 KB, so any parser shows progress without knowing it. */
final class CountingInputStream extends FilterInputStream {

    private static final long REPORT_EVERY = 256 * 1024;
    private final LongProgress progress;
    private long count;
    private long lastReported;

    CountingInputStream(InputStream in, LongProgress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        count += n;
        if (count - lastReported >= REPORT_EVERY) {
            lastReported = count;
            progress.advanced(count);
        }
    }

    long count() {
        return count;
    }
}
