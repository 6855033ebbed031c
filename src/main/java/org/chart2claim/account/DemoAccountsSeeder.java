package org.chart2claim.account;

import java.security.SecureRandom;
import java.util.EnumSet;
import org.chart2claim.config.BackgroundStart;
import org.chart2claim.config.Chart2ClaimProperties;
import org.chart2claim.config.OnDemand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * On first start with an empty database: with {@code DEMO_PASSWORD} set, creates the demo accounts
 * {@code student}, {@code instructor} and {@code admin} with it and a demo cohort joining them, so a school
 * can try the app at once. Without it (a production jar never opens with a published password) it creates
 * only {@code admin} with a generated password that is printed once in the log. The README's dev command
 * ({@code ./mvnw spring-boot:run}) supplies a documented default. It never touches a database that already
 * has users.
 *
 * <p>In a server the check runs after the server answers, as the first {@link BackgroundStart} step: it is the
 * first database query, and on the start path it made the main thread wait for Hibernate, which starts on a second
 * thread (docs/PERFORMANCE.md, "Restart"). A login that comes earlier waits for it ({@link
 * DatabaseUserDetailsService}), so the very first login still finds the accounts. A batch run (no web server, no
 * background start) seeds before its work, as before.
 */
@Component
@Order(DemoAccountsSeeder.START_ORDER)
public class DemoAccountsSeeder implements SmartInitializingSingleton, BackgroundStart {

    /** Before the code books ({@code CodeBookService.START_ORDER}): logins wait for it. */
    public static final int START_ORDER = 50;

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsSeeder.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final CohortService cohorts;
    private final Chart2ClaimProperties properties;
    private final boolean inBackground;
    private final TransactionOperations transaction;
    private final OnDemand seeding = new OnDemand(this, "accounts", this::seedIfEmptyAtomically);

    /**
     * @param inBackground true in a server (the {@link BackgroundStart} steps run after it answers); false in a batch
     *     run, which seeds when its beans are ready
     * @param transaction the seeding is all or nothing (a stop during the background step must not leave a database
     *     with some of the accounts, which the next start would then never complete)
     */
    public DemoAccountsSeeder(
            AccountService accounts,
            CohortService cohorts,
            Chart2ClaimProperties properties,
            boolean inBackground,
            TransactionOperations transaction) {
        this.accounts = accounts;
        this.cohorts = cohorts;
        this.properties = properties;
        this.inBackground = inBackground;
        this.transaction = transaction;
    }

    @Autowired
    DemoAccountsSeeder(
            AccountService accounts,
            CohortService cohorts,
            Chart2ClaimProperties properties,
            ApplicationContext context,
            PlatformTransactionManager transactions) {
        this(
                accounts,
                cohorts,
                properties,
                context instanceof WebApplicationContext,
                new TransactionTemplate(transactions));
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!inBackground) {
            ensureStarted();
        }
    }

    @Override
    public OnDemand startWork() {
        return seeding;
    }

    private void seedIfEmptyAtomically() {
        transaction.executeWithoutResult(status -> seedIfEmpty());
    }

    private void seedIfEmpty() {
        if (accounts.count() > 0) {
            return;
        }
        String password = properties.demoPassword();
        if (password == null || password.isEmpty()) {
            seedFirstAdmin("DEMO_PASSWORD is not set");
            return;
        }
        if (PasswordPolicy.problemWith(password) != null) {
            seedFirstAdmin("DEMO_PASSWORD is not usable (" + PasswordPolicy.problemWith(password) + ")");
            return;
        }
        accounts.create("student", "Sam Student", password, EnumSet.of(Role.STUDENT));
        accounts.create("instructor", "Ivy Instructor", password, EnumSet.of(Role.INSTRUCTOR));
        accounts.create("admin", "Ada Admin", password, EnumSet.of(Role.ADMIN));
        Cohort demo = cohorts.create("Demo cohort", "Created on first start for trying the app.", "instructor");
        cohorts.enrol(demo.getId(), "student");
        log.info("Created demo accounts student, instructor and admin (password from DEMO_PASSWORD).");
    }

    /** One administrator with a random password, shown once here and nowhere else. */
    private void seedFirstAdmin(String reason) {
        String password = generatedPassword();
        accounts.create("admin", "Administrator", password, EnumSet.of(Role.ADMIN));
        log.warn(
                "{}: no demo accounts were created. Created the administrator 'admin' with the one-time password "
                        + "{} (shown only now): log in, change it under My account, then create the other accounts "
                        + "under Users.",
                reason,
                password);
    }

    static String generatedPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
