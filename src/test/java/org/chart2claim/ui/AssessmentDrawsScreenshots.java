package org.chart2claim.ui;

import java.nio.file.Path;
import java.util.UUID;
import org.chart2claim.support.Browser;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The exam builder's draws (a blueprint with domain counts, a question-tag draw and coding-scenario draws) at 1400 and
 * 390 px for docs/assessment.md (tag "bench": a documentation tool, not part of verify), with the shipped bank and
 * scenarios. Run: {@code ./mvnw test -Pbench -Dtest=AssessmentDrawsScreenshots -Dexam.shots.port=18320}
 */
@Tag("bench")
class AssessmentDrawsScreenshots {

    private static final String PASSWORD = "shots-demo-pass-1";

    @Test
    void draws(@TempDir Path dataDir) throws Exception {
        try (StandaloneApp app = StandaloneApp.startOnPort(
                Integer.getInteger("exam.shots.port", 0),
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.index-dir="
                        + Path.of("target", "browser-test-index").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:mem:draws-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--chart2claim.demo-password=" + PASSWORD,
                "--vaadin.devmode.devTools.enabled=false")) {
            String base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
            String only = System.getProperty("exam.shots.only", ""); // "390": that width alone
            if (!only.equals("390")) {
                shoot(base, 1400, 900, "assessment-draws-1400");
            }
            if (!only.equals("1400")) {
                shoot(base, 390, 844, "assessment-draws-390");
            }
        }
    }

    private static void shoot(String base, int width, int height, String name) throws Exception {
        WebDriver driver = Browser.start(width, height);
        try {
            AssessmentScreenshots.login(driver, base, "instructor");
            driver.get(base + "/assessments");
            AssessmentScreenshots.idle(driver);
            click(driver, "#exam-mode vaadin-radio-button", "Blueprint");
            type(driver, "#count-ICD_10_CM input", "4");
            type(driver, "#count-EVALUATION_MANAGEMENT input", "3");
            type(driver, "#count-HCPCS_LEVEL_II input", "2");
            draw(driver, null, "diabet", 2);
            draw(driver, "Coding scenarios of the specialty", "", 1);
            draw(driver, "Coding scenarios (any)", null, 1);
            ((JavascriptExecutor) driver)
                    .executeScript("document.getElementById('draw-kind').scrollIntoView({block: 'center'});");
            AssessmentScreenshots.idle(driver);
            AssessmentScreenshots.shot(driver, name);
        } finally {
            driver.quit();
        }
    }

    /** One "Also draw" row: the kind (null: as it is), the tag or specialty (typed, first match; null: none). */
    private static void draw(WebDriver driver, String kind, String value, int count) throws Exception {
        if (kind != null) {
            press(driver, driver.findElement(By.id("draw-kind")));
            AssessmentScreenshots.idle(driver);
            click(driver, "vaadin-select-item", kind);
        }
        if (value != null) {
            WebElement input = driver.findElement(By.cssSelector("#draw-value input"));
            input.click();
            if (value.isEmpty()) {
                input.sendKeys(Keys.ARROW_DOWN); // opens the list
            } else {
                input.sendKeys(value); // opens the list, filtered
            }
            AssessmentScreenshots.idle(driver);
            input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER); // the first choice
            AssessmentScreenshots.idle(driver);
        }
        type(driver, "#draw-count input", String.valueOf(count));
        press(driver, driver.findElement(By.id("add-draw")));
        AssessmentScreenshots.idle(driver);
    }

    /** Scrolled to the middle of the window first: on a phone the sticky header would take the click. */
    private static void press(WebDriver driver, WebElement e) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    private static void type(WebDriver driver, String css, String text) throws Exception {
        WebElement input = driver.findElement(By.cssSelector(css));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        AssessmentScreenshots.idle(driver);
    }

    private static void click(WebDriver driver, String css, String text) throws Exception {
        for (WebElement e : driver.findElements(By.cssSelector(css))) {
            if (e.getText().contains(text)) {
                press(driver, e);
                AssessmentScreenshots.idle(driver);
                return;
            }
        }
        throw new IllegalStateException("No " + css + " with '" + text + "'");
    }
}
