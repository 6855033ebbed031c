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
import java.util.UUID;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The student's loop in a real browser (Debian's chromium driven through chromedriver): log in, code a
 * scenario by highlighting a phrase of the note, submit, build and submit the claim, read the remittance;
 * at 1400 px and at phone width (390 px). Screenshots of every step go to {@code target/browser-shots/}.
 * Skipped, with a message, where chromium or chromedriver is not installed ({@code .ci/run} installs them).
 */
class BrowserJourneyTest {

    private static final String PASSWORD = "browser-demo-1";
    private static final String STREP = "pc-004-strep-pharyngitis";
    private static final Path SHOTS = Path.of("target", "browser-shots");

    private static StandaloneApp app;
    private static String base;
    private WebDriver driver;
    private String width;
    private int step;

    @BeforeAll
    static void startApp() throws IOException {
        Optional<String> missing = Browser.missing();
        Assumptions.assumeTrue(
                missing.isEmpty(),
                () -> "Real-browser suite skipped: " + missing.orElse("")
                        + " (install Debian's chromium and chromium-driver, or set CHROMIUM_BIN and CHROMEDRIVER)");
        Path dataDir = Path.of("target", "browser-test-data", UUID.randomUUID().toString());
        Files.createDirectories(dataDir);
        Files.createDirectories(SHOTS);
        app = StandaloneApp.start(
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                // the search index survives between runs (rebuilt only when the code books change): ~20 s less
                "--chart2claim.index-dir="
                        + Path.of("target", "browser-test-index").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:mem:browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--chart2claim.demo-password=" + PASSWORD,
                "--vaadin.devmode.devTools.enabled=false");
        base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
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
    void studentLoopAt1400px() {
        journey(1400, 857);
    }

    @Test
    void studentLoopAtPhoneWidth() {
        journey(390, 844);
    }

    private void journey(int w, int h) {
        driver = Browser.start(w, h);
        width = String.valueOf(w);

        // A wrong password first: the page says so and keeps the user name.
        driver.get(base + "/login");
        waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys("student");
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("not-the-password", Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().contains("error"));
        waitUntil(d -> "student"
                .equals(d.findElement(By.cssSelector("#vaadinLoginUsername input"))
                        .getAttribute("value")));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Could not log in");
        shot("login-failed");
        WebElement password = driver.findElement(By.cssSelector("#vaadinLoginPassword input"));
        password.sendKeys(PASSWORD, Keys.ENTER);
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));

        driver.get(base + "/practice");
        waitFor(By.tagName("vaadin-grid"));
        idle();
        shot("catalogue");
        assertNoSidewaysScroll("catalogue");

        driver.get(base + "/practice/" + STREP);
        waitFor(By.id("clinical-note"));
        idle();
        shot("workspace");
        assertNoSidewaysScroll("workspace");

        // Highlight a phrase of the note as a coder would (a selection in the note, then the mouse is let go).
        Object found = js().executeScript("""
                const phrase = arguments[0];
                const note = document.getElementById('clinical-note');
                const walker = document.createTreeWalker(note, NodeFilter.SHOW_TEXT);
                let n;
                while ((n = walker.nextNode())) {
                  const i = n.textContent.indexOf(phrase);
                  if (i >= 0) {
                    n.parentElement.scrollIntoView({block: 'center'});
                    const range = document.createRange();
                    range.setStart(n, i);
                    range.setEnd(n, i + phrase.length);
                    const sel = window.getSelection();
                    sel.removeAllRanges();
                    sel.addRange(range);
                    note.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                    return true;
                  }
                }
                return false;
                """, "Streptococcal pharyngitis");
        assertThat(found).isEqualTo(true);
        waitUntil(d -> text(By.className("code-search-status")).endsWith("codes"));
        WebElement query = driver.findElement(By.cssSelector("#code-search-query input"));
        assertThat(query.getAttribute("value")).isEqualTo("Streptococcal pharyngitis");
        waitUntil(d -> text(By.id("highlighted-notes")).contains("J02.0"));
        shot("highlighted-phrase");

        // Keyboard: Down from the search field into the results, Enter adds the highlighted result and says so.
        query.sendKeys(Keys.ARROW_DOWN);
        idle();
        assertThat(
                        (String)
                                js().executeScript(
                                                "return document.activeElement.closest('vaadin-grid')?.id || document.activeElement.tagName"))
                .isEqualTo("code-search-results");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitUntil(d -> text(By.id("last-added")).startsWith("Added J02.0"));
        assertThat(text(By.id("cart-summary"))).startsWith("1 diagnosis");

        WebElement entry = driver.findElement(By.cssSelector("#code-entry input"));
        scrollTo(entry);
        entry.sendKeys("99213", Keys.ENTER);
        waitUntil(d -> text(By.id("cart-summary")).endsWith("1 claim line"));
        entry.sendKeys("87880", Keys.ENTER);
        waitUntil(d -> text(By.id("cart-summary")).endsWith("2 claim lines"));
        js().executeScript("document.getElementById('ws-cart').scrollIntoView()");
        idle();
        shot("cart");

        click(By.id("submit-attempt"));
        waitFor(By.id("attempt-score"));
        idle();
        assertThat(text(By.id("attempt-score"))).isEqualTo("100 / 100");
        shot("feedback");

        click(By.id("build-claim"));
        waitUntil(d -> d.getCurrentUrl().contains("/claims"));
        WebElement submitClaim = waitFor(By.xpath("//vaadin-button[normalize-space()='Submit to payer']"));
        idle();
        shot("claim");
        click(submitClaim);
        waitUntil(d -> d.getCurrentUrl().contains("/claims/remittance/"));
        waitFor(By.xpath("//h2[starts-with(normalize-space(), 'Remittance advice')]"));
        idle();
        shot("remittance");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("87880");
        String claimNumber = (String)
                js().executeScript("return (document.body.innerText.match(/Payer claim (\\S+)/) || [])[1] || null");

        // My claims finds the claim again, with its remittance one click away.
        driver.get(base + "/claims/mine");
        waitFor(By.xpath("//h2[normalize-space()='My claims']"));
        waitFor(By.tagName("vaadin-grid-cell-content"));
        idle();
        shot("my-claims");
        assertThat(claimNumber).as("the remittance names the payer claim").isNotNull();
        waitUntil(d -> cellsContain(claimNumber));
        // the row's next steps are in view without scrolling the grid sideways
        assertThat((Boolean) js().executeScript("const a = [...document.querySelectorAll('vaadin-grid-cell-content a')]"
                        + ".find(x => x.textContent.trim() === 'Remittance');"
                        + "return !!a && a.getBoundingClientRect().right <= window.innerWidth;"))
                .as("the Remittance link is in view at %s px", width)
                .isTrue();
        if (width.equals("390")) {
            // the phone layout shows status and money in the claim's one cell, without scrolling the grid
            waitUntil(d -> cellsContain("billed"));
        }
        assertNoSidewaysScroll("my-claims");

        // Unknown routes and /error: the app's own pages inside the layout, never a bare browser error page.
        driver.get(base + "/no-such-page");
        waitFor(By.xpath("//h2[normalize-space()='Page not found']"));
        assertThat(driver.findElements(By.tagName("vaadin-app-layout"))).isNotEmpty();
        shot("not-found");
        driver.get(base + "/error");
        waitFor(By.xpath("//h2[normalize-space()='Something went wrong']"));
        assertThat(driver.getCurrentUrl()).endsWith("/error-page");
        assertThat(driver.findElements(By.tagName("vaadin-app-layout"))).isNotEmpty();
    }

    private boolean cellsContain(String text) {
        return (Boolean) js().executeScript(
                        "return [...document.querySelectorAll('vaadin-grid-cell-content')]"
                                + ".some(c => c.textContent.includes(arguments[0]))",
                        text);
    }

    /** The page itself never scrolls sideways (a wide grid may scroll inside its own box). */
    private void assertNoSidewaysScroll(String page) {
        Long overflow = (Long) js().executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow)
                .as("%s at %s px scrolls sideways by %s px", page, width, overflow)
                .isLessThanOrEqualTo(0L);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    /** Waits until Vaadin has no request in flight. */
    private void idle() {
        waitUntil(d -> (Boolean) js().executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                return !!flow && Object.values(flow.clients || {}).every(c => !c.isActive || !c.isActive());
                """));
    }

    private String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.getFirst().getText().strip();
    }

    private void scrollTo(WebElement element) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private void click(By by) {
        click(waitFor(by));
    }

    private void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    private void shot(String name) {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(
                    file.toPath(),
                    SHOTS.resolve(String.format("%s-%02d-%s.png", width, ++step, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the screenshot " + name, e);
        }
    }

    /** Finds and starts the system's headless Chromium. */
    static final class Browser {

        private Browser() {}

        static String chromium() {
            return firstExisting(System.getenv("CHROMIUM_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
        }

        static String chromedriver() {
            return firstExisting(
                    System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        }

        private static String firstExisting(String... candidates) {
            for (String c : candidates) {
                if (c != null && !c.isBlank() && Files.isExecutable(Path.of(c))) {
                    return c;
                }
            }
            return null;
        }

        /** What is missing to run a browser, or empty when both chromium and chromedriver are here. */
        static Optional<String> missing() {
            if (chromium() == null) {
                return Optional.of("no chromium binary found");
            }
            if (chromedriver() == null) {
                return Optional.of("no chromedriver binary found");
            }
            return Optional.empty();
        }

        static WebDriver start(int width, int height) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--lang=en-US",
                    "--window-size=" + Math.max(width, 500) + "," + height);
            if (width < 500) {
                // A desktop window is at least 500 px wide: a phone is emulated (its CSS width, touch, no window
                // chrome).
                options.setExperimentalOption(
                        "mobileEmulation",
                        java.util.Map.of(
                                "deviceMetrics",
                                java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver()))
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        }
    }
}
