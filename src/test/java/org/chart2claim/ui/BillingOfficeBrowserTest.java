package org.chart2claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.chart2claim.support.BrowserSupport;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every billing-office view in a real browser at 1400 px and 390 px, none scrolling sideways: eligibility with an
 * answer, a remittance posted to the ledger, patient accounts with a statement run, the A/R dashboard, the
 * hand-posting exercise (list, form, score), and the instructor's cohort A/R and cohort posting. Nothing may
 * scroll sideways: not the document, not the app layout's content, no scrolling box and no grid inside itself (a
 * grid too wide for a phone shows its compact column, {@code config.ui.NarrowColumns}). The ledger is prepared
 * through the services; screenshots go to {@code target/browser-shots/billing-<width>-<nn>-<name>.png}
 * (docs/billing.md shows some). The server listens on {@code -Dbilling.browser.port} (default a free port).
 * Skipped without chromium/chromedriver.
 */
class BillingOfficeBrowserTest extends BrowserSupport {
    private static final String PASSWORD = "browser-demo-1";
    private static final String SCENARIO = "pc-001-dm2-neuropathy";

    private static StandaloneApp app;
    private static String base;
    private static long claimId;

    /** Every problem of a tour, so one run names every page that scrolls sideways, not only the first. */
    private final List<String> problems = new ArrayList<>();

    BillingOfficeBrowserTest() {
        super("billing", true);
    }

    @BeforeAll
    static void startAppAndPrepareTheLedger() throws IOException {
        Optional<String> missing = Browser.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Real-browser suite skipped: " + missing.orElse(""));
        Path dataDir = Path.of("target", "browser-test-data", UUID.randomUUID().toString());
        Files.createDirectories(dataDir);
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
        open(w, h);
        logIn(base, "student", PASSWORD);
        driver.get(base + "/billing/eligibility?scenario=" + SCENARIO);
        click(labelled("vaadin-button", "Check eligibility"));
        waitForText("Active coverage");
        visit("eligibility");

        driver.get(base + "/claims/remittance/" + claimId);
        waitForText("Posted to the practice ledger");
        visit("remittance");
        scrollToTop(By.xpath("//h2[contains(text(),'Posted to the practice ledger')]"));
        shot("posted-era");

        driver.get(base + "/claims/mine");
        waitFor(By.tagName("vaadin-grid"));
        visit("my-claims");

        driver.get(base + "/claims");
        waitForText("Submit to payer");
        visit("claim-builder");

        driver.get(base + "/billing/accounts");
        waitForText("Statement runs");
        visit("accounts");
        click(labelled("vaadin-button", "Print all statements"));
        waitFor(By.id("statement-run-pdf"));
        scrollToTop(By.xpath("//h3[contains(text(),'Statement runs')]"));
        shot("statement-run");

        driver.get(base + "/billing/ar");
        waitForText("Days in A/R");
        visit("dashboard");

        driver.get(base + "/billing/posting-exercise");
        waitFor(By.tagName("vaadin-grid"));
        visit("posting-list");

        driver.get(base + "/billing/posting-exercise/" + claimId);
        waitFor(By.cssSelector("#paid-1 input")).sendKeys("0");
        visit("posting-form");
        click(labelled("vaadin-button", "Post and score"));
        waitForText("differences from the automatic posting");
        scrollToTop(By.xpath("//h3[contains(text(),'Score')]"));
        visit("posting-score");

        driver.get(base + "/results");
        waitForText("ERA posting by hand");
        scrollToTop(By.xpath("//h3[contains(text(),'ERA posting by hand')]"));
        visit("results");

        driver.manage().deleteAllCookies();
        logIn(base, "instructor", PASSWORD);
        driver.get(base + "/teaching/posting");
        waitForText("Cohort ERA posting");
        visit("cohort-posting");
        driver.get(base + "/teaching/ar");
        waitForText("Cohort A/R");
        visit("cohort-ar");

        assertThat(problems)
                .as("billing-office pages that scroll sideways at %s px", w)
                .isEmpty();
    }

    /** Checks the page (see {@link #noSidewaysScroll}) and takes its screenshot. */
    private void visit(String page) {
        idle();
        noSidewaysScroll(page);
        shot(page);
    }

    /**
     * Records the page when it scrolls sideways: the document, the app layout's content or a scrolling box
     * ({@link #assertNoSidewaysScroll}), or a grid inside itself (its cells are wider than the grid).
     */
    private void noSidewaysScroll(String page) {
        try {
            assertNoSidewaysScroll(page);
        } catch (AssertionError e) {
            problems.add(e.getMessage().strip());
        }
        Object grids = js().executeScript("""
                const out = [];
                for (const g of document.querySelectorAll('vaadin-grid')) {
                  const t = g.shadowRoot && g.shadowRoot.querySelector('#table');
                  if (t && t.clientWidth > 0 && t.scrollWidth > t.clientWidth + 1) {
                    out.push('grid' + (g.id ? '#' + g.id : '') + ' scrolls by ' + (t.scrollWidth - t.clientWidth)
                        + ' px inside itself');
                  }
                }
                return out.join('; ');
                """);
        if (grids != null && !grids.toString().isBlank()) {
            problems.add(page + " at " + width + " px: " + grids);
        }
    }

    private WebElement labelled(String tag, String label) {
        return waitUntil(d -> d.findElements(By.tagName(tag)).stream()
                .filter(e -> e.getText().strip().startsWith(label))
                .findFirst()
                .orElse(null));
    }

    /** Scrolls the element to the top of the window (a screenshot of what follows it). */
    private void scrollToTop(By by) {
        js().executeScript("arguments[0].scrollIntoView({block: 'start'})", waitFor(by));
    }
}
