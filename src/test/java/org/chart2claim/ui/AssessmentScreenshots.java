package org.chart2claim.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.AssessmentSpec;
import org.chart2claim.assessment.Composition;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ItemType;
import org.chart2claim.assessment.ReleaseMode;
import org.chart2claim.support.Browser;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screenshots of docs/assessment.md (tag "bench": a documentation tool, not part of verify): the builder, an exam
 * being taken at 1400 and 390 px, the proctor view and the gradebook, with the test question bank.
 * Run: {@code ./mvnw test -Pbench -Dtest=AssessmentScreenshots}
 */
@Tag("bench")
class AssessmentScreenshots {

    private static final String PASSWORD = "shots-demo-pass-1";
    private static final Path OUT = Path.of("docs", "images");

    @Test
    void screenshots(@TempDir Path dataDir) throws Exception {
        try (StandaloneApp app = StandaloneApp.start(
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.index-dir="
                        + Path.of("target", "browser-test-index").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:mem:shots-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--chart2claim.demo-password=" + PASSWORD,
                "--chart2claim.questions-dir="
                        + Path.of("target/test-classes/questions-sample").toAbsolutePath(),
                "--vaadin.devmode.devTools.enabled=false")) {
            String base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
            AssessmentService assessments = app.bean(AssessmentService.class);
            ExamSessionService sessions = app.bean(ExamSessionService.class);
            long cohort = app.bean(CohortService.class)
                    .findForInstructor("instructor")
                    .getFirst()
                    .getId();
            Instant now = Instant.now();
            long id = assessments.create(
                    new AssessmentSpec(
                            "Week 4 practice exam",
                            cohort,
                            60,
                            now.minusSeconds(600),
                            now.plus(Duration.ofDays(2)),
                            1,
                            true,
                            false,
                            ReleaseMode.ON_SUBMIT,
                            1,
                            0,
                            Composition.fixed(List.of(
                                    new Composition.ItemRef(ItemType.QUESTION, "icd-t01"),
                                    new Composition.ItemRef(ItemType.QUESTION, "em-t01"),
                                    new Composition.ItemRef(ItemType.QUESTION, "em-t02"),
                                    new Composition.ItemRef(ItemType.QUESTION, "hc-t01"),
                                    new Composition.ItemRef(ItemType.QUESTION, "icd-t02"),
                                    new Composition.ItemRef(ItemType.QUESTION, "co-t01")))),
                    "instructor",
                    EnumSet.of(Role.INSTRUCTOR));
            String sid = sessions.start(id, "student").session().sessionId();
            sessions.answer(sid, "student", 1, ExamSessionService.AnswerInput.choice("B"));
            sessions.answer(sid, "student", 2, ExamSessionService.AnswerInput.flag(true));
            sessions.answer(sid, "student", 4, ExamSessionService.AnswerInput.choice("B"));

            WebDriver driver = Browser.start(1400, 900);
            try {
                login(driver, base, "instructor");
                open(driver, base + "/assessments", "assessment-builder");
                open(driver, base + "/assessments/" + id, "assessment-proctor");
                open(driver, base + "/gradebook", "assessment-gradebook");
            } finally {
                driver.quit();
            }
            driver = Browser.start(1400, 900);
            try {
                login(driver, base, "student");
                driver.get(base + "/exams/session/" + sid);
                idle(driver);
                driver.findElement(By.id("nav-3")).click();
                idle(driver);
                shot(driver, "assessment-taking-1400");
            } finally {
                driver.quit();
            }
            driver = Browser.start(390, 844);
            try {
                login(driver, base, "student");
                driver.get(base + "/exams/session/" + sid);
                idle(driver);
                shot(driver, "assessment-taking-390");
            } finally {
                driver.quit();
            }
        }
    }

    static void login(WebDriver driver, String base, String user) {
        driver.get(base + "/login");
        wait(driver)
                .until(d -> !d.findElements(By.cssSelector("#vaadinLoginUsername input"))
                        .isEmpty());
        driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(user);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(PASSWORD, Keys.ENTER);
        wait(driver).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void open(WebDriver driver, String url, String name) throws Exception {
        driver.get(url);
        idle(driver);
        shot(driver, name);
    }

    static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static void idle(WebDriver driver) throws InterruptedException {
        wait(driver).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                return !!flow && Object.values(flow.clients || {}).every(c => !c.isActive || !c.isActive());
                """));
        Thread.sleep(800);
    }

    static void shot(WebDriver driver, String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), OUT.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
