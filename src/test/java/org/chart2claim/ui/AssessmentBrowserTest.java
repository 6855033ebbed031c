package org.chart2claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.chart2claim.support.BrowserSupport;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The exam flows in a real browser at 1400 px and 390 px: the instructor builds a blueprint exam in the builder
 * (with the domain counts and the draws) and opens its proctor view, the question bank with its bank files; the
 * student starts the exam from My exams, answers, flags, moves on and submits; the instructor's gradebook shows it,
 * the instructor releases the results and the student reads them.
 * No page scrolls sideways, neither the document nor a box inside it. Screenshots go to
 * {@code target/browser-shots/assessment-*}. Skipped where chromium or chromedriver is missing.
 */
class AssessmentBrowserTest extends BrowserSupport {

    private static final String PASSWORD = "browser-demo-1";

    private static StandaloneApp app;
    private static String base;

    AssessmentBrowserTest() {
        super("assessment", true);
    }

    @BeforeAll
    static void startApp() throws IOException {
        app = startApp(PASSWORD);
        base = baseUrl(app);
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void examPagesAt1400px() {
        pages(1400, 900);
    }

    @Test
    void examPagesAtPhoneWidth() {
        pages(390, 844);
    }

    private void pages(int w, int h) {
        open(w, h);
        logIn(base, "instructor", PASSWORD);

        driver.get(base + "/assessments");
        waitFor(By.id("exam-builder"));
        idle();
        for (WebElement radio : driver.findElements(By.cssSelector("#exam-mode vaadin-radio-button"))) {
            if (radio.getText().contains("Blueprint")) {
                click(radio);
            }
        }
        waitFor(By.id("blueprint-draws"));
        idle();
        shot("builder");
        // the window's date and time fields sit within the screen at 390 px too (they used to push it by 20 px)
        assertNoSidewaysScroll("exam builder");

        // the instructor builds a blueprint exam of three ICD-10-CM questions for the demo cohort and proctors it
        String title = "Browser exam " + w;
        type(waitFor(By.cssSelector("#exam-title input")), title);
        type(waitFor(By.cssSelector("#count-ICD_10_CM input")), "3");
        click(By.id("create-exam"));
        idle();
        assertThat(text(By.id("builder-errors"))).as("the builder's errors").isEmpty();
        waitForCell("assessments", title);
        long id = driver.findElements(By.cssSelector("vaadin-button[id^=proctor-]")).stream()
                .mapToLong(b -> Long.parseLong(b.getAttribute("id").substring("proctor-".length())))
                .max()
                .orElseThrow();
        click(By.id("proctor-" + id));
        waitFor(By.id("accommodation-opens"));
        idle();
        shot("proctor");
        assertNoSidewaysScroll("proctor view");

        driver.get(base + "/questions");
        waitFor(By.tagName("vaadin-grid-cell-content"));
        idle();
        shot("question-bank");
        assertNoSidewaysScroll("question bank");
        WebElement files = waitFor(By.id("question-files"));
        js().executeScript("arguments[0].opened = true; arguments[0].scrollIntoView({block: 'start'})", files);
        waitFor(By.id("download-all"));
        idle();
        shot("question-files");
        assertNoSidewaysScroll("question bank files");

        driver.quit();
        open(w, h);
        logIn(base, "student", PASSWORD);
        driver.get(base + "/exams");
        waitFor(By.id("my-exams"));
        idle();
        shot("my-exams");
        assertNoSidewaysScroll("my exams");

        // the Start button is on the screen, not in a grid column scrolled out of sight (at 390 px it used to be)
        WebElement start = waitFor(By.id("start-" + id));
        assertThat((Boolean) js().executeScript(
                                "const r = arguments[0].getBoundingClientRect();"
                                        + " return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;",
                                start))
                .as("the Start button at %s px lies within the window", width)
                .isTrue();

        // the student takes it: answers, flags, moves on, answers, submits
        click(start);
        waitFor(By.cssSelector("#item-choices vaadin-radio-button"));
        idle();
        String session = driver.getCurrentUrl().replaceAll(".*/exams/session/", "");
        shot("exam");
        assertNoSidewaysScroll("exam");
        click(driver.findElements(By.cssSelector("#item-choices vaadin-radio-button"))
                .getFirst());
        idle();
        click(By.id("flag-item"));
        idle();
        click(By.id("next-item"));
        waitUntil(d -> heading().startsWith("Item 2"));
        click(driver.findElements(By.cssSelector("#item-choices vaadin-radio-button"))
                .get(1));
        idle();
        assertThat(text(By.id("exam-navigator"))).contains("1", "2", "3");
        click(By.id("submit-exam"));
        waitFor(By.cssSelector("vaadin-confirm-dialog[opened]"));
        idle();
        shot("submit-confirm");
        assertThat(body()).contains("1 item(s) are unanswered.", "1 flagged for review.");
        js().executeScript("document.querySelector('vaadin-confirm-dialog vaadin-button[slot=\"confirm-button\"]')"
                + ".click()");
        waitFor(By.id("exam-submitted"));
        idle();
        shot("submitted");
        assertNoSidewaysScroll("submitted exam");

        driver.quit();
        open(w, h);
        logIn(base, "instructor", PASSWORD);
        driver.get(base + "/gradebook");
        idle();
        // the new exam is a column of the cohort's gradebook (perhaps scrolled out of sight inside the grid)
        waitUntil(d -> (Boolean) js().executeScript(
                        "return [...document.querySelectorAll('#gradebook vaadin-grid-cell-content')]"
                                + ".some(c => c.textContent.includes(arguments[0]))",
                        title));
        shot("gradebook");
        assertNoSidewaysScroll("gradebook");

        // the instructor releases the results by hand; the student reads them: score, domains, every item with its key
        driver.get(base + "/assessments/" + id);
        click(By.id("release-results"));
        idle();
        driver.quit();
        open(w, h);
        logIn(base, "student", PASSWORD);
        driver.get(base + "/exams/session/" + session + "/results");
        waitFor(By.id("result-score"));
        waitFor(By.id("result-item-3"));
        idle();
        shot("results");
        assertThat(body()).contains("← key");
        assertNoSidewaysScroll("exam results");
    }

    /** The exam item's heading ("Item 2 of 3"); empty while the item is being replaced. */
    private String heading() {
        try {
            return text(By.id("item-heading"));
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    /** Waits until a cell of the grid {@code gridId} holds {@code text} (in sight or scrolled away inside the grid). */
    private void waitForCell(String gridId, String text) {
        waitUntil(d -> (Boolean) js().executeScript(
                        "return [...document.querySelectorAll('#' + arguments[0] + ' vaadin-grid-cell-content')]"
                                + ".some(c => c.textContent.includes(arguments[1]))",
                        gridId,
                        text));
    }

    /** Replaces the text of an input and commits it (Tab), as a user does. */
    private void type(WebElement input, String text) {
        scrollTo(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }
}
