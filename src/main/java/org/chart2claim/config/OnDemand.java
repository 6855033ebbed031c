package org.chart2claim.config;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Start-up work of one service, done once on demand (see {@link BackgroundStart}): the first caller does it under
 * the service's own lock, everyone else waits for it. A failed attempt is not remembered as done: the next caller
 * tries again and gets the error.
 */
public final class OnDemand {

    private final Object lock;
    private final String name;
    private final Runnable work;
    private final CountDownLatch doneLatch = new CountDownLatch(1);
    private volatile boolean done;

    /**
     * @param lock the service's monitor (its synchronized methods then never see the work half done)
     * @param name what the administrator's progress line calls it
     * @param work the work, run at most once successfully
     */
    public OnDemand(Object lock, String name, Runnable work) {
        this.lock = lock;
        this.name = name;
        this.work = work;
    }

    public String name() {
        return name;
    }

    /** Runs the work unless done; returns when it is done (by this thread or another). */
    public void ensure() {
        ensure(work);
    }

    /** Runs {@code work} instead of the usual work unless done (a service that prepares its input first). */
    public void ensure(Runnable work) {
        if (done) {
            return;
        }
        synchronized (lock) {
            if (!done) {
                work.run();
                markDone();
            }
        }
    }

    /** The work was done another way (a reload that the service ran itself). */
    public void markDone() {
        done = true;
        doneLatch.countDown();
    }

    public boolean done() {
        return done;
    }

    /** Waits (without doing the work) until it is done; false when the time ran out first. */
    public boolean await(Duration timeout) {
        try {
            return doneLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done;
        }
    }
}
