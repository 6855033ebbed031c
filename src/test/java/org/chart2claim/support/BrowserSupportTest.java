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

    private static final String WIDE_PAGE =
            "data:text/html,<html><body style='margin:0'><div style='width:900px'>wide</div></body></html>";
    private static final String NARROW_PAGE =
            "data:text/html,<html><body style='margin:0'><div style='max-width:100%'>fits</div></body></html>";

    BrowserSupportTest() {
        super("support");
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
