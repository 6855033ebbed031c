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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The student's loop in a real browser (Debian's chromium driven through chromedriver): log in, code a
 * scenario by highlighting a phrase of the note, submit, build and submit the claim, read the remittance;
 * at 1400 px and at phone width (390 px). Screenshots of every step go to {@code target/browser-shots/}.
 * Skipped, with a message, where chromium or chromedriver is not installed ({@code .ci/run} installs them).
 */
class BrowserJourneyTest extends BrowserSupport {

    private static final String PASSWORD = "browser-demo-1";
    private static final String STREP = "pc-004-strep-pharyngitis";

    private static StandaloneApp app;
    private static String base;

    BrowserJourneyTest() {
        super("journey", true);
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
    void studentLoopAt1400px() {
        journey(1400, 857);
    }

    @Test
    void studentLoopAtPhoneWidth() {
        journey(390, 844);
    }

    private void journey(int w, int h) {
        open(w, h);

        // A wrong password first: the page says so and keeps the user name.
        driver.get(base + "/login");
        waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys("student");
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("not-the-password", Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().contains("error"));
        waitUntil(d -> "student"
                .equals(d.findElement(By.cssSelector("#vaadinLoginUsername input"))
                        .getAttribute("value")));
        assertThat(body()).contains("Could not log in");
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
        // at phone width the verdict grids show one cell per row: the chips are in view, nothing scrolls sideways
        assertNoSidewaysScroll("feedback");
        assertNoGridScrollsSideways("feedback");

        click(By.id("build-claim"));
        waitUntil(d -> d.getCurrentUrl().contains("/claims"));
        WebElement submitClaim = waitFor(By.xpath("//vaadin-button[normalize-space()='Submit to payer']"));
        idle();
        shot("claim");
        assertNoSidewaysScroll("claim");
        click(submitClaim);
        waitUntil(d -> d.getCurrentUrl().contains("/claims/remittance/"));
        waitFor(By.xpath("//h2[starts-with(normalize-space(), 'Remittance advice')]"));
        idle();
        shot("remittance");
        // at phone width the remittance's grids show one cell per line: neither the page nor a grid scrolls sideways
        assertNoSidewaysScroll("remittance");
        assertNoGridScrollsSideways("remittance");
        if (width.equals("390")) {
            // no "Payer answer" toast over the remittance's last lines on a phone: its status line says it
            assertThat(driver.findElements(By.tagName("vaadin-notification-card")))
                    .as("a notification covers the remittance at %s px", width)
                    .isEmpty();
        }
        assertThat(body()).contains("87880");
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
        assertNoGridScrollsSideways("my-claims");
        if (width.equals("1400")) {
            // the Received date keeps to one line (a two-line date made every row twice as tall)
            Long dateHeight =
                    (Long) js().executeScript("const c = [...document.querySelectorAll('vaadin-grid-cell-content')]"
                            + ".find(x => /^\\d{4}-\\d{2}-\\d{2}$/.test(x.textContent.trim()));"
                            + "if (!c) { return -1; } const r = document.createRange(); r.selectNodeContents(c);"
                            + "return r.getClientRects().length;");
            assertThat(dateHeight)
                    .as("lines of the Received date at %s px", width)
                    .isEqualTo(1L);
        }

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

    /** No grid on the page scrolls sideways inside its own box either. */
    private void assertNoGridScrollsSideways(String page) {
        Long overflow = (Long) js().executeScript("""
                return Math.max(0, ...[...document.querySelectorAll('vaadin-grid')].map(g => {
                  const table = g.shadowRoot && g.shadowRoot.querySelector('#table');
                  return table ? table.scrollWidth - table.clientWidth : 0;
                }));
                """);
        assertThat(overflow)
                .as("a grid of %s at %s px scrolls sideways by %s px", page, width, overflow)
                .isLessThanOrEqualTo(0L);
    }
}
