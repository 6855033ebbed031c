package org.chart2claim.config;

import java.time.Duration;

/**
 * Work somebody waits for before work nobody waits for yet: while a request does long work (a claim file being decided),
 * the background start ({@link BackgroundStarter}: code books, search index, scenario library) pauses at its next
 * checkpoint and goes on when that work ends. On two cores the first claim file after a start otherwise shares them
 * with building the search index and with compiling its code. The background start pauses at most {@link #MAX_PAUSE}
 * in all, so a stream of claim files cannot keep search from ever getting ready. Only the background start's own
 * thread pauses: a request that does a start step itself (the first search before the background got to it) never
 * waits here.
 */
public final class ForegroundWork {
    /** The most the background start pauses in all. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(60);

    private static final Object LOCK = new Object();
    private static int running;
    private static long pausedNanos;
    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

    private ForegroundWork() {}

    /** Long work somebody waits for, until closed. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks long work a request does until the answer is closed (try-with-resources). */
    public static Running begin() {
        synchronized (LOCK) {
            running++;
        }
        return new Running() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (LOCK) {
                    if (!closed) {
                        closed = true;
                        running--;
                        LOCK.notifyAll();
                    }
                }
            }
        };
    }

    /** Marks the calling thread as background work that pauses for foreground work ({@link BackgroundStarter}). */
    static void markBackground() {
        BACKGROUND.set(true);
    }

    /**
     * A checkpoint of background work: on the background start's thread, waits while foreground work runs (within
     * what is left of {@link #MAX_PAUSE}); elsewhere returns at once.
     */
    public static void pauseIfBusy() {
        if (!BACKGROUND.get()) {
            return;
        }
        synchronized (LOCK) {
            long start = System.nanoTime();
            try {
                while (running > 0 && pausedNanos + (System.nanoTime() - start) < MAX_PAUSE.toNanos()) {
                    long left = MAX_PAUSE.toNanos() - pausedNanos - (System.nanoTime() - start);
                    LOCK.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pausedNanos += System.nanoTime() - start;
            }
        }
    }
}
