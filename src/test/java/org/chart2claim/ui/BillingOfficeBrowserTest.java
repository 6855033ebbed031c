package org.chart2claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.billing.exercise.HandPosting;
import org.chart2claim.billing.exercise.PostingExerciseService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerService;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.Browser;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
 * Every billing-office view in a real browser at 1400 px and 390 px, none scrolling sideways: eligibility with an
 * answer, a remittance posted to the ledger, patient accounts with a statement run, the A/R dashboard, the
 * hand-posting exercise (list, form, score), and the instructor's cohort A/R and cohort posting. The ledger is
 * prepared through the services; screenshots go to {@code target/browser-shots/billing-*} (docs/billing.md shows
 * some). The server listens on {@code -Dbilling.browser.port} (default a free port). Skipped without
 * chromium/chromedriver.
 */
class BillingOfficeBrowserTest {
    private static final String PASSWORD = "browser-demo-1";
    private static final Path SHOTS = Path.of("target", "browser-shots");
    private static final String SCENARIO = "pc-001-dm2-neuropathy";

    private static StandaloneApp app;
    private static String base;
    private static long claimId;

    @BeforeAll
    static void startAppAndPrepareTheLedger() throws IOException {
        Optional<String> missing = Browser.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Real-browser suite skipped: " + missing.orElse(""));
        Path dataDir = Path.of("target", "browser-test-data", UUID.randomUUID().toString());
        Files.createDirectories(dataDir);
        Files.createDirectories(SHOTS);
        app = StandaloneApp.start(
                "--server.port=" + System.getProperty("billing.browser.port", "0"),
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.index-dir="
                        + Path.of("target", "browser-test-index").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:mem:browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--chart2claim.demo-password=" + PASSWORD,
                "--vaadin.devmode.devTools.enabled=false");
        base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");

        BillingService billing = app.context().getBean(BillingService.class);
        ScenarioLibrary library = app.context().getBean(ScenarioLibrary.class);
        LedgerClockService clock = app.context().getBean(LedgerClockService.class);
        PostingExerciseService exercises = app.context().getBean(PostingExerciseService.class);
        for (String id : List.of(SCENARIO, "pc-003-preventive-with-problem", "pc-004-strep-pharyngitis")) {
            library.find(id).ifPresent(s -> {
                ClaimResult r = billing.submitScenario(
                        "student",
                        s,
                        CodingAnswer.fromKey(s.key()),
                        null,
                        PayerService.DEFAULT_LEDGER,
                        Disclosure.TEACHING);
                if (id.equals(SCENARIO)) {
                    claimId = billing.recordId(r).orElseThrow();
                }
            });
        }
        clock.advanceDays("student", PayerService.DEFAULT_LEDGER, 1); // a statement run
        exercises.submit("student", claimId, new HandPosting(List.of()));
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theBillingOfficeAt1400px() {
        tour(1400, 900);
    }

    @Test
    void theBillingOfficeAtPhoneWidth() {
        tour(390, 844);
    }

    private void tour(int w, int h) {
        WebDriver driver = Browser.start(w, h);
        List<String> overflowing = new ArrayList<>();
        List<String> gridsScrolling = new ArrayList<>();
        try {
            login(driver, "student");
            driver.get(base + "/billing/eligibility?scenario=" + SCENARIO);
            click(driver, labelled(driver, "vaadin-button", "Check eligibility"));
            waitForText(driver, "Active coverage");
            visit(driver, w, "eligibility", overflowing);

            driver.get(base + "/claims/remittance/" + claimId);
            waitForText(driver, "Posted to the practice ledger");
            visit(driver, w, "remittance", overflowing);
            scrollTo(driver, "//h2[contains(text(),'Posted to the practice ledger')]");
            shot(driver, w, "posted-era");

            driver.get(base + "/claims/mine");
            waitFor(driver, By.tagName("vaadin-grid"));
            visit(driver, w, "my-claims", overflowing);

            driver.get(base + "/claims");
            waitForText(driver, "Submit to payer");
            visit(driver, w, "claim-builder", overflowing);

            driver.get(base + "/billing/accounts");
            waitForText(driver, "Statement runs");
            visit(driver, w, "accounts", overflowing);
            click(driver, labelled(driver, "vaadin-button", "Print all statements"));
            waitFor(driver, By.id("statement-run-pdf"));
            scrollTo(driver, "//h3[contains(text(),'Statement runs')]");
            shot(driver, w, "statement-run");

            driver.get(base + "/billing/ar");
            waitForText(driver, "Days in A/R");
            visit(driver, w, "dashboard", overflowing);

            driver.get(base + "/billing/posting-exercise");
            waitFor(driver, By.tagName("vaadin-grid"));
            visit(driver, w, "posting-list", overflowing);

            driver.get(base + "/billing/posting-exercise/" + claimId);
            waitFor(driver, By.cssSelector("#paid-1 input")).sendKeys("0");
            visit(driver, w, "posting-form", overflowing);
            click(driver, labelled(driver, "vaadin-button", "Post and score"));
            waitForText(driver, "differences from the automatic posting");
            scrollTo(driver, "//h3[contains(text(),'Score')]");
            noSidewaysScroll(driver, "posting-score", w, overflowing);
            shot(driver, w, "posting-score");

            driver.get(base + "/results");
            waitForText(driver, "ERA posting by hand");
            scrollTo(driver, "//h3[contains(text(),'ERA posting by hand')]");
            noSidewaysScroll(driver, "results", w, overflowing);
            shot(driver, w, "results");

            driver.manage().deleteAllCookies();
            login(driver, "instructor");
            driver.get(base + "/teaching/posting");
            waitForText(driver, "Cohort ERA posting");
            visit(driver, w, "cohort-posting", overflowing);
            driver.get(base + "/teaching/ar");
            waitForText(driver, "Cohort A/R");
            visit(driver, w, "cohort-ar", overflowing);
        } finally {
            driver.quit();
        }
        // a grid that scrolls inside itself keeps the page still: reported (docs/billing.md lists them), not failed
        overflowing.stream()
                .filter(o -> o.contains("grid") && o.contains("scrolls by"))
                .forEach(gridsScrolling::add);
        gridsScrolling.forEach(g -> System.out.println("BillingOfficeBrowserTest " + w + " px: " + g));
        assertThat(overflowing.stream()
                        .map(o -> o.replaceAll("(; )?grid(#\\S+)? scrolls by \\d+ px", ""))
                        .filter(o -> !o.matches("[\\w-]+: *")))
                .as("views that scroll sideways at %s px", w)
                .isEmpty();
    }

    private void login(WebDriver driver, String user) {
        driver.get(base + "/login");
        waitFor(driver, By.cssSelector("#vaadinLoginUsername input")).sendKeys(user);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(PASSWORD, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void visit(WebDriver driver, int width, String page, List<String> overflowing) {
        noSidewaysScroll(driver, page, width, overflowing);
        shot(driver, width, page);
    }

    private static String body(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static void waitForText(WebDriver driver, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> body(d).contains(text));
    }

    private static WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private static WebElement labelled(WebDriver driver, String tag, String label) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.tagName(tag)).stream()
                        .filter(e -> e.getText().strip().startsWith(label))
                        .findFirst()
                        .orElse(null));
    }

    private static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void scrollTo(WebDriver driver, String xpath) {
        WebElement e = waitFor(driver, By.xpath(xpath));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", e);
    }

    /**
     * Records the page when anything of it reaches past the window's right edge (the document or the app layout's
     * content would scroll sideways) or a grid needs to scroll sideways inside itself. Elements inside a box that
     * scrolls on its own within the window (a grid's cells, a wide chart's box) are the box's business.
     */
    private static void noSidewaysScroll(WebDriver driver, String page, int width, List<String> overflowing) {
        Object found = ((JavascriptExecutor) driver).executeScript("""
                const w = document.documentElement.clientWidth;
                const out = [];
                if (document.documentElement.scrollWidth > w) {
                  out.push('document by ' + (document.documentElement.scrollWidth - w) + ' px');
                }
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0 || r.right <= w + 1 || r.left >= w) continue;
                  let p = e.parentElement, own = false;
                  while (p && p !== document.body) {
                    if (p.tagName === 'VAADIN-GRID') { own = true; break; }
                    const o = getComputedStyle(p).overflowX;
                    if ((o === 'auto' || o === 'scroll' || o === 'hidden')
                        && p.getBoundingClientRect().right <= w + 1) { own = true; break; }
                    p = p.parentElement;
                  }
                  if (!own) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : '')
                      + ' to ' + Math.round(r.right) + ' px');
                  if (out.length > 4) break;
                }
                for (const g of document.querySelectorAll('vaadin-grid')) {
                  const t = g.shadowRoot && g.shadowRoot.querySelector('#table');
                  if (t && t.scrollWidth > t.clientWidth + 1) {
                    out.push('grid' + (g.id ? '#' + g.id : '') + ' scrolls by ' + (t.scrollWidth - t.clientWidth) + ' px');
                  }
                }
                return out.join('; ');
                """);
        if (found != null && !found.toString().isBlank()) {
            overflowing.add(page + ": " + found);
        }
    }

    private static void shot(WebDriver driver, int width, String name) {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(
                    file.toPath(),
                    SHOTS.resolve("billing-" + name + "-" + width + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the screenshot " + name, e);
        }
    }
}
