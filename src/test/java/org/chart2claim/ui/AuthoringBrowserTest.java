package org.chart2claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import org.chart2claim.account.Role;
import org.chart2claim.authoring.AuthoringFixtures;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.DisputeService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.BrowserSupport;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The instructor's authoring pages in a real browser at 1400 px and 390 px: the scenario list, the editor on a
 * duplicate (with a validation error shown next to its field) and the dispute queue with a dispute open. No page
 * scrolls sideways. Screenshots go to {@code target/browser-shots/authoring-*} (docs/authoring.md uses them).
 * Skipped where chromium or chromedriver is missing.
 */
class AuthoringBrowserTest extends BrowserSupport {

    private static final String PASSWORD = "browser-demo-1";

    private static StandaloneApp app;
    private static String base;
    private static long disputeId;

    AuthoringBrowserTest() {
        super("authoring", true);
    }

    @BeforeAll
    static void startApp() throws IOException {
        app = startApp(PASSWORD);
        base = baseUrl(app);
        // A published scenario with a wrong E/M level, a student's attempt and their dispute of it.
        String id = "em-level-dispute-demo";
        app.bean(AuthoringService.class)
                .publish(
                        AuthoringFixtures.strepWithWrongLevel(id),
                        null,
                        "instructor",
                        Set.of(Role.INSTRUCTOR),
                        null,
                        null);
        CodingAnswer right = CodingAnswer.fromKey(app.bean(ScenarioLibrary.class)
                .find(AuthoringFixtures.BASE)
                .orElseThrow()
                .key());
        long attempt =
                app.bean(AttemptService.class).submit("student", id, right).id();
        disputeId = app.bean(DisputeService.class)
                .open(
                        attempt,
                        "line:1:code",
                        "One acute uncomplicated illness with prescription drug management is low MDM: 99213, not"
                                + " 99214 (problems low, data minimal, risk moderate; two of three decide).",
                        "CPT E/M guidelines, MDM table",
                        "student")
                .id();
        // A second version with the corrected level, so the editor lists two versions (the attempt on the first).
        app.bean(AuthoringService.class)
                .publish(
                        AuthoringFixtures.strep(id),
                        id,
                        "instructor",
                        Set.of(Role.INSTRUCTOR),
                        null,
                        "E/M level corrected to 99213 (low MDM)");
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void authoringPagesAt1400px() {
        pages(1400, 900);
    }

    @Test
    void authoringPagesAtPhoneWidth() {
        pages(390, 844);
    }

    private void pages(int w, int h) {
        open(w, h);
        logIn(base, "instructor", PASSWORD);

        driver.get(base + "/scenarios");
        waitFor(By.id("scenario-list"));
        waitFor(By.tagName("vaadin-grid-cell-content"));
        idle();
        shot("list");
        assertNoSidewaysScroll("scenario list");

        driver.get(base + "/scenarios/edit?from=" + AuthoringFixtures.BASE);
        WebElement npi = waitFor(By.cssSelector("#field-renderingProvider\\.npi input"));
        idle();
        npi.clear();
        npi.sendKeys("1234567890", Keys.TAB);
        waitFor(By.cssSelector("vaadin-text-field[invalid]#field-renderingProvider\\.npi"));
        assertThat((String) js().executeScript("return document.getElementById('editor-state').textContent"))
                .startsWith("1 problem");
        js().executeScript("document.getElementById('field-renderingProvider.npi').scrollIntoView({block:'center'})");
        idle();
        shot("editor-error");
        assertNoSidewaysScroll("editor");
        js().executeScript("window.scrollTo(0, 0); document.getElementById('editor-note').scrollIntoView()");
        idle();
        shot("editor-note");
        js().executeScript("document.getElementById('editor-rationales').scrollIntoView()");
        idle();
        shot("editor-key");

        // Optional codes and an alternative form of the claim lines (pe-003 accepts two).
        driver.get(base + "/scenarios/edit?from=pe-003-asthma-nebulizer");
        waitFor(By.cssSelector("#field-key\\.alternatives\\[1\\]\\.procedures\\[2\\]\\.units"));
        idle();
        js().executeScript("document.getElementById('field-key.optionalCodes').scrollIntoView({block:'start'})");
        idle();
        shot("alternatives");
        assertNoSidewaysScroll("editor alternatives");

        // The version list of the disputed scenario, with the changes from version 1 to 2.
        driver.get(base + "/scenarios/edit?id=em-level-dispute-demo");
        waitFor(By.id("version-2"));
        idle();
        assertThat(text(By.id("version-1"))).contains("1 attempt");
        click(By.id("diff-version-2"));
        waitFor(By.cssSelector(".c2c-diff-added"));
        idle();
        js().executeScript("document.getElementById('editor-versions').scrollIntoView({block:'start'})");
        idle();
        shot("versions");
        assertNoSidewaysScroll("version list");

        driver.get(base + "/scenarios/disputes?dispute=" + disputeId);
        waitFor(By.id("dispute-queue"));
        waitFor(By.id("dispute-missed"));
        idle();
        assertThat(text(By.id("dispute-missed"))).startsWith("1 of 1 learners");
        shot("queue");
        assertNoSidewaysScroll("dispute queue");
    }
}
