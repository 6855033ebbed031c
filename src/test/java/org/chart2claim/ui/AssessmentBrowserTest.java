package org.chart2claim.ui;

import java.io.IOException;
import org.chart2claim.support.BrowserSupport;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The exam pages in a real browser at 1400 px and 390 px: the instructor's assessment list and builder (in
 * blueprint mode, with the domain counts and the draws), the question bank and the gradebook, and the student's
 * exam list. No page scrolls sideways, neither the document nor a box inside it. Screenshots go to
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
        assertNoSidewaysScroll("exam builder");

        driver.get(base + "/questions");
        waitFor(By.tagName("vaadin-grid-cell-content"));
        idle();
        shot("question-bank");
        assertNoSidewaysScroll("question bank");

        driver.get(base + "/gradebook");
        idle();
        shot("gradebook");
        assertNoSidewaysScroll("gradebook");

        driver.quit();
        open(w, h);
        logIn(base, "student", PASSWORD);
        driver.get(base + "/exams");
        idle();
        shot("my-exams");
        assertNoSidewaysScroll("my exams");
    }
}
