package org.chart2claim.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.AssessmentSpec;
import org.chart2claim.assessment.Composition;
import org.chart2claim.assessment.ItemType;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.assessment.QuestionForm;
import org.chart2claim.assessment.ReleaseMode;
import org.chart2claim.support.Browser;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * The question bank and exam composition screenshots of docs/assessment.md (tag "bench": a documentation tool, not
 * part of verify): the bank with a question open (form, preview, versions) at 1400 and 390 px, the builder's draws,
 * the proctor's accommodations. Port 18300 (QBANK's range). Run:
 * {@code ./mvnw test -Pbench -Dtest=QuestionBankScreenshots}
 */
@Tag("bench")
class QuestionBankScreenshots {

    private static final String PASSWORD = "shots-demo-pass-1"; // AssessmentScreenshots logs in with it

    @Test
    void screenshots(@TempDir Path dataDir) throws Exception {
        try (StandaloneApp app = StandaloneApp.startOnPort(
                18300,
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.index-dir="
                        + Path.of("target", "browser-test-index").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:mem:qshots-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--chart2claim.demo-password=" + PASSWORD,
                "--chart2claim.questions-dir="
                        + Path.of("target/test-classes/questions-sample").toAbsolutePath(),
                "--vaadin.devmode.devTools.enabled=false")) {
            String base = "http://localhost:18300";
            QuestionBank bank = app.bean(QuestionBank.class);
            QuestionForm v1 = new QuestionForm(
                    "ra-001",
                    QuestionDomain.RADIOLOGY,
                    2,
                    "contrast, ct",
                    "A CT of the head is done without contrast, then contrast is given and more images are taken."
                            + " Which describes the study for coding?",
                    Map.of(
                            "A", "Without contrast",
                            "B", "With contrast",
                            "C", "Without contrast, followed by contrast",
                            "D", "Two separate studies"),
                    "C",
                    "Images before and after contrast in one session are one 'without, then with' study.",
                    null,
                    null,
                    null);
            bank.publish(v1, null, "instructor", null);
            bank.publish(
                    new QuestionForm(
                            v1.id(),
                            v1.domain(),
                            v1.difficulty(),
                            v1.tags(),
                            v1.stem().replace("A CT", "A non-urgent CT"),
                            v1.options(),
                            v1.key(),
                            v1.rationale(),
                            null,
                            null,
                            null),
                    v1.id(),
                    "instructor",
                    "clearer stem");
            long cohort = app.bean(CohortService.class)
                    .findForInstructor("instructor")
                    .getFirst()
                    .getId();
            Instant now = Instant.now();
            long exam = app.bean(AssessmentService.class)
                    .create(
                            new AssessmentSpec(
                                    "Week 5 quiz",
                                    cohort,
                                    60,
                                    now.minusSeconds(600),
                                    now.plus(Duration.ofDays(2)),
                                    1,
                                    false,
                                    true,
                                    ReleaseMode.ON_CLOSE,
                                    1,
                                    0,
                                    Composition.fixed(List.of(new Composition.ItemRef(ItemType.QUESTION, "ra-001")))),
                            "instructor",
                            EnumSet.of(Role.INSTRUCTOR));
            app.bean(AssessmentService.class)
                    .accommodate(
                            exam,
                            "instructor",
                            EnumSet.of(Role.INSTRUCTOR),
                            "student",
                            50,
                            null,
                            now.plus(Duration.ofDays(3)),
                            1);

            WebDriver driver = Browser.start(1400, 1000);
            try {
                openQuestion(driver, base);
                ((JavascriptExecutor) driver).executeScript("document.getElementById('questions').scrollIntoView();");
                AssessmentScreenshots.idle(driver);
                AssessmentScreenshots.shot(driver, "assessment-question-bank-1400");
                driver.get(base + "/assessments");
                AssessmentScreenshots.idle(driver);
                driver.findElement(By.cssSelector("#exam-mode vaadin-radio-button:nth-of-type(2)"))
                        .click();
                AssessmentScreenshots.idle(driver);
                driver.findElement(By.cssSelector("#draw-value input")).sendKeys("diabetes", Keys.ENTER);
                AssessmentScreenshots.idle(driver);
                ((JavascriptExecutor) driver)
                        .executeScript("arguments[0].click();", driver.findElement(By.id("add-draw")));
                AssessmentScreenshots.idle(driver);
                ((JavascriptExecutor) driver)
                        .executeScript("document.getElementById('blueprint-draws').scrollIntoView({block:'center'});");
                AssessmentScreenshots.idle(driver);
                AssessmentScreenshots.shot(driver, "assessment-builder-draws");
                driver.get(base + "/assessments/" + exam);
                AssessmentScreenshots.idle(driver);
                ((JavascriptExecutor) driver)
                        .executeScript("document.getElementById('accommodations').scrollIntoView({block:'center'});");
                AssessmentScreenshots.idle(driver);
                AssessmentScreenshots.shot(driver, "assessment-accommodations");
            } finally {
                driver.quit();
            }
            driver = Browser.start(390, 844);
            try {
                openQuestion(driver, base);
                ((JavascriptExecutor) driver)
                        .executeScript("document.getElementById('question-form-title').scrollIntoView();");
                AssessmentScreenshots.idle(driver);
                AssessmentScreenshots.shot(driver, "assessment-question-bank-390");
            } finally {
                driver.quit();
            }
        }
    }

    /** Logs the instructor in and opens ra-001 in the question bank. */
    private static void openQuestion(WebDriver driver, String base) throws InterruptedException {
        AssessmentScreenshots.login(driver, base, "instructor");
        driver.get(base + "/questions");
        AssessmentScreenshots.idle(driver);
        // the filter leaves one row: the question the screenshots open
        driver.findElement(By.cssSelector("#filter-search input")).sendKeys("ra-001", Keys.ENTER);
        AssessmentScreenshots.idle(driver);
        driver.findElement(By.xpath("//vaadin-grid-cell-content[text()='ra-001']"))
                .click();
        AssessmentScreenshots.idle(driver);
    }
}
