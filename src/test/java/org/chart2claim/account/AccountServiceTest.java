package org.chart2claim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.UUID;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    PasswordEncoder encoder;

    private static String uniqueName() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        UserAccount created = accounts.create(uniqueName(), "Pat", "secret-pass-1", EnumSet.of(Role.STUDENT));
        assertThat(created.getPasswordHash()).startsWith("$2").doesNotContain("secret-pass-1");
        assertThat(encoder.matches("secret-pass-1", created.getPasswordHash())).isTrue();
    }

    @Test
    void duplicateNameIsRefusedWhateverTheCase() {
        String name = uniqueName();
        accounts.create(name, "", "secret-pass-1", EnumSet.of(Role.STUDENT));
        assertThatThrownBy(() -> accounts.create(name.toUpperCase(), "", "secret-pass-2", EnumSet.of(Role.STUDENT)))
                .isInstanceOf(AccountException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void emptyOrShortPasswordIsRefused() {
        assertThatThrownBy(() -> accounts.create(uniqueName(), "", "", EnumSet.of(Role.STUDENT)))
                .isInstanceOf(AccountException.class)
                .hasMessage("Password must not be empty.");
        assertThatThrownBy(() -> accounts.create(uniqueName(), "", "short", EnumSet.of(Role.STUDENT)))
                .isInstanceOf(AccountException.class)
                .hasMessageContaining("at least 8");
    }

    @Test
    void disabledUserCannotBeLoadedForLogin(@Autowired DatabaseUserDetailsService details) {
        String name = uniqueName();
        accounts.create(name, "", "secret-pass-1", EnumSet.of(Role.STUDENT));
        accounts.setEnabled(name, false, "admin");
        assertThat(details.loadUserByUsername(name).isEnabled()).isFalse();
    }

    @Test
    void adminCannotDisableThemself() {
        assertThatThrownBy(() -> accounts.setEnabled("admin", false, "admin")).isInstanceOf(AccountException.class);
    }

    @Test
    void changeOwnPasswordNeedsTheCurrentOne() {
        String name = uniqueName();
        accounts.create(name, "", "secret-pass-1", EnumSet.of(Role.STUDENT));
        assertThatThrownBy(() -> accounts.changeOwnPassword(name, "wrong", "secret-pass-2"))
                .isInstanceOf(AccountException.class);
        accounts.changeOwnPassword(name, "secret-pass-1", "secret-pass-2");
        assertThat(encoder.matches("secret-pass-2", accounts.get(name).getPasswordHash()))
                .isTrue();
    }

    @Test
    void demoCohortJoinsInstructorAndStudent() {
        assertThat(cohorts.findForInstructor("instructor"))
                .extracting(Cohort::getName)
                .contains("Demo cohort");
        assertThat(cohorts.findForStudent("student"))
                .extracting(Cohort::getName)
                .contains("Demo cohort");
    }

    @Test
    void onlyStudentsCanBeEnrolled() {
        Cohort cohort = cohorts.create("Cohort " + uniqueName(), "", "instructor");
        assertThatThrownBy(() -> cohorts.enrol(cohort.getId(), "admin"))
                .isInstanceOf(AccountException.class)
                .hasMessageContaining("not a student");
    }
}
