package org.chart2claim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import org.chart2claim.config.Chart2ClaimProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.support.TransactionOperations;

/** Issue 16: without DEMO_PASSWORD an empty database gets one admin with a generated password, never a published one. */
@ExtendWith(OutputCaptureExtension.class)
class DemoAccountsSeederTest {

    private final AccountService accounts = mock(AccountService.class);
    private final CohortService cohorts = mock(CohortService.class);

    private DemoAccountsSeeder seeder(String demoPassword, boolean inBackground) {
        return new DemoAccountsSeeder(
                accounts,
                cohorts,
                new Chart2ClaimProperties("target/test-data", null, null, demoPassword),
                inBackground,
                TransactionOperations.withoutTransaction());
    }

    /** A batch run (import-codebooks): seeds when its beans are ready. */
    private void seed(String demoPassword) {
        when(accounts.count()).thenReturn(0L);
        seeder(demoPassword, false).afterSingletonsInstantiated();
    }

    @Test
    void aServerDoesNotQueryTheAccountsOnTheStartPathButInTheBackgroundStepOrAtTheFirstLogin() {
        when(accounts.count()).thenReturn(0L);
        when(cohorts.create(anyString(), anyString(), anyString())).thenReturn(new Cohort("Demo cohort", ""));
        DemoAccountsSeeder seeder = seeder("a-school-secret-1", true);

        seeder.afterSingletonsInstantiated();
        verifyNoInteractions(accounts, cohorts);
        assertThat(seeder.started()).isFalse();
        assertThat(seeder.startStepName()).isEqualTo("accounts");

        // what BackgroundStarter (or the first login, DatabaseUserDetailsService) calls: seeds once
        seeder.ensureStarted();
        seeder.ensureStarted();
        verify(accounts).count();
        verify(accounts).create(eq("student"), anyString(), eq("a-school-secret-1"), eq(EnumSet.of(Role.STUDENT)));
        assertThat(seeder.started()).isTrue();
    }

    @Test
    void theAccountsAreCreatedInOneTransactionSoAStopHalfWayLeavesNone() {
        when(accounts.count()).thenReturn(0L);
        when(cohorts.create(anyString(), anyString(), anyString())).thenReturn(new Cohort("Demo cohort", ""));
        boolean[] inTransaction = {false};
        java.util.List<Boolean> createdInTransaction = new java.util.ArrayList<>();
        when(accounts.create(anyString(), anyString(), anyString(), any())).thenAnswer(call -> {
            createdInTransaction.add(inTransaction[0]);
            return null;
        });
        TransactionOperations oneTransaction = new TransactionOperations() {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                inTransaction[0] = true;
                try {
                    return action.doInTransaction(null);
                } finally {
                    inTransaction[0] = false;
                }
            }
        };
        new DemoAccountsSeeder(
                        accounts,
                        cohorts,
                        new Chart2ClaimProperties("target/test-data", null, null, "a-school-secret-1"),
                        true,
                        oneTransaction)
                .ensureStarted();
        assertThat(createdInTransaction).hasSize(3).containsOnly(true);
    }

    @Test
    void theFirstLoginWaitsForTheSeeding() {
        when(accounts.count()).thenReturn(0L);
        UserAccountRepository users = mock(UserAccountRepository.class);
        when(users.findByUsernameIgnoreCase("admin")).thenReturn(java.util.Optional.empty());
        DemoAccountsSeeder seeder = seeder("", true);

        assertThatThrownBy(() -> new DatabaseUserDetailsService(users, seeder).loadUserByUsername("admin"))
                .isInstanceOf(UsernameNotFoundException.class);
        var order = inOrder(accounts, users);
        order.verify(accounts).create(eq("admin"), anyString(), anyString(), eq(EnumSet.of(Role.ADMIN)));
        order.verify(users).findByUsernameIgnoreCase("admin");
        assertThat(seeder.started()).isTrue();
    }

    @Test
    void withoutDemoPasswordOnlyAnAdminWithAGeneratedPasswordPrintedOnce(CapturedOutput output) {
        seed("");
        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        verify(accounts).create(eq("admin"), anyString(), password.capture(), eq(EnumSet.of(Role.ADMIN)));
        verify(accounts, never()).create(eq("student"), anyString(), anyString(), any());
        assertThat(password.getValue()).hasSize(20).isNotEqualTo("chart2claim-demo");
        assertThat(PasswordPolicy.problemWith(password.getValue())).isNull();
        assertThat(output.getOut()).containsOnlyOnce(password.getValue()).contains("DEMO_PASSWORD is not set");
    }

    @Test
    void withDemoPasswordTheThreeDemoAccounts() {
        when(cohorts.create(anyString(), anyString(), anyString())).thenReturn(new Cohort("Demo cohort", ""));
        seed("a-school-secret-1");
        verify(accounts).create(eq("student"), anyString(), eq("a-school-secret-1"), eq(EnumSet.of(Role.STUDENT)));
        verify(accounts).create(eq("admin"), anyString(), eq("a-school-secret-1"), eq(EnumSet.of(Role.ADMIN)));
    }

    @Test
    void theShippedPropertiesHaveNoDefaultPasswordOutsideTheDevCommand() throws Exception {
        var properties = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("chart2claim.demo-password"))
                .isEqualTo("${DEMO_PASSWORD:${chart2claim.dev-demo-password:}}");
    }
}
