package org.chart2claim.account;

import java.util.EnumSet;
import org.chart2claim.config.Chart2ClaimProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database, creates the demo accounts {@code student}, {@code instructor}
 * and {@code admin} (password from {@code DEMO_PASSWORD}) and a demo cohort joining them, so a school
 * can try the app at once. It never touches a database that already has users. It runs before the web
 * server opens, so the very first login already finds the accounts.
 */
@Component
public class DemoAccountsSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsSeeder.class);

    private final AccountService accounts;
    private final CohortService cohorts;
    private final Chart2ClaimProperties properties;

    public DemoAccountsSeeder(AccountService accounts, CohortService cohorts, Chart2ClaimProperties properties) {
        this.accounts = accounts;
        this.cohorts = cohorts;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.count() > 0) {
            return;
        }
        String password = properties.demoPassword();
        if (PasswordPolicy.problemWith(password) != null) {
            log.warn(
                    "DEMO_PASSWORD is not usable ({}); no demo accounts were created.",
                    PasswordPolicy.problemWith(password));
            return;
        }
        accounts.create("student", "Sam Student", password, EnumSet.of(Role.STUDENT));
        accounts.create("instructor", "Ivy Instructor", password, EnumSet.of(Role.INSTRUCTOR));
        accounts.create("admin", "Ada Admin", password, EnumSet.of(Role.ADMIN));
        Cohort demo = cohorts.create("Demo cohort", "Created on first start for trying the app.", "instructor");
        cohorts.enrol(demo.getId(), "student");
        log.info("Created demo accounts student, instructor and admin (password from DEMO_PASSWORD).");
    }
}
