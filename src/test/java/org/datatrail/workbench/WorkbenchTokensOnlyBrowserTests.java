package org.datatrail.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.HeadlessChromium;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workbench where anonymous access is off: nothing can be read until a token is pasted, and then the page
 * loads what it could not at start-up (the purposes and sources) and opens the organisation its URL names.
 */
@DataTrailTest(properties = "datatrail.security.anonymous=false")
class WorkbenchTokensOnlyBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void afterATokenIsAcceptedThePageLoadsTheVocabularyAndOpensTheOrganisationOfItsUrl() {
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://localhost:" + port + "/?org=lifecycle-marketing&purpose=political-campaigning");
            // as long as WorkbenchBrowserTests waits: the trace behind the page is planned on its first request, slowly
            // on 2 cores shared with another test class and a browser
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
            wait.until(b -> b.findElement(By.id("role")).getText().equals("no access"));
            assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("This server needs a token to read anything: paste one above.");
            assertThat(browser.findElement(By.id("graph-status")).getText()).isEqualTo("No trace yet.");
            assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).as("the page and its scripts load within the "
                    + "Content-Security-Policy").isEmpty();

            browser.findElement(By.id("token")).sendKeys(Testers.INVESTIGATOR_TOKEN);
            browser.findElement(By.id("use-token")).click();
            wait.until(b -> b.findElement(By.id("message")).getText().equals("Token accepted: you may record findings."));
            assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("INVESTIGATOR");

            // the organisation of the URL, traced with the purpose of the URL (both chains start with the transfer for it)
            assertThat(browser.findElement(By.id("org-name")).getText()).isEqualTo(WorkbenchBrowserTests.LCMB);
            assertThat(browser.findElement(By.id("graph-status")).getText()).isEqualTo("3 organisations, 2 transfers in 2 chains · 1 where consent ran out");
            Select purpose = new Select(browser.findElement(By.id("purpose")));
            assertThat(purpose.getFirstSelectedOption().getAttribute("value")).isEqualTo("political-campaigning");
            assertThat(values(purpose)).contains("", "political-campaigning", "data-resale");

            // the recording forms' lists
            WebElement transfer = browser.findElement(By.id("record-transfer"));
            assertThat(values(new Select(transfer.findElement(By.name("source"))))).contains("003_a492018db8ce563d", "004_bf7446b07f76cf73");
            assertThat(values(new Select(transfer.findElement(By.name("purposes"))))).contains("data-resale", "political-campaigning");
            assertThat(values(new Select(browser.findElement(By.id("record-organisation")).findElement(By.name("source")))))
                .contains("003_a492018db8ce563d");
            assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).as("the workbench, graph included, works within the app's "
                    + "Content-Security-Policy").isEmpty();
        }
        finally {
            browser.quit();
        }
    }

    private static List<String> values(Select select) {
        return select.getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }
}
