package org.chart2claim.appeal.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.chart2claim.appeal.Support;
import org.junit.jupiter.api.Test;

/** One test per rule of the payer's retro-authorization review, and the registry's order. */
class RetroAuthRulesTest {
    static final LocalDate DOS = LocalDate.of(2026, 5, 5);

    static RetroCase retro(int window, int daysAfter, Support support) {
        return new RetroCase("Blue Horizon PPO (simulated)", window, DOS, DOS.plusDays(daysAfter), support);
    }

    @Test
    void aPayerWithoutRetroAuthorizationDeniesEveryRequest() {
        assertThat(new NoRetroAuthorizationRule().decide(retro(0, 1, Support.AS_BILLED)))
                .hasValueSatisfying(d -> {
                    assertThat(d.approved()).isFalse();
                    assertThat(d.explanation()).contains("after the fact");
                });
        assertThat(new NoRetroAuthorizationRule().decide(retro(14, 1, Support.AS_BILLED)))
                .isEmpty();
    }

    @Test
    void aRequestAfterTheWindowIsDeniedOnTheLastDayItIsNot() {
        assertThat(new RetroWindowRule().decide(retro(14, 15, Support.AS_BILLED)))
                .hasValueSatisfying(d -> {
                    assertThat(d.approved()).isFalse();
                    assertThat(d.explanation())
                            .contains("within 14 days")
                            .contains(DOS.plusDays(14).toString());
                });
        assertThat(new RetroWindowRule().decide(retro(14, 14, Support.AS_BILLED)))
                .isEmpty();
    }

    @Test
    void aServiceTheRecordDoesNotSupportIsNotAuthorized() {
        for (Support s : Support.values()) {
            assertThat(new RecordDoesNotSupportServiceRule().decide(retro(14, 1, s)))
                    .as(s.name())
                    .matches(d -> s == Support.AS_BILLED
                            ? d.isEmpty()
                            : d.isPresent() && !d.get().approved());
        }
    }

    @Test
    void otherwiseTheAuthorizationIsGranted() {
        assertThat(new RetroGrantRule().decide(retro(14, 3, Support.AS_BILLED)))
                .hasValueSatisfying(d -> assertThat(d.approved()).isTrue());
    }

    @Test
    void theRegistryChecksPolicyThenTimeThenTheRecord() {
        RetroAuthRegistry registry = RetroAuthRegistry.standard();
        assertThat(registry.decide(retro(0, 40, Support.NOT_DOCUMENTED)).rule()).isEqualTo("NoRetroAuthorizationRule");
        assertThat(registry.decide(retro(14, 40, Support.NOT_DOCUMENTED)).rule())
                .isEqualTo("RetroWindowRule");
        assertThat(registry.decide(retro(14, 3, Support.NOT_DOCUMENTED)).rule())
                .isEqualTo("RecordDoesNotSupportServiceRule");
        assertThat(registry.decide(retro(14, 3, Support.AS_BILLED)).approved()).isTrue();
    }
}
