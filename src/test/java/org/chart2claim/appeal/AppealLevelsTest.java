package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AppealLevelsTest {
    static final AppealLevels SHIPPED = AppealLevels.load(Path.of("codebooks"));

    @Test
    void medicareHasFiveLevelsWithTheHearingsAmountInControversy() {
        AppealLevels.PayerProcess medicare = SHIPPED.of("medicare-sim").orElseThrow();
        assertThat(medicare.clericalErrorsByReopening()).isTrue();
        assertThat(medicare.levels()).extracting(AppealLevels.Level::filingDays).containsExactly(120, 180, 60, 60, 60);
        assertThat(medicare.level(1).orElseThrow().responseDays()).isEqualTo(60);
        assertThat(medicare.level(3).orElseThrow().amountInControversy()).isGreaterThan(BigDecimal.ZERO);
        assertThat(medicare.level(1).orElseThrow().deadline(LocalDate.of(2026, 3, 21)))
                .isEqualTo(LocalDate.of(2026, 7, 19));
    }

    @Test
    void commercialHasTwoInternalLevelsThenExternalReviewAndMedicaidItsOwn() {
        AppealLevels.PayerProcess ppo = SHIPPED.of("ppo-sim").orElseThrow();
        assertThat(ppo.clericalErrorsByReopening()).isFalse();
        assertThat(ppo.levels()).hasSize(3);
        assertThat(ppo.level(3).orElseThrow().name()).containsIgnoringCase("external");
        assertThat(SHIPPED.of("medicaid-sim").orElseThrow().levels()).hasSize(2);
        assertThat(SHIPPED.payers()).containsExactly("medicaid-sim", "medicare-sim", "ppo-sim");
    }

    @Test
    void malformedFilesAreReportedWithPayerAndLevel() {
        assertThatThrownBy(() -> AppealLevels.parse(
                        "- payer: x\n  levels:\n    - {level: 2, name: A, filingDays: 1, responseDays: 1}\n"))
                .hasMessageContaining("x level 1")
                .hasMessageContaining("numbered");
        assertThatThrownBy(() -> AppealLevels.parse(
                        "- payer: x\n  levels:\n    - {level: 1, name: A, filingDays: ten, responseDays: 1}\n"))
                .hasMessageContaining("filingDays must be a whole number");
        assertThatThrownBy(() -> AppealLevels.parse("- payer: x\n  clericalErrors: maybe\n  levels: []\n"))
                .hasMessageContaining("clericalErrors");
        assertThatThrownBy(() -> AppealLevels.parse("payer: x")).hasMessageContaining("list of payers");
    }
}
