package org.chart2claim.payer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.chart2claim.claim.x12.X12FormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Large claim files as jobs: the file is accepted at once (kept in a temporary file), adjudicated in the
 * background while it is read from that file, 500 claims at a time (one job at a time, a few queued), its
 * progress can be polled and its answer, spooled to disk as it is decided, fetched later. A job whose owner
 * stops polling for {@link #ABANDONED_AFTER} is cancelled between two batches and rolled back (nobody waits for
 * its answer); finished answers are kept for {@link #KEPT_FOR}. Jobs live in memory: a restart forgets running
 * ones, whose claims were never committed. Memory does not grow with the file: only the running batch is held.
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
        volatile SpooledResults answers;
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

    /**
     * Queues the 837P file {@code x12} of {@code total} claims (read once already: its X12 is well formed); the job
     * owns the file from now on and deletes it when done. Refused with {@link RejectedExecutionException} when too
     * many wait already (the caller keeps the file then).
     */
    public Status start(String username, String ledger, Path x12, int total, LocalDate receivedOn) {
        forgetOldJobs();
        Job job = new Job(username, total);
        jobs.put(job.id, job);
        try {
            worker.execute(() -> run(job, ledger, x12, receivedOn));
        } catch (RejectedExecutionException busy) {
            jobs.remove(job.id);
            throw busy;
        }
        return job.status();
    }

    private void run(Job job, String ledger, Path x12, LocalDate receivedOn) {
        try {
            if (job.cancelRequested || abandoned(job)) {
                job.state = State.CANCELLED;
                return;
            }
            job.state = State.RUNNING;
            decide(job, ledger, x12, receivedOn);
        } finally {
            job.finished = clock.instant();
            delete(x12);
        }
    }

    private void decide(Job job, String ledger, Path x12, LocalDate receivedOn) {
        SpooledResults answers = new SpooledResults(null);
        try (InputStream in = Files.newInputStream(x12)) {
            payer.submitFileAndAnswer(
                    job.owner,
                    ledger,
                    ClaimFileReader.X12_837P,
                    new BufferedInputStream(in, 64 * 1024),
                    receivedOn,
                    Disclosure.TEACHING,
                    answers,
                    done -> {
                        job.done = done;
                        if (job.cancelRequested || abandoned(job)) {
                            throw new JobCancelled();
                        }
                    },
                    a -> a);
            job.answers = answers;
            job.state = State.DONE;
        } catch (JobCancelled cancelled) {
            answers.close();
            log.info(
                    "Claim file job {} of {} cancelled after {} claims; nothing was stored",
                    job.id,
                    job.owner,
                    job.done);
            job.state = State.CANCELLED;
            job.done = 0;
        } catch (X12FormatException | IOException | RuntimeException e) {
            answers.close();
            job.state = State.FAILED;
            job.error = e.getMessage();
            log.error("Claim file job {} of {} failed", job.id, job.owner, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the claim file {}: {}", file, e.getMessage());
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

    /**
     * The answers of a finished job (empty while it runs, or when it is not the caller's), on disk until the job is
     * forgotten.
     */
    public Optional<SpooledResults> results(String id, String username) {
        return own(id, username).filter(job -> job.state == State.DONE).map(job -> job.answers);
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
        jobs.values().removeIf(job -> {
            boolean old =
                    job.finished != null && Duration.between(job.finished, now).compareTo(KEPT_FOR) > 0;
            if (old && job.answers != null) {
                job.answers.close();
            }
            return old;
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        jobs.values().stream().filter(job -> job.answers != null).forEach(job -> job.answers.close());
    }

    private static final class JobCancelled extends RuntimeException {
        JobCancelled() {
            super("cancelled", null, false, false);
        }
    }
}
