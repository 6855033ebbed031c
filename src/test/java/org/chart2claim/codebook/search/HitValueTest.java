package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.chart2claim.codebook.CodeSystem;
import org.junit.jupiter.api.Test;

class HitValueTest {

    @Test
    void roundTripsEveryField() {
        CodeHit hit = HitValue.decode(
                HitValue.encode(
                        CodeSystem.ICD10CM,
                        "S93.401A",
                        "Sprain of unspecified ligament of right ankle, initial encounter",
                        true,
                        "FY2026"),
                2.5f);
        assertThat(hit)
                .isEqualTo(new CodeHit(
                        CodeSystem.ICD10CM,
                        "S93.401A",
                        "Sprain of unspecified ligament of right ankle, initial encounter",
                        true,
                        2.5f,
                        "FY2026"));
    }

    @Test
    void keepsEmptyFieldsAndNeverSplitsATitle() {
        CodeHit hit = HitValue.decode(HitValue.encode(CodeSystem.HCPCS, "J2405", "Odd \u001f title", false, ""), 0f);
        assertThat(hit.title()).isEqualTo("Odd   title");
        assertThat(hit.version()).isEmpty();
        assertThat(hit.billable()).isFalse();
    }
}
