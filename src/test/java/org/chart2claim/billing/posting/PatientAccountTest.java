package org.chart2claim.billing.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PatientAccountTest {
    @Test
    void nameAndBirthDateMakeTheAccountNumber() {
        assertThat(PatientAccount.number("Greenleaf", "Vanessa", LocalDate.of(1983, 12, 14)))
                .isEqualTo("GREENLEAF-VANESSA-19831214");
        assertThat(PatientAccount.number("O'Brien-Smith", "mary ann", null)).isEqualTo("OBRIENSMITH-MARYANN");
        assertThat(PatientAccount.number(null, " ", null)).isEqualTo("UNKNOWN-UNKNOWN");
    }

    @Test
    void accentsAreDroppedAndOtherScriptsLeaveUnknown() {
        assertThat(PatientAccount.number("Zoë", "José", null)).isEqualTo("ZOE-JOSE");
        assertThat(PatientAccount.number("Ñúñez", "Łukasz", null)).isEqualTo("NUNEZ-UKASZ");
        assertThat(PatientAccount.number("王", "Ann", null)).isEqualTo("UNKNOWN-ANN");
    }

    /** The fast path for plain ASCII names cleans every character exactly as the Unicode path does. */
    @Test
    void everyAsciiCharacterIsCleanedAsTheUnicodePathCleansIt() {
        for (char c = 0; c < 0x80; c++) {
            String name = "a" + c + "Z9";
            assertThat(PatientAccount.number(name, "x", null))
                    .as("character %d", (int) c)
                    .isEqualTo(unicodePath(name) + "-X");
        }
    }

    private static String unicodePath(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]", "");
    }
}
