package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The explorer in a real browser with no network beyond localhost: it loads, runs a trace, shows the answer, opens and
 * closes a dialog, and the Content-Security-Policy refused nothing on the way.
 */
@DataTrailTest
class GraphiqlBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void runsATraceOfflineAndShowsTheChain() {
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://localhost:" + port + "/graphiql");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(b -> !b.findElements(By.cssSelector(".graphiql-query-editor .CodeMirror")).isEmpty());
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])",
                    "query TraceFromTheTest { traceFlows(from: \"lifecycle-marketing\", maxHops: 4) { hops organisations { name } consent { covered } } }");
            // GraphiQL takes in an edit after a short debounce (the tab is then named after the operation); a click
            // before that sends the new text with the tab's previous operation name
            wait.until(b -> !b.findElements(By.xpath("//*[contains(@class, 'graphiql-tab') and contains(., 'TraceFromTheTest')]")).isEmpty());
            browser.findElement(By.cssSelector(".graphiql-execute-button")).click();

            wait.until(b -> String.valueOf(js.executeScript(
                    "return document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()")).contains("Labour Party"));
            String answer = String.valueOf(js.executeScript("return document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()"));

            assertThat(answer).contains("Lifecycle Marketing (Mother and Baby) Ltd", "Experian Marketing Services", "Labour Party",
                    "\"covered\": false");
            HeadlessChromium.screenshot(browser, "graphiql");
            assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).as("the explorer works within the app's Content-Security-Policy")
                .isEmpty();

            // a dialog locks the page's scroll while open with a style element of its own, which the policy allows by its hash
            browser.findElement(By.cssSelector("[aria-label='Open settings dialog']")).click();
            wait.until(b -> !b.findElements(By.cssSelector("[role='dialog']")).isEmpty());
            assertThat(js.executeScript("return getComputedStyle(document.body).overflow")).as("the page behind the dialog is locked").isEqualTo("hidden");
            assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).as("the dialog works within the policy").isEmpty();
            browser.findElement(By.cssSelector(".graphiql-dialog-close")).click();
            wait.until(b -> b.findElements(By.cssSelector("[role='dialog']")).isEmpty());
            assertThat(js.executeScript("return getComputedStyle(document.body).overflow")).as("unlocked when it closes").isEqualTo("visible");
        }
        finally {
            browser.quit();
        }
    }
}
