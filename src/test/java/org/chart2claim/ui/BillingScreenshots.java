package org.chart2claim.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.Browser;
import org.chart2claim.support.StandaloneApp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: the screenshots of docs/billing.md (eligibility answer, a posted ERA, the A/R dashboard), at 1400 px
 * and 390 px, from a scripted ledger. Run with the test classpath: {@code java -cp ... org.chart2claim.ui.BillingScreenshots
 * target/billing-shots}.
 */
public final class BillingScreenshots {
    private static final String PASSWORD = "shots-demo-1";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/billing-shots");
        Files.createDirectories(out);
        Path dataDir = Path.of("target", "shots-data", UUID.randomUUID().toString());
        Files.createDirectories(dataDir);
        try (StandaloneApp app = StandaloneApp.start(
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.index-dir="
                        + Path.of("target", "browser-test-index").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:mem:shots-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--chart2claim.demo-password=" + PASSWORD,
                "--vaadin.devmode.devTools.enabled=false")) {
            String base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
            long remittance = script(app);
            for (int width : new int[] {1400, 390}) {
                WebDriver driver = Browser.start(width, width > 500 ? 900 : 844);
                try {
                    driver.get(base + "/login");
                    wait(driver, By.cssSelector("#vaadinLoginUsername input")).sendKeys("student");
                    driver.findElement(By.cssSelector("#vaadinLoginPassword input"))
                            .sendKeys(PASSWORD, Keys.ENTER);
                    new WebDriverWait(driver, Duration.ofSeconds(20))
                            .until(d -> !d.getCurrentUrl().contains("/login"));

                    driver.get(base + "/billing/eligibility?scenario=pc-001-dm2-neuropathy");
                    wait(driver, By.xpath("//vaadin-button[normalize-space()='Check eligibility']"))
                            .click();
                    wait(driver, By.cssSelector(".eligibility-status"));
                    idle(driver);
                    scroll(driver, ".eligibility-answer");
                    shot(driver, out.resolve("billing-eligibility-" + width + ".png"));

                    driver.get(base + "/claims/remittance/" + remittance);
                    wait(driver, By.xpath("//h2[normalize-space()='Posted to the practice ledger']"));
                    idle(driver);
                    scroll(driver, "vaadin-grid:last-of-type");
                    shot(driver, out.resolve("billing-posted-era-" + width + ".png"));

                    driver.get(base + "/billing/ar");
                    wait(driver, By.cssSelector(".billing-kpi"));
                    idle(driver);
                    shot(driver, out.resolve("billing-dashboard-" + width + ".png"));
                    scroll(driver, "#chart-first-pass");
                    shot(driver, out.resolve("billing-dashboard-charts-" + width + ".png"));

                    driver.get(base + "/billing/accounts");
                    wait(driver, By.tagName("vaadin-grid"));
                    idle(driver);
                    shot(driver, out.resolve("billing-accounts-" + width + ".png"));
                } finally {
                    driver.quit();
                }
            }
        }
        System.out.println("Screenshots in " + out.toAbsolutePath());
        System.exit(0);
    }

    /** A ledger "default" of several scenarios (one a duplicate, one a terminated member), then 45 days pass. */
    private static long script(StandaloneApp app) {
        ScenarioLibrary library = app.bean(ScenarioLibrary.class);
        BillingService billing = app.bean(BillingService.class);
        AttemptService attempts = app.bean(AttemptService.class);
        long remittance = 0;
        List<Scenario> scenarios = library.all().stream().limit(12).toList();
        for (Scenario s : scenarios) {
            CodingAnswer key = CodingAnswer.fromKey(s.key());
            try {
                ClaimResult r = billing.submitScenario(
                        "student", s, key, s.dateOfService().plusDays(7), "default", Disclosure.TEACHING);
                if (s.id().equals("pc-001-dm2-neuropathy") || remittance == 0) {
                    remittance = billing.recordId(r).orElse(0L);
                }
            } catch (RuntimeException e) {
                System.out.println("skipped " + s.id() + ": " + e.getMessage());
            }
        }
        Scenario pc001 = library.find("pc-001-dm2-neuropathy").orElseThrow();
        attempts.submit("student", pc001.id(), CodingAnswer.fromKey(pc001.key()));
        ClaimResult first = billing.submitScenario(
                "student",
                pc001,
                CodingAnswer.fromKey(pc001.key()),
                pc001.dateOfService().plusDays(7),
                "default",
                Disclosure.TEACHING);
        remittance = billing.recordId(first).orElse(remittance);
        // the same visit again: a duplicate (CO-18) on the denial worklist
        billing.submitScenario(
                "student",
                pc001,
                CodingAnswer.fromKey(pc001.key()),
                pc001.dateOfService().plusDays(9),
                "default",
                Disclosure.TEACHING);
        app.bean(LedgerClockService.class).advanceDays("student", "default", 45);
        return remittance;
    }

    private static org.openqa.selenium.WebElement wait(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            var found = d.findElements(by);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private static void idle(WebDriver driver) throws InterruptedException {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                return !!flow && Object.values(flow.clients || {}).every(c => !c.isActive || !c.isActive());
                """));
        Thread.sleep(600);
    }

    private static void scroll(WebDriver driver, String css) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({block: 'start'});",
                        css);
    }

    private static void shot(WebDriver driver, Path file) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    private BillingScreenshots() {}
}
