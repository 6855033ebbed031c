package org.chart2claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.chart2claim.account.Role;
import org.chart2claim.authoring.AuthoringFixtures;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.DisputeService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The instructor's authoring pages in a real browser at 1400 px and 390 px: the scenario list, the editor on a
 * duplicate (with a validation error shown next to its field) and the dispute queue with a dispute open. No page
 * scrolls sideways. Screenshots go to {@code target/browser-shots/authoring-*} (docs/authoring.md uses them).
 * Skipped where chromium or chromedriver is missing.
 */
class AuthoringBrowserTest {

    private static final String PASSWORD = "browser-demo-1";
    private static final Path SHOTS = Path.of("target", "browser-shots");

    private static StandaloneApp app;
    private static String base;
    private static long disputeId;
    private WebDriver driver;
    private String width;

    @BeforeAll
    static void startApp() throws IOException {
        Optional<String> missing = BrowserJourneyTest.Browser.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Real-browser suite skipped: " + missing.orElse(""));
        Path dataDir = Path.of("target", "browser-test-data", UUID.randomUUID().toString());
        Files.createDirectories(dataDir);
        Files.createDirectories(SHOTS);
        app = StandaloneApp.start(
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                "--chart2claim.index-dir="
                        + Path.of("target", "browser-test-index").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:mem:authoring-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--chart2claim.demo-password=" + PASSWORD,
                "--vaadin.devmode.devTools.enabled=false");
        base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
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
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
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
        driver = BrowserJourneyTest.Browser.start(w, h);
        width = String.valueOf(w);
        driver.get(base + "/login");
        waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys("instructor");
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(PASSWORD, Keys.ENTER);
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));

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

        driver.get(base + "/scenarios/disputes?dispute=" + disputeId);
        waitFor(By.id("dispute-queue"));
        waitFor(By.id("dispute-missed"));
        idle();
        assertThat(text(By.id("dispute-missed"))).startsWith("1 of 1 learners");
        shot("queue");
        assertNoSidewaysScroll("dispute queue");
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private void assertNoSidewaysScroll(String page) {
        Long overflow = (Long) js().executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow)
                .as("%s at %s px scrolls sideways by %s px", page, width, overflow)
                .isLessThanOrEqualTo(0L);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    private void idle() {
        waitUntil(d -> (Boolean) js().executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                return !!flow && Object.values(flow.clients || {}).every(c => !c.isActive || !c.isActive());
                """));
    }

    private void shot(String name) {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(
                    file.toPath(),
                    SHOTS.resolve("authoring-" + width + "-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the screenshot " + name, e);
        }
    }
}
