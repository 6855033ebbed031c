package org.chart2claim.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Finds and starts the system's headless Chromium (Debian's {@code chromium} through {@code chromium-driver};
 * {@code CHROMIUM_BIN} / {@code CHROMEDRIVER} point at other binaries).
 */
public final class Browser {

    private Browser() {}

    static String chromium() {
        return firstExisting(System.getenv("CHROMIUM_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    static String chromedriver() {
        return firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
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
    public static Optional<String> missing() {
        if (chromium() == null) {
            return Optional.of("no chromium binary found");
        }
        if (chromedriver() == null) {
            return Optional.of("no chromedriver binary found");
        }
        return Optional.empty();
    }

    /** A headless window of this CSS size; below 500 px a phone is emulated. */
    public static WebDriver start(int width, int height) {
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
            // A desktop window is at least 500 px wide: a phone is emulated (its CSS width, touch, no window chrome).
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
