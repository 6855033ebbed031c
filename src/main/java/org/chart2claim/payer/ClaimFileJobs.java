package org.chart2claim.payer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.chart2claim.claim.x12.ParsedClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Large claim files as jobs: the file is accepted at once, adjudicated in the background (one job at a
 * time, a few queued), its progress can be polled and its answer fetched later. A job whose owner stops
 * polling for {@link #ABANDONED_AFTER} is cancelled between two batches and rolled back (nobody waits for
 * its answer); finished answers are kept for {@link #KEPT_FOR}. Jobs live in memory: a restart forgets
 * running ones, whose claims were never committed.
 */
@Service
public class ClaimFileJobs implements DisposableBean {
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    public static final Duration KEPT_FOR = Duration.ofHours(1);
    public static final int QUEUED_AT_MOST = 4;
    private static final Logger log = LoggerFactory.getLogger(ClaimFileJobs.class);

    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    /** What the owner sees when polling. */
    public record Status(String id, State state, int done, int total, String error) {}

    private final PayerService payer;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUED_AT_MOST), r -> {
                Thread t = new Thread(r, "claim-file-jobs");
                t.setDaemon(true);
                return t;
            });

    @Autowired
    public ClaimFileJobs(PayerService payer) {
        this(payer, Clock.systemUTC());
    }

    /** With a clock of one's own (tests: an owner who stops polling). */
    public ClaimFileJobs(PayerService payer, Clock clock) {
        this.payer = payer;
        this.clock = clock;
    }

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final int total;
        volatile State state = State.QUEUED;
        volatile int done;
        volatile String error;
        volatile Instant lastPolled;
        volatile Instant finished;
        volatile List<ClaimResult> results;
        volatile boolean cancelRequested;

        Job(String owner, int total) {
            this.owner = owner;
            this.total = total;
            this.lastPolled = clock.instant();
        }

        Status status() {
            return new Status(id, state, done, total, error);
        }
    }

    /** Queues a file; refused with {@link RejectedExecutionException} when too many wait already. */
    public Status start(String username, String ledger, List<ParsedClaim> claims, LocalDate receivedOn) {
        forgetOldJobs();
        Job job = new Job(username, claims.size());
        jobs.put(job.id, job);
        try {
            worker.execute(() -> run(job, ledger, claims, receivedOn));
        } catch (RejectedExecutionException busy) {
            jobs.remove(job.id);
            throw busy;
        }
        return job.status();
    }

    private void run(Job job, String ledger, List<ParsedClaim> claims, LocalDate receivedOn) {
        if (job.cancelRequested || abandoned(job)) {
            job.state = State.CANCELLED;
            job.finished = clock.instant();
            return;
        }
        job.state = State.RUNNING;
        try {
            job.results = payer.submit(job.owner, ledger, claims, receivedOn, null, null, Disclosure.TEACHING, done -> {
                job.done = done;
                if (job.cancelRequested || abandoned(job)) {
                    throw new JobCancelled();
                }
            });
            job.state = State.DONE;
        } catch (JobCancelled cancelled) {
            log.info(
                    "Claim file job {} of {} cancelled after {} claims; nothing was stored",
                    job.id,
                    job.owner,
                    job.done);
            job.state = State.CANCELLED;
            job.done = 0;
        } catch (RuntimeException e) {
            job.state = State.FAILED;
            job.error = e.getMessage();
            log.error("Claim file job {} of {} failed", job.id, job.owner, e);
        } finally {
            job.finished = clock.instant();
        }
    }

    private boolean abandoned(Job job) {
        return Duration.between(job.lastPolled, clock.instant()).compareTo(ABANDONED_AFTER) > 0;
    }

    /** The owner's job; every look counts as "still waiting for it". */
    public Optional<Status> status(String id, String username) {
        return own(id, username).map(job -> {
            job.lastPolled = clock.instant();
            return job.status();
        });
    }

    /** The answer of a finished job (empty while it runs, or when it is not the caller's). */
    public Optional<List<ClaimResult>> results(String id, String username) {
        return own(id, username).filter(job -> job.state == State.DONE).map(job -> job.results);
    }

    /** Asks a queued or running job to stop; it is rolled back. */
    public Optional<Status> cancel(String id, String username) {
        return own(id, username).map(job -> {
            job.cancelRequested = true;
            return job.status();
        });
    }

    private Optional<Job> own(String id, String username) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner.equals(username));
    }

    private void forgetOldJobs() {
        Instant now = clock.instant();
        jobs.values()
                .removeIf(job -> job.finished != null
                        && Duration.between(job.finished, now).compareTo(KEPT_FOR) > 0);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private static final class JobCancelled extends RuntimeException {
        JobCancelled() {
            super("cancelled", null, false, false);
        }
    }
}
