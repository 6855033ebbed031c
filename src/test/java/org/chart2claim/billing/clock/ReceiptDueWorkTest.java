package org.chart2claim.billing.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.chart2claim.billing.BillingService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerService;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Due work set off by a newer claim (payer.ReceiptListener, implemented by the ledger clock) runs after the
 * submission commits: a listener that fails there neither fails nor undoes the submission, and what it had due runs
 * at the next clock move.
 */
@IntegrationTest
class ReceiptDueWorkTest {

    @Autowired
    BillingService billing;

    @Autowired
    PayerService payer;

    @Autowired
    LedgerClockService clock;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    DueWorkProbe listener;

    @AfterEach
    void idle() {
        listener.ledger = null;
        listener.ran.clear();
    }

    @Test
    void aFailingListenerDoesNotFailTheSubmissionAndItsWorkRunsAtTheNextClockMove() {
        String ledger = "receipt-due:" + UUID.randomUUID();
        Scenario scenario = library.find("pc-001-dm2-neuropathy").orElseThrow();
        CodingAnswer key = CodingAnswer.fromKey(scenario.key());
        LocalDate first = scenario.dateOfService().plusDays(20);
        billing.submitScenario("student", scenario, key, first, ledger, Disclosure.TEACHING);

        // Something falls due 10 days later; the next claim is received 30 days later and its due work fails.
        listener.ledger = ledger;
        listener.due = first.plusDays(10);
        listener.failures = 1;
        LocalDate second = first.plusDays(30);
        ClaimResult later = billing.submitScenario("student", scenario, key, second, ledger, Disclosure.TEACHING);

        assertThat(later.status()).isNotEqualTo(ClaimStatus.REJECTED);
        assertThat(payer.recordId(later.payerClaimNumber())).isPresent(); // the claim is stored
        assertThat(listener.ran).isEmpty();
        assertThat(listener.failures).isZero(); // it was tried, and failed
        assertThat(clock.today("student", ledger)).isEqualTo(second);

        // The next clock move runs what was due, dated before it moved.
        ClockAdvance advance = clock.advanceDays("student", ledger, 1);
        assertThat(listener.ran).containsExactly(first.plusDays(10));
        assertThat(advance.events()).extracting(ClockEvent::type).contains("test-due");
        assertThat(advance.today()).isEqualTo(second.plusDays(1));
    }

    @Test
    void dueWorkThatSucceedsRunsWhenTheClaimIsReceivedAndNotAgain() {
        String ledger = "receipt-due:" + UUID.randomUUID();
        Scenario scenario = library.find("pc-001-dm2-neuropathy").orElseThrow();
        CodingAnswer key = CodingAnswer.fromKey(scenario.key());
        LocalDate first = scenario.dateOfService().plusDays(20);
        billing.submitScenario("student", scenario, key, first, ledger, Disclosure.TEACHING);
        listener.ledger = ledger;
        listener.due = first.plusDays(10);
        listener.failures = 0;

        billing.submitScenario("student", scenario, key, first.plusDays(30), ledger, Disclosure.TEACHING);
        assertThat(listener.ran).containsExactly(first.plusDays(10));

        clock.advanceDays("student", ledger, 1);
        assertThat(listener.ran).containsExactly(first.plusDays(10));
    }
}
