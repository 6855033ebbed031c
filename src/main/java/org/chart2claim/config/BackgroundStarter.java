package org.chart2claim.config;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link BackgroundStart} work of every feature on one thread once the application is ready (the login
 * page already answers), in the beans' order, and keeps each step's state for the administrator's page. A step that
 * fails is logged and shown; the feature's next request tries it again and gets the error, never a half-loaded
 * answer.
 *
 * <p>{@code chart2claim.background-start=false} does the same work before the application counts as ready (the
 * tests do, so a test's first search never meets "search is getting ready"; a server can too, at the price of a
 * slower start).
 */
@Component
public class BackgroundStarter {

    private static final Logger log = LoggerFactory.getLogger(BackgroundStarter.class);

    /** One step as the administrator sees it. */
    public record Step(String name, State state, long millis, String error) {}

    public enum State {
        WAITING,
        RUNNING,
        DONE,
        FAILED
    }

    private final ObjectProvider<BackgroundStart> work;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile List<Step> steps = List.of();
    private volatile boolean begun;
    private final boolean inBackground;

    public BackgroundStarter(
            ObjectProvider<BackgroundStart> work, @Value("${chart2claim.background-start:true}") boolean inBackground) {
        this.work = work;
        this.inBackground = inBackground;
    }

    private volatile boolean closing;

    /** A stop during the background start: the remaining steps are skipped, not reported as failures. */
    @EventListener(ContextClosedEvent.class)
    public void onClose() {
        closing = true;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        begin();
    }

    /** Starts the background thread (once). */
    public synchronized void begin() {
        if (begun) {
            return;
        }
        begun = true;
        List<BackgroundStart> ordered = work.orderedStream().toList();
        steps = ordered.stream()
                .map(w -> new Step(w.startStepName(), State.WAITING, 0, null))
                .toList();
        if (!inBackground) {
            run(ordered);
            return;
        }
        Thread thread = new Thread(
                () -> {
                    ForegroundWork.markBackground(); // pauses while a request does long work
                    run(ordered);
                },
                "background-start");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(List<BackgroundStart> ordered) {
        long all = System.nanoTime();
        log.info(
                "Background start: {}",
                ordered.stream().map(BackgroundStart::startStepName).toList());
        try {
            for (int i = 0; i < ordered.size(); i++) {
                BackgroundStart step = ordered.get(i);
                if (closing) {
                    log.info("Background start stopped by the shutdown before {}", step.startStepName());
                    break;
                }
                ForegroundWork.pauseIfBusy();
                set(i, new Step(step.startStepName(), State.RUNNING, 0, null));
                long start = System.nanoTime();
                try {
                    step.ensureStarted();
                    set(i, new Step(step.startStepName(), State.DONE, (System.nanoTime() - start) / 1_000_000, null));
                } catch (RuntimeException | LinkageError e) {
                    if (closing) {
                        log.info("Background start stopped by the shutdown during {}", step.startStepName());
                        break;
                    }
                    log.error("Background start: {} failed", step.startStepName(), e);
                    set(
                            i,
                            new Step(
                                    step.startStepName(),
                                    State.FAILED,
                                    (System.nanoTime() - start) / 1_000_000,
                                    String.valueOf(e.getMessage())));
                }
            }
            log.info(
                    "Background start done in {} ms: {}",
                    (System.nanoTime() - all) / 1_000_000,
                    steps.stream()
                            .map(s -> s.name() + " " + s.state().name().toLowerCase() + " " + s.millis() + " ms")
                            .toList());
        } finally {
            finished.countDown();
        }
    }

    private synchronized void set(int index, Step step) {
        List<Step> next = new ArrayList<>(steps);
        next.set(index, step);
        steps = List.copyOf(next);
    }

    /** Every step with its state (empty before the application is ready). */
    public List<Step> steps() {
        return steps;
    }

    /** True when every step ran (done or failed). */
    public boolean finished() {
        return finished.getCount() == 0;
    }

    /** Waits until every step ran; false when the time ran out first. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }
}
