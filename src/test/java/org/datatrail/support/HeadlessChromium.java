package org.datatrail.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with every host but localhost
 * unresolvable, so a page that needs anything from the internet fails the test. Skips (with a message)
 * where the browser is not installed; {@code .ci/run} installs it.
 */
public final class HeadlessChromium {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    public static WebDriver start() {
        return start(null);
    }

    /** As {@link #start()}, saving downloads (without asking) into {@code downloads} when it is given. */
    public static WebDriver start(Path downloads) {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Skipped: Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; .ci/run does this)");
        try {
            Path profile = Files.createTempDirectory("datatrail-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--window-size=1400,900", "--user-data-dir=" + profile,
                    // offline proof: nothing but the app itself can be reached
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
            // the console, so that a test can see what the Content-Security-Policy refused
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            if (downloads != null) {
                options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false, "download.directory_upgrade", true));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
            try {
                return new ChromeDriver(service, options) {
                    // the profile is only this browser's: tests must not leave files in the temporary folder
                    @Override
                    public void quit() {
                        try {
                            super.quit();
                        }
                        finally {
                            deleteRecursively(profile);
                        }
                    }
                };
            }
            catch (RuntimeException e) {
                deleteRecursively(profile);
                throw e;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the page's console reported as refused by the Content-Security-Policy (inline scripts or styles, eval,
     * other origins) since the previous call: empty when the page kept to the policy.
     */
    public static java.util.List<String> contentSecurityPolicyViolations(WebDriver browser) {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
            .map(org.openqa.selenium.logging.LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
            .toList();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the browser profile " + dir + ": " + e);
        }
    }

    /** Saves a screenshot under target/screenshots (a build artefact). */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
