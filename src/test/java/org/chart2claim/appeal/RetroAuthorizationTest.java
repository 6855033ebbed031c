package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.clock.ClockAdvance;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retro-authorization: the payer answers on the ledger's clock; an approval reprocesses the claim with the
 * authorization linked and the line is paid, a late request is denied and the item stays workable.
 */
@IntegrationTest
class RetroAuthorizationTest {
    static final String USER = "retro-trainee";

    @Autowired
    AppealService appeals;

    @Autowired
    BillingService billing;

    @Autowired
    ScenarioLibrary scenarios;

    @Autowired
    LedgerClockService clock;

    /** The lap chole (Blue Horizon PPO requires authorization for 47562) billed without box 23: CO-197. */
    AppealService.WorkItem deniedForNoAuthorization(String ledger) {
        Scenario s = scenarios.find("gs-001-lap-chole").orElseThrow();
        Claim claim = ClaimBuilder.from(billing.claimFromScenario(s, CodingAnswer.fromKey(s.key())))
                .priorAuthorization("")
                .build();
        billing.submitBuilt(USER, ledger, claim, s);
        return appeals.worklist(USER, ledger).stream()
                .filter(w -> w.row().label().equals("CO-197"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CO-197 item"));
    }

    @Test
    void anApprovedRequestReprocessesTheClaimWithTheAuthorizationAndTheLineIsPaid() {
        String ledger = "retro-" + UUID.randomUUID();
        AppealService.WorkItem item = deniedForNoAuthorization(ledger);
        ActionAnswer asked =
                appeals.act(USER, item.id(), new ActionRequest("RETRO_AUTH", null, null, null, null, null));
        assertThat(asked.decision()).isEqualTo("PENDING");
        assertThat(asked.explanation()).contains("within 15 days");
        assertThatThrownBy(() -> appeals.act(
                        USER, item.id(), new ActionRequest("WRITE_OFF", null, null, null, null, "ADMINISTRATIVE")))
                .isInstanceOf(AppealException.class)
                .hasMessageContaining("pending");

        ClockAdvance advance = clock.advanceDays(USER, ledger, 15);

        assertThat(advance.events().stream().filter(e -> e.type().equals(AppealService.RETRO_EVENT)))
                .singleElement()
                .satisfies(e -> {
                    ActionAnswer a = (ActionAnswer) e.detail();
                    assertThat(a.decision()).isEqualTo("APPROVED");
                    assertThat(a.paid()).isPositive();
                    assertThat(a.explanation()).contains("Authorization RA-").contains("Reprocessed as claim");
                });
        assertThat(appeals.item(USER, item.id()).orElseThrow().row().status())
                .isEqualTo(ItemStatus.RETRO_AUTH_APPROVED);
        // the reprocessed claim's line is paid: no authorization denial is left to work
        assertThat(appeals.worklist(USER, ledger)).noneSatisfy(w -> {
            assertThat(w.row().label()).isIn("CO-197", "CO-15");
            assertThat(w.row().status().closed()).isFalse();
        });
    }

    @Test
    void aRequestAfterThePayersWindowIsDeniedAndTheItemCanStillBeWrittenOff() {
        String ledger = "retro-" + UUID.randomUUID();
        AppealService.WorkItem item = deniedForNoAuthorization(ledger);
        String late = item.today().plusDays(20).toString(); // 27 days after the service; the window is 14
        appeals.act(USER, item.id(), new ActionRequest("RETRO_AUTH", late, null, null, null, null));

        ClockAdvance advance = clock.advanceDays(USER, ledger, 40);

        assertThat(advance.events().stream().filter(e -> e.type().equals(AppealService.RETRO_EVENT)))
                .singleElement()
                .satisfies(e -> {
                    ActionAnswer a = (ActionAnswer) e.detail();
                    assertThat(a.decision()).isEqualTo("DENIED");
                    assertThat(a.explanation()).contains("within 14 days");
                });
        assertThat(appeals.item(USER, item.id()).orElseThrow().row().status()).isEqualTo(ItemStatus.RETRO_AUTH_DENIED);
        ActionAnswer written =
                appeals.act(USER, item.id(), new ActionRequest("WRITE_OFF", null, null, null, null, "ADMINISTRATIVE"));
        assertThat(written.status()).isEqualTo("WRITTEN_OFF");
    }
}
