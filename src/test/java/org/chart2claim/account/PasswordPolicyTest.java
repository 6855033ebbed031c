package org.chart2claim.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsReasonablePasswords() {
        assertThat(PasswordPolicy.problemWith("correct horse")).isNull();
    }

    @Test
    void refusesEmptyShortAndOverlongPasswords() {
        assertThat(PasswordPolicy.problemWith(null)).contains("empty");
        assertThat(PasswordPolicy.problemWith("   ")).contains("empty");
        assertThat(PasswordPolicy.problemWith("1234567")).contains("at least 8");
        assertThat(PasswordPolicy.problemWith("x".repeat(73))).contains("at most 72");
    }

    @Test
    void usernamesAreShortAndPlain() {
        assertThat(UsernamePolicy.problemWith("jane.doe")).isNull();
        assertThat(UsernamePolicy.problemWith("")).contains("empty");
        assertThat(UsernamePolicy.problemWith("a b")).isNotNull();
        assertThat(UsernamePolicy.problemWith("<script>")).isNotNull();
    }
}
