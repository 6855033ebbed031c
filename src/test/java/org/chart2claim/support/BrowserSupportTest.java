package org.chart2claim.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared browser checks can fail: the sideways-scroll check refuses a page wider than the window and passes
 * a page that fits, at desktop and phone width; a screenshot is written. No app is started (the pages are
 * {@code data:} URLs). Skipped without chromium/chromedriver.
 */
class BrowserSupportTest extends BrowserSupport {

    // As the app's pages do, the test pages declare the device width as their viewport: without it a phone lays a
    // page out 980 px wide and a 900 px page would not overflow.
    private static final String HEAD = "data:text/html,<html><head><meta name='viewport'"
            + " content='width=device-width, initial-scale=1'></head><body style='margin:0'>";
    private static final String WIDE_PAGE = HEAD + "<div style='width:900px'>wide</div></body></html>";
    private static final String NARROW_PAGE = HEAD + "<div style='width:300px'>fits</div></body></html>";

    BrowserSupportTest() {
        super("support", true);
    }

    @BeforeAll
    static void needsABrowser() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Browser.missing().isEmpty(),
                () -> "Real-browser check skipped: " + Browser.missing().orElse(""));
    }

    @Test
    void aPageWiderThanThePhoneFailsTheSidewaysScrollCheck() {
        open(390, 844);
        driver.get(WIDE_PAGE);
        assertThatThrownBy(() -> assertNoSidewaysScroll("wide page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("wide page at 390 px scrolls sideways by 510 px");
    }

    @Test
    void aBoxThatScrollsSidewaysInsideAPageThatFitsFailsToo() {
        open(390, 844);
        driver.get(HEAD + "<div class='content' style='overflow-x:auto;width:300px'><div style='width:600px'>wide"
                + "</div></div></body></html>");
        assertThatThrownBy(() -> assertNoSidewaysScroll("boxed page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("scrolls sideways inside an element")
                .hasMessageContaining("div.content by 300 px");
    }

    @Test
    void aPageWiderThanTheDesktopWindowFailsToo() {
        open(800, 600);
        driver.get(WIDE_PAGE.replace("900px", "1200px"));
        assertThatThrownBy(() -> assertNoSidewaysScroll("wide page")).isInstanceOf(AssertionError.class);
    }

    @Test
    void aPageThatFitsPassesAndIsPhotographed() throws Exception {
        open(390, 844);
        driver.get(NARROW_PAGE);
        assertNoSidewaysScroll("narrow page");
        assertThat(text(org.openqa.selenium.By.tagName("div"))).isEqualTo("fits");
        Path shot = shot("fits");
        assertThat(shot.getFileName().toString()).isEqualTo("support-390-01-fits.png");
        assertThat(Files.size(shot)).isPositive();
    }
}
