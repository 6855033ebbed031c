package org.chart2claim.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chart2claim.account.Role;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.clock.ClockAdvance;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The clock bar shows the selected ledger's practice date and moves it a week or a month on click. */
class LedgerClockBarTest extends KaribuTest {
    @Autowired
    BillingService billing;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    LedgerClockService clock;

    @Test
    void aWeekPassesMovesTheSelectedLedgerAndTellsTheListeners() {
        login("student", Role.STUDENT);
        String ledger = "karibu-clock:" + UUID.randomUUID();
        Scenario scenario = library.find("pc-001-dm2-neuropathy").orElseThrow();
        LocalDate received = scenario.dateOfService().plusDays(20);
        billing.submitScenario(
                "student", scenario, CodingAnswer.fromKey(scenario.key()), received, ledger, null, Disclosure.TEACHING);

        LedgerClockBar bar = new LedgerClockBar(clock, "student");
        UI.getCurrent().add(bar);
        List<ClockAdvance> heard = new ArrayList<>();
        bar.addAdvanceListener(heard::add);
        bar.ledger.setValue(ledger);
        assertThat(bar.today.getText()).isEqualTo("Practice date: " + DisplayDates.date(received));

        bar.week.click();
        bar.month.click();

        assertThat(clock.today("student", ledger)).isEqualTo(received.plusDays(37));
        assertThat(bar.today.getText()).isEqualTo("Practice date: " + DisplayDates.date(received.plusDays(37)));
        assertThat(heard).extracting(ClockAdvance::today).containsExactly(received.plusDays(7), received.plusDays(37));
    }
}
