package org.chart2claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.chart2claim.appeal.ActionRequest;
import org.chart2claim.appeal.AppealService;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The denial desk in a real browser at 1400 px and 390 px: the worklist, the appeal letter form and a decision
 * letter, none of which scrolls sideways. The ledger is prepared through the services (a downcode, a bundling
 * denial, a timely-filing denial and two drills, one appealed and decided); screenshots go to
 * {@code target/browser-shots/appeal-*} (docs/appeal.md shows them). Skipped without chromium/chromedriver.
 */
class AppealBrowserTest {
    private static final String PASSWORD = "browser-demo-1";
    private static final Path SHOTS = Path.of("target", "browser-shots");
    private static final String LEDGER = "practice";

    private static StandaloneApp app;
    private static String base;
    private static long openDrillItem;
    private static long decidedItem;
    private static long bundledItem;

    @BeforeAll
    static void startAppAndPrepareTheLedger() throws IOException {
        app = BrowserJourneyTest.startStandalone(PASSWORD);
        Files.createDirectories(SHOTS);
        base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");

        BillingService billing = app.context().getBean(BillingService.class);
        ScenarioLibrary library = app.context().getBean(ScenarioLibrary.class);
        AppealService appeals = app.context().getBean(AppealService.class);
        LedgerClockService clock = app.context().getBean(LedgerClockService.class);
        var pc001 = library.find("pc-001-dm2-neuropathy").orElseThrow();
        CodingAnswer key1 = CodingAnswer.fromKey(pc001.key());
        billing.submitScenario(
                "student",
                pc001,
                new CodingAnswer(
                        key1.diagnoses(), List.of(new CodingAnswer.Line("99215", List.of(), 1, List.of(1, 2)))),
                null,
                LEDGER,
                Disclosure.TEACHING);
        var pc003 = library.find("pc-003-preventive-with-problem").orElseThrow();
        CodingAnswer key3 = CodingAnswer.fromKey(pc003.key());
        billing.submitScenario(
                "student",
                pc003,
                new CodingAnswer(
                        key3.diagnoses(),
                        key3.procedures().stream()
                                .map(l -> new CodingAnswer.Line(l.code(), List.of(), l.units(), l.pointers()))
                                .toList()),
                null,
                LEDGER,
                Disclosure.TEACHING);
        bundledItem = appeals.worklist("student", LEDGER).stream()
                .filter(i -> i.row().label().equals("CO-97"))
                .findFirst()
                .orElseThrow()
                .id();
        var decided = appeals.startDrill("student", "necessity-op-report-bcc", LEDGER);
        decidedItem = decided.items().stream()
                .filter(i -> i.row().line() == 1)
                .findFirst()
                .orElseThrow()
                .id();
        appeals.act(
                "student",
                decidedItem,
                new ActionRequest(
                        "APPEAL",
                        null,
                        new ActionRequest.LetterBody(
                                "Redetermination of the CO-50 denial of line 1 (11642)",
                                "The procedure report documents a biopsy-proven basal cell carcinoma of the cheek, excised"
                                        + " with margins: a medically necessary excision of a malignant lesion, not a"
                                        + " cosmetic one.",
                                List.of("operative-report", "note"),
                                "Reprocess line 1 and pay it under the fee schedule.",
                                null),
                        null,
                        null,
                        null));
        var open = appeals.startDrill("student", "auth-not-linked-epidural", LEDGER);
        openDrillItem = open.items().stream()
                .filter(i -> i.row().line() == 1)
                .findFirst()
                .orElseThrow()
                .id();
        clock.advanceDays("student", LEDGER, 60);
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theDenialDeskAt1400px() {
        tour(1400, 900);
    }

    @Test
    void theDenialDeskAtPhoneWidth() {
        tour(390, 844);
    }

    private void tour(int w, int h) {
        WebDriver driver = BrowserJourneyTest.Browser.start(w, h);
        try {
            driver.get(base + "/login");
            waitFor(driver, By.cssSelector("#vaadinLoginUsername input")).sendKeys("student");
            driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(PASSWORD, Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !d.getCurrentUrl().contains("/login"));

            driver.get(base + "/appeals?ledger=" + LEDGER);
            waitForText(driver, "work items in ledger");
            assertThat(body(driver)).contains("Denials").contains("Practice date");
            noSidewaysScroll(driver, "worklist", w);
            shot(driver, w, "worklist");

            driver.get(base + "/appeals/item/" + openDrillItem);
            waitForText(driver, "Work it");
            click(driver, labelled(driver, "vaadin-radio-button", "Appeal"));
            waitFor(driver, By.cssSelector("#letter-reason input"))
                    .sendKeys("Appeal of the CO-15 denial of line 1 (64483)");
            driver.findElement(By.cssSelector("#letter-argument textarea"))
                    .sendKeys(
                            "Authorization PA-26-0210451 was approved for this member and 64483 before the injection.");
            click(
                    driver,
                    driver.findElement(By.xpath(
                            "//vaadin-checkbox[.//label[contains(text(),'Prior-authorization approval letter')]]")));
            driver.findElement(By.cssSelector("#letter-outcome input")).sendKeys("Reprocess line 1 and pay it.");
            ((JavascriptExecutor) driver)
                    .executeScript("document.getElementById('letter-form').scrollIntoView({block: 'start'})");
            noSidewaysScroll(driver, "letter form", w);
            shot(driver, w, "letter-form");

            driver.get(base + "/appeals/item/" + decidedItem);
            waitForText(driver, "Decision: overturned");
            ((JavascriptExecutor) driver)
                    .executeScript("document.querySelector('.decision-letter').scrollIntoView({block: 'start'})");
            noSidewaysScroll(driver, "decision letter", w);
            shot(driver, w, "decision-letter");

            // a corrected claim is made in the claim builder, opened from the item pre-filled as a replacement
            driver.get(base + "/appeals/item/" + bundledItem);
            waitForText(driver, "Work it");
            click(driver, labelled(driver, "vaadin-radio-button", "Corrected claim"));
            WebElement open = waitFor(driver, By.id("open-claim-builder"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", open);
            noSidewaysScroll(driver, "corrected-claim action", w);
            shot(driver, w, "corrected-claim-action");
            click(driver, open);
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("/claims?correct="));
            waitForText(driver, "Claim builder");
            assertThat((String) ((JavascriptExecutor) driver)
                            .executeScript("return Array.from(document.querySelectorAll('vaadin-text-field'))"
                                    + ".map(f => f.value).join(' ')"))
                    .as("box 22 carries the payer claim number")
                    .contains("SIM");
            ((JavascriptExecutor) driver)
                    .executeScript("Array.from(document.querySelectorAll('vaadin-select'))"
                            + ".filter(s => s.label === '22 Resubmission code')"
                            + ".forEach(s => s.scrollIntoView({block: 'center'}))");
            shot(driver, w, "corrected-claim-builder");
        } finally {
            driver.quit();
        }
    }

    private static String body(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static void waitForText(WebDriver driver, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> body(d).contains(text));
    }

    private static WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    /** The first element of this tag whose visible text is (or starts with) {@code label}. */
    private static WebElement labelled(WebDriver driver, String tag, String label) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.tagName(tag)).stream()
                        .filter(e -> e.getText().strip().startsWith(label))
                        .findFirst()
                        .orElse(null));
    }

    private static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void noSidewaysScroll(WebDriver driver, String page, int width) {
        Long overflow = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow)
                .as("%s at %s px scrolls sideways by %s px", page, width, overflow)
                .isLessThanOrEqualTo(0L);
    }

    private static void shot(WebDriver driver, int width, String name) {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(
                    file.toPath(),
                    SHOTS.resolve("appeal-" + name + "-" + width + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the screenshot " + name, e);
        }
    }
}
