package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the background start pauses while a request does long work (a claim file), and only the background start:
 * a request's own thread never waits at a checkpoint.
 */
class ForegroundWorkTest {

    @Test
    void theBackgroundStartPausesWhileAClaimFileIsDecidedAndGoesOnWhenItEnds() throws Exception {
        CompletableFuture<Void> checkpoint;
        try (ForegroundWork.Running claimFile = ForegroundWork.begin()) {
            checkpoint = onNewThread(() -> {
                ForegroundWork.markBackground();
                ForegroundWork.pauseIfBusy();
            });
            assertThat(catchTimeout(checkpoint))
                    .as("paused while the file is decided")
                    .isTrue();
        }
        checkpoint.get(10, TimeUnit.SECONDS); // goes on once it ended
    }

    @Test
    void aRequestThatDoesAStartStepItselfNeverWaits() throws Exception {
        try (ForegroundWork.Running claimFile = ForegroundWork.begin()) {
            onNewThread(ForegroundWork::pauseIfBusy).get(10, TimeUnit.SECONDS);
        }
    }

    /** {@code work} on a thread of its own (the background mark stays with its thread). */
    private static CompletableFuture<Void> onNewThread(Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            work.run();
            done.complete(null);
        });
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static boolean catchTimeout(CompletableFuture<Void> future) throws Exception {
        try {
            future.get(500, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException stillWaiting) {
            return true;
        }
    }
}
