package org.chart2claim.assessment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits sessions at their deadline even when no browser is open: every few seconds each server claims the due
 * sessions with {@code SELECT … FOR UPDATE SKIP LOCKED} and moves them on. The database row is the source of
 * truth; this is only the nudge, so a server that dies loses nothing and another server's poller takes over.
 */
@Configuration
@EnableScheduling
public class AutoSubmitPoller {

    private static final Logger log = LoggerFactory.getLogger(AutoSubmitPoller.class);

    private final ExamSessionService sessions;
    private final TransactionTemplate tx;

    public AutoSubmitPoller(ExamSessionService sessions, TransactionTemplate tx) {
        this.sessions = sessions;
        this.tx = tx;
    }

    @Scheduled(
            fixedDelayString = "${chart2claim.assessment.auto-submit-interval:5s}",
            initialDelayString = "${chart2claim.assessment.auto-submit-interval:5s}")
    public void tick() {
        try {
            int moved = sessions.advanceDue(sessions.now(), tx);
            if (moved > 0) {
                log.info("Exam clock: {} session(s) moved on (part ended, break ended or submitted)", moved);
            }
        } catch (RuntimeException e) {
            log.error("Exam clock tick failed; the next tick retries", e);
        }
    }
}
