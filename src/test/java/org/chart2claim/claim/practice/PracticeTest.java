package org.chart2claim.claim.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped charge master and billing addresses load; an unknown NPI gets the default address. */
class PracticeTest {
    static final Practice PRACTICE = Practice.load(Path.of("codebooks"));

    @Test
    void chargeMasterPricesACode() {
        assertThat(PRACTICE.charge("99213")).isPresent();
        assertThat(PRACTICE.charge("00000")).isEmpty();
    }

    @Test
    void billingAddressByNpiWithTheDefaultForUnknownNpis() {
        assertThat(PRACTICE.address("1107070702").orElseThrow().name()).isEqualTo("Summit Orthopedic Associates");
        assertThat(PRACTICE.address("1999999999").orElseThrow().address().complete())
                .isTrue();
    }
}
