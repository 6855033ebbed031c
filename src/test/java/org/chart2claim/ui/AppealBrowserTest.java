package org.chart2claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.chart2claim.appeal.ActionRequest;
import org.chart2claim.appeal.AppealService;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.BrowserSupport;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The denial desk in a real browser at 1400 px and 390 px: the worklist, the appeal letter form, a decision
 * letter and the corrected-claim action (none of which scrolls sideways), and the claim builder it opens, pre-filled
 * as a replacement. The ledger is prepared through the services (a downcode, a bundling
 * denial, a timely-filing denial and two drills, one appealed and decided); screenshots go to
 * {@code target/browser-shots/appeal-*} (docs/appeal.md shows them). Skipped without chromium/chromedriver.
 */
class AppealBrowserTest extends BrowserSupport {
    private static final String PASSWORD = "browser-demo-1";
    private static final String LEDGER = "practice";

    private static StandaloneApp app;
    private static String base;
    private static long openDrillItem;
    private static long decidedItem;
    private static long bundledItem;
    private static long otherPayerItem;

    @BeforeAll
    static void startAppAndPrepareTheLedger() throws IOException {
        app = startApp(PASSWORD);
        base = baseUrl(app);

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
        // George Whitfield's visit sent to Medicare although his employer's PPO pays first (CO-22): billed there,
        // then to Medicare as secondary with the PPO's payment
        String cob = LEDGER + "-cob";
        billing.submitBuilt(
                "student",
                cob,
                // a recent visit: it is received today, inside the PPO's filing limit
                org.chart2claim.payer.PayerFixtures.whitfieldAtMedicare(
                                java.time.LocalDate.now().minusDays(20))
                        .build(),
                null);
        otherPayerItem = appeals.worklist("student", cob).stream()
                .filter(i -> i.row().label().equals("CO-22"))
                .findFirst()
                .orElseThrow()
                .id();
        appeals.act("student", otherPayerItem, new ActionRequest("BILL_OTHER_PAYER", null, null, null, null, null));
    }

    AppealBrowserTest() {
        super("appeal", true);
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
        open(w, h);
        logIn(base, "student", PASSWORD);

        driver.get(base + "/appeals?ledger=" + LEDGER);
        waitForText("work items in ledger");
        assertThat(body()).contains("Denials").contains("Practice date");
        assertNoSidewaysScroll("worklist");
        shot("worklist");

        driver.get(base + "/appeals/item/" + openDrillItem);
        waitForText("Work it");
        click(labelled("vaadin-radio-button", "Appeal"));
        waitFor(By.cssSelector("#letter-reason input")).sendKeys("Appeal of the CO-15 denial of line 1 (64483)");
        driver.findElement(By.cssSelector("#letter-argument textarea"))
                .sendKeys("Authorization PA-26-0210451 was approved for this member and 64483 before the injection.");
        click(driver.findElement(
                By.xpath("//vaadin-checkbox[.//label[contains(text(),'Prior-authorization approval letter')]]")));
        driver.findElement(By.cssSelector("#letter-outcome input")).sendKeys("Reprocess line 1 and pay it.");
        js().executeScript("document.getElementById('letter-form').scrollIntoView({block: 'start'})");
        assertNoSidewaysScroll("letter form");
        shot("letter-form");

        driver.get(base + "/appeals/item/" + decidedItem);
        waitForText("Decision: overturned");
        js().executeScript("document.querySelector('.decision-letter').scrollIntoView({block: 'start'})");
        assertNoSidewaysScroll("decision letter");
        shot("decision-letter");

        // billed to another payer: the item links the remittance of the claim billed there
        driver.get(base + "/appeals/item/" + otherPayerItem);
        waitFor(By.id("other-payer-remittance"));
        idle();
        assertThat(body()).contains("billed to another payer");
        assertNoSidewaysScroll("item billed to another payer");
        shot("bill-other-payer");

        // a corrected claim is made in the claim builder, opened from the item pre-filled as a replacement
        driver.get(base + "/appeals/item/" + bundledItem);
        waitForText("Work it");
        click(labelled("vaadin-radio-button", "Corrected claim"));
        WebElement openBuilder = waitFor(By.id("open-claim-builder"));
        scrollTo(openBuilder);
        assertNoSidewaysScroll("corrected-claim action");
        shot("corrected-claim-action");
        click(openBuilder);
        waitUntil(d -> d.getCurrentUrl().contains("/claims?correct=") ? Boolean.TRUE : null);
        waitForText("Claim builder");
        assertThat((String) js().executeScript("return Array.from(document.querySelectorAll('vaadin-text-field'))"
                        + ".map(f => f.value).join(' ')"))
                .as("box 22 carries the payer claim number")
                .contains("SIM");
        js().executeScript("Array.from(document.querySelectorAll('vaadin-select'))"
                + ".filter(s => s.label === '22 Resubmission code')"
                + ".forEach(s => s.scrollIntoView({block: 'center'}))");
        shot("corrected-claim-builder");
    }

    /** The first element of this tag whose visible text is (or starts with) {@code label}. */
    private WebElement labelled(String tag, String label) {
        return waitUntil(d -> d.findElements(By.tagName(tag)).stream()
                .filter(e -> e.getText().strip().startsWith(label))
                .findFirst()
                .orElse(null));
    }
}
