package org.datatrail.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.datatrail.ingest.BulkImport;
import org.datatrail.ingest.FactFile;
import org.datatrail.ingest.FactIngest;
import org.datatrail.ingest.FactValidationException;
import org.datatrail.ingest.Problem;
import org.datatrail.ingest.Quotes;
import org.datatrail.security.Caller;
import org.datatrail.support.DataTrailTest;
import org.datatrail.support.TestDatabase;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import tools.jackson.databind.json.JsonMapper;

/**
 * Documents attached to sources, on the seed case's database: uploads of each kind and the text they are stored as,
 * quotes checked on every write path against a source's document, the re-check when a document is attached, who may
 * read a document's text, and the uploads refused. Each test records sources of its own, so the order does not matter.
 */
@DataTrailTest(writes = true, properties = "datatrail.documents.max-size=64KB")
class DocumentIntegrationTests {

    /** A document the quote tests cite: a typographic apostrophe and quotes, a no-break space, two sentences. */
    static final String ARTICLE = "Firm fined.\n\nThe Information Commissioner’s Office has fined “baby club” Emma’s Diary\u00a0£140,000. "
            + "It was they who sold it on to the party.";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    FactIngest ingest;

    @Autowired
    BulkImport bulkImport;

    @Autowired
    DocumentAttach documents;

    HttpGraphQlTester investigator;
    WebTestClient web;

    @BeforeEach
    void clients() {
        investigator = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
            .defaultHeader("Authorization", "Bearer " + Testers.INVESTIGATOR_TOKEN).build();
    }

    @Test
    void plainTextHtmlAndPdfAreAttachedAndStoredAsTheirText() {
        recordSource("doc-plain", false);
        recordSource("doc-html", false);
        recordSource("doc-pdf", false);
        byte[] plain = "Emma’s Diary sold data.\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<html><body><h1>Fined</h1><p>Emma&rsquo;s Diary <i>sold</i> data.</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = Pdfs.of("Emma's Diary sold data.", "To Experian.");

        upload("doc-plain", "text/plain; charset=UTF-8", plain).expectStatus().isCreated().expectBody().json("""
                {"source":"doc-plain","sha256":"%s","characters":23,"quotesChecked":0,"quotesNotFound":[]}""".formatted(DocumentAttach.sha256(plain)),
                org.springframework.test.json.JsonCompareMode.STRICT);
        upload("doc-html", "text/html", html).expectStatus().isCreated().expectBody().jsonPath("$.characters").isEqualTo(30);
        MultipartBodyBuilder multipart = new MultipartBodyBuilder();
        multipart.part("file", pdf).filename("notice.pdf").contentType(MediaType.APPLICATION_PDF);
        web.post().uri("/sources/doc-pdf/document").contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(multipart.build()))
            .exchange().expectStatus().isCreated().expectBody().jsonPath("$.sha256").isEqualTo(DocumentAttach.sha256(pdf));

        var answer = investigator.documentName("documents").operationName("sourceDocuments").execute();
        assertThat(answer.path("sources[?(@.id == 'doc-plain')].document.text").entityList(String.class).get())
            .containsExactly("Emma’s Diary sold data.");
        assertThat(answer.path("sources[?(@.id == 'doc-html')].document.text").entityList(String.class).get())
            .containsExactly("Fined\n\nEmma’s Diary sold data.");
        assertThat(answer.path("sources[?(@.id == 'doc-pdf')].document.text").entityList(String.class).get())
            .containsExactly("Emma's Diary sold data.\nTo Experian.");
        assertThat(answer.path("sources[?(@.id == 'doc-pdf')].document.mediaType").entityList(String.class).get()).containsExactly("application/pdf");
        assertThat(answer.path("sources[?(@.id == 'doc-html')].document.characters").entityList(Integer.class).get()).containsExactly(30);
        assertThat(rows("MATCH (:Source {id: 'doc-pdf'})-[:HAS_DOCUMENT]->(d:Document) RETURN d.bytes AS bytes, d.fileName AS name"))
            .singleElement().satisfies(r -> {
                assertThat((byte[]) r.get("bytes")).isEqualTo(pdf);
                assertThat(r.get("name")).isEqualTo("notice.pdf");
            });
        investigator.document("{ sources { id document { text(start: 7, length: 5) } } }").execute()
            .path("sources[?(@.id == 'doc-plain')].document.text").entityList(String.class).containsExactly("Diary");
    }

    @Test
    void theSameBytesAgainChangeNothing() {
        recordSource("doc-twice", false);
        byte[] text = ARTICLE.getBytes(StandardCharsets.UTF_8);
        upload("doc-twice", "text/plain", text).expectStatus().isCreated();
        var before = TestDatabase.snapshot(driver);

        upload("doc-twice", "text/plain", text).expectStatus().isOk().expectBody().json("""
                {"source":"doc-twice","sha256":"%s","characters":%d,"quotesChecked":0,"quotesNotFound":[]}"""
            .formatted(DocumentAttach.sha256(text), ARTICLE.length()), org.springframework.test.json.JsonCompareMode.STRICT);

        assertThat(TestDatabase.snapshot(driver)).isEqualTo(before);
    }

    @Test
    void aFabricatedQuoteIsRefusedByEveryWritePathWithTheClosestPassageSuggested(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        recordSource("doc-fab", false);
        upload("doc-fab", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();
        String quote = "Emma's Diary was fined £1m by the Information Commissioner";
        String refusal = "the quote \"" + quote + "\" of organisation '%s' is not in the document attached to source 'doc-fab' (typographic quotes "
                + "and whitespace aside); did you mean: \"The Information Commissioner’s Office has fined “baby club” Emma’s Diary\u00a0£140,000.\"?";
        var before = TestDatabase.snapshot(driver);

        investigator.documentName("recordOrganisation").variable("input", organisation("fab-mutation", "doc-fab", quote)).execute().errors()
            .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("Refused, nothing was written: input.evidence[0].quote: " + refusal.formatted("fab-mutation"))));

        var json = JsonMapper.builder().build();
        assertThatThrownBy(() -> ingest.ingest(List.of(FactFile.of("facts.json",
                json.valueToTree(Map.of("organisations", List.of(organisation("fab-file", "doc-fab", quote)))))), Caller.system("test")))
            .isInstanceOfSatisfying(FactValidationException.class, e -> assertThat(e.problems())
                .containsExactly(new Problem("facts.json", "organisations[0].evidence[0].quote", "fab-file", refusal.formatted("fab-file"))));

        Files.writeString(folder.resolve("organisations.jsonl"), json.writeValueAsString(organisation("fab-bulk", "doc-fab", quote)) + "\n");
        assertThatThrownBy(() -> bulkImport.load(folder, 100, null)).isInstanceOfSatisfying(FactValidationException.class,
                e -> assertThat(e.problems()).extracting(Problem::toString)
                    .containsExactly("organisations.jsonl:1: evidence[0].quote (id 'fab-bulk'): " + refusal.formatted("fab-bulk")));

        assertThat(TestDatabase.snapshot(driver)).isEqualTo(before);
    }

    @Test
    void aTrueQuoteIsAcceptedWithItsOffsetsAndContextEvenWithPlainApostrophesForTypographicOnes() {
        recordSource("doc-true", false);
        upload("doc-true", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();

        investigator.documentName("recordOrganisation")
            .variable("input", organisation("true-org", "doc-true", "Commissioner's Office has fined \"baby club\" Emma's Diary £140,000"))
            .execute().errors().verify();

        var evidence = investigator.documentName("documents").operationName("organisationQuotes").variable("id", "true-org").execute()
            .path("organisation.evidence[0]").entity(Map.class).get();
        assertThat(evidence).containsEntry("start", 29).containsEntry("end", 94).containsEntry("check", "FOUND").containsEntry("context",
                "The Information Commissioner’s Office has fined “baby club” Emma’s Diary\u00a0£140,000.");
        assertThat(ARTICLE.substring(29, 94)).isEqualTo("Commissioner’s Office has fined “baby club” Emma’s Diary\u00a0£140,000");
    }

    @Test
    void attachingADocumentReChecksEveryQuoteCitingItAndReportsExactlyThoseNotFound() {
        recordSource("doc-later", false);
        investigator.documentName("recordOrganisation").variable("input", organisation("later-true", "doc-later", "sold it on to the party"))
            .execute().errors().verify();
        investigator.documentName("recordOrganisation").variable("input", organisation("later-false", "doc-later", "Labour bought the list"))
            .execute().errors().verify();
        assertThat(checks("later-true")).isEqualTo(Map.of("check", "UNCHECKED", "start", "null", "context", "null"));

        upload("doc-later", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated().expectBody().json("""
                {"source":"doc-later","sha256":"%s","characters":%d,"quotesChecked":2,
                 "quotesNotFound":[{"fact":"later-false","quote":"Labour bought the list"}]}"""
            .formatted(DocumentAttach.sha256(ARTICLE.getBytes(StandardCharsets.UTF_8)), ARTICLE.length()),
                org.springframework.test.json.JsonCompareMode.STRICT);

        assertThat(checks("later-true")).isEqualTo(Map.of("check", "FOUND", "start", "112", "context", "It was they who sold it on to the party."));
        assertThat(checks("later-false")).isEqualTo(Map.of("check", "NOT_FOUND", "start", "null", "context", "null"));
        web.get().uri("/reports/evidence-coverage?findings=quote not found&format=json").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.rows[*].id").isEqualTo(List.of("later-false"))
            .jsonPath("$.rows[0].quote").isEqualTo("Labour bought the list")
            .jsonPath("$.rows[0].source").isEqualTo("doc-later");
        assertThat(rows("MATCH (a:AuditEntry {operation: 'attach document to source doc-later'}) RETURN a.role AS role, a.tokenLabel AS label, "
                + "a.recordIds AS ids, a.input AS input")).singleElement().satisfies(r -> {
                    assertThat(r).containsEntry("role", "INVESTIGATOR").containsEntry("label", "alice").containsEntry("ids", List.of("doc-later"));
                    assertThat((String) r.get("input")).contains("\"quotesChecked\":2",
                            "\"quotesNotFound\":[{\"fact\":\"later-false\",\"quote\":\"Labour bought the list\"}]", "\"replaced\":null");
                });
    }

    /** A leaked memo: not public. */
    static final String SECRET = "Leaked memo: the Information Commissioner’s Office says Emma’s Diary sold it on to Experian.";

    @Test
    void journalistsReadQuotesAndContextButTheWholeTextOfPublicSourcesOnly() {
        recordSource("doc-secret", false);
        recordSource("doc-open", true);
        upload("doc-secret", "text/plain", SECRET.getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();
        upload("doc-open", "text/plain", "An open letter.".getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();
        investigator.documentName("recordOrganisation").variable("input", organisation("secret-org", "doc-secret", "sold it on")).execute().errors()
            .verify();
        HttpGraphQlTester journalist = Testers.graphQl(port);

        var sources = journalist.documentName("documents").operationName("sourceDocuments").execute();
        sources.path("sources[?(@.id == 'doc-secret')].document.text").entityList(Object.class).containsExactly((Object) null);
        sources.path("sources[?(@.id == 'doc-secret')].document.characters").entityList(Integer.class).containsExactly(SECRET.length());
        sources.path("sources[?(@.id == 'doc-secret')].public").entityList(Boolean.class).containsExactly(false);
        sources.path("sources[?(@.id == 'doc-open')].document.text").entityList(String.class).containsExactly("An open letter.");
        journalist.documentName("documents").operationName("documentStretch").variable("start", 10).variable("length", 20).execute()
            .path("sources[?(@.id == 'doc-secret')].document.text").entityList(Object.class).containsExactly((Object) null);
        journalist.document("{ source(id: \"doc-secret\") { id document { text(start: 0, length: 20) } } }").execute()
            .path("source.id").entity(String.class).isEqualTo("doc-secret").path("source.document.text").valueIsNull();
        investigator.document("{ source(id: \"doc-secret\") { document { text(start: 0, length: 11) } } nobody: source(id: \"no-such\") { id } }")
            .execute().path("source.document.text").entity(String.class).isEqualTo("Leaked memo").path("nobody").valueIsNull();
        var quotes = journalist.documentName("documents").operationName("organisationQuotes").variable("id", "secret-org").execute();
        quotes.path("organisation.evidence[0].source.document.text").valueIsNull();
        quotes.path("organisation.evidence[0].quote").entity(String.class).isEqualTo("sold it on");
        quotes.path("organisation.evidence[0].context").entity(String.class).isEqualTo(SECRET);
        journalist.documentName("documents").operationName("searchDocuments").variable("text", "memo experian").execute()
            .path("searchDocuments").entityList(Object.class).hasSize(0);
        journalist.documentName("documents").operationName("searchDocuments").variable("text", "open letter").execute()
            .path("searchDocuments[*].source.id").entityList(String.class).containsExactly("doc-open")
            .path("searchDocuments[0].text").entity(String.class).isEqualTo("An open letter.");

        Testers.graphQl(port, Testers.ANALYST_TOKEN).documentName("documents").operationName("organisationQuotes").variable("id", "secret-org")
            .execute().path("organisation.evidence[0].source.document.text").entity(String.class).isEqualTo(SECRET);
        investigator.documentName("documents").operationName("sourceDocuments").execute()
            .path("sources[?(@.id == 'doc-secret')].document.text").entityList(String.class).containsExactly(SECRET);
        investigator.documentName("documents").operationName("searchDocuments").variable("text", "memo experian").execute()
            .path("searchDocuments").entityList(Map.class).satisfies(found -> assertThat(found).containsExactly(Map.of("source", Map.of("id", "doc-secret"),
                    "start", 0, "end", SECRET.length(), "text", SECRET, "highlights", List.of(Map.of("start", 7, "end", 11), Map.of("start", 83, "end", 91)),
                    "mentions", List.of(Map.of("id", "ico"), Map.of("id", "lifecycle-marketing"), Map.of("id", "experian")),
                    "cursor", org.datatrail.system.Pages.keyset("searchDocuments", "memo experian", "doc-secret", "0"))));
        // the memo names three organisations; the one fact citing it (secret-org) is about none of them: three leads
        web.get().uri("/reports/unlinked-mentions?source=doc-secret&format=json").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.rows[*].organisation").isEqualTo(List.of("experian", "ico", "lifecycle-marketing"))
            .jsonPath("$.rows[0].passages").isEqualTo(1);
    }

    @Test
    void journalistsFindPassagesOfSourcesPublicNowBestFirstPageByPage() {
        recordSource("quill-a", true);
        recordSource("quill-b", false);
        recordSource("quill-c", true);
        upload("quill-a", "text/plain", "Quillwort grows by the harbour.\n\nThe quillworts were sold on.".getBytes(StandardCharsets.UTF_8))
            .expectStatus().isCreated();
        upload("quill-b", "text/plain", "Quillwort grows by the harbour.\n\nA secret memo says the quillwort was sold on.".getBytes(StandardCharsets.UTF_8))
            .expectStatus().isCreated();
        upload("quill-c", "text/plain", "Quillwort grows by the harbour.".getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();
        HttpGraphQlTester journalist = Testers.graphQl(port);

        // the exact word outranks a word it starts ("quillworts"); two public passages tie, in an order kept from page to page
        List<String> open = found(journalist, 100);
        assertThat(open).hasSize(3);
        assertThat(open.subList(0, 2)).containsExactlyInAnyOrder("quill-a@0", "quill-c@0");
        assertThat(open.get(2)).isEqualTo("quill-a@33");
        assertThat(pageByPage(journalist)).isEqualTo(open);
        List<String> all = found(investigator, 100);
        assertThat(all).hasSize(5);
        assertThat(all.subList(0, 3)).containsExactlyInAnyOrder("quill-a@0", "quill-b@0", "quill-c@0");
        assertThat(all.subList(3, 5)).containsExactly("quill-b@33", "quill-a@33");
        assertThat(pageByPage(investigator)).isEqualTo(all);

        // a source made public is found at once; one made private is not
        recordSource("quill-b", true);
        recordSource("quill-a", false);
        assertThat(found(journalist, 100)).containsExactlyInAnyOrder("quill-b@0", "quill-c@0", "quill-b@33");
        assertThat(found(investigator, 100)).containsExactlyInAnyOrderElementsOf(all);
        // a document attached to a public source is found by journalists; its passages get the source's visibility
        upload("quill-c", "text/plain", "Quillwort again.".getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();
        assertThat(found(journalist, 100)).containsExactlyInAnyOrder("quill-b@0", "quill-b@33", "quill-c@0");
        assertThat(rows("MATCH (p:Passage) WHERE p.source STARTS WITH 'quill-' RETURN p.source + '@' + p.start + ' ' + p.visibility AS p ORDER BY p"))
            .extracting(r -> r.get("p")).containsExactly("quill-a@0 private", "quill-a@33 private", "quill-b@0 public", "quill-b@33 public",
                    "quill-c@0 public");
    }

    @Test
    void passagesTiedPastWhatTheIndexWasAskedForArePagedBySourceAndOffset() {
        // attached in the reverse of the order they are answered in: the index's own order of tied hits is not the answer's
        for (String source : List.of("sedge-c", "sedge-b", "sedge-a")) {
            recordSource(source, true);
            upload(source, "text/plain", "Sedgewort here.\n\n".repeat(90).getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();
        }
        HttpGraphQlTester journalist = Testers.graphQl(port);

        List<String> found = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            List<Map> passages = journalist.documentName("documents").operationName("searchDocuments").variable("text", "sedgewort")
                .variable("first", 100).variable("after", after).execute().path("searchDocuments").entityList(Map.class).get();
            found.addAll(passages(passages));
            after = (String) passages.getLast().get("cursor");
        }

        // 270 passages of one score, more than the index is first asked for: every one once, by source, then offset
        List<String> expected = new ArrayList<>();
        for (String source : List.of("sedge-a", "sedge-b", "sedge-c")) {
            for (int i = 0; i < 90; i++) {
                expected.add(source + "@" + 17 * i);
            }
        }
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void aSearchPagesByKeysetSoDocumentsAttachedMeanwhileNeitherRepeatNorSkipAPassageAndAStaleCursorIsRefused() {
        for (String source : List.of("bog-b", "bog-c")) {
            recordSource(source, true);
            upload(source, "text/plain", "Bogbean here.\n\n".repeat(6).getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();
        }
        HttpGraphQlTester journalist = Testers.graphQl(port);
        List<String> found = new ArrayList<>();
        String after = null;
        for (int page = 0; ; page++) {
            List<Map> passages = bogbean(journalist, 5, after);
            if (passages.isEmpty()) {
                break;
            }
            found.addAll(passages(passages));
            after = (String) passages.getLast().get("cursor");
            if (page == 0) {
                // between pages, a source that sorts before the cursor's passage (tied, by source) and one after it
                for (String source : List.of("bog-a", "bog-d")) {
                    recordSource(source, true);
                    upload(source, "text/plain", "Bogbean here.\n\n".repeat(2).getBytes(StandardCharsets.UTF_8)).expectStatus().isCreated();
                }
            }
        }
        // with an offset, bog-a's two passages would have pushed bog-b@45 and bog-b@60 (the 4th and 5th) onto page two again
        List<String> expected = new ArrayList<>();
        for (String source : List.of("bog-b", "bog-c", "bog-d")) {
            for (int i = 0; i < (source.equals("bog-d") ? 2 : 6); i++) {
                expected.add(source + "@" + 15 * i);
            }
        }
        assertThat(found).isEqualTo(expected);

        // a cursor whose passage no journalist can now find (its source made private), and one of another search
        String stale = (String) bogbean(journalist, 1, null).getFirst().get("cursor");
        recordSource("bog-a", false);
        journalist.documentName("documents").operationName("searchDocuments").variable("text", "bogbean").variable("after", stale).execute()
            .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType()).isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
                assertThat(e.getMessage()).contains("after").contains("bog-a").contains("no longer matches 'bogbean'");
            }));
        investigator.documentName("documents").operationName("searchDocuments").variable("text", "quillwort").variable("after", stale).execute()
            .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("after").contains("is a cursor of searchDocuments for 'bogbean', not for 'quillwort'")));
    }

    private static List<Map> bogbean(HttpGraphQlTester caller, int first, String after) {
        return caller.documentName("documents").operationName("searchDocuments").variable("text", "bogbean").variable("first", first)
            .variable("after", after).execute().path("searchDocuments").entityList(Map.class).get();
    }

    /** The passages a search for "quillwort" finds, as source@start, in the order given, on one page of {@code first}. */
    private static List<String> found(HttpGraphQlTester caller, int first) {
        return passages(caller.documentName("documents").operationName("searchDocuments").variable("text", "quillwort").variable("first", first)
            .execute().path("searchDocuments").entityList(Map.class).get());
    }

    /** The same, one passage a page, following each page's cursor until a page is empty. */
    private static List<String> pageByPage(HttpGraphQlTester caller) {
        List<String> found = new ArrayList<>();
        String after = null;
        while (true) {
            List<Map> page = caller.documentName("documents").operationName("searchDocuments").variable("text", "quillwort").variable("first", 1)
                .variable("after", after).execute().path("searchDocuments").entityList(Map.class).get();
            if (page.isEmpty() || found.size() > 10) {
                return found;
            }
            found.addAll(passages(page));
            after = (String) page.getLast().get("cursor");
        }
    }

    private static List<String> passages(List<Map> page) {
        return page.stream().map(p -> ((Map<?, ?>) p.get("source")).get("id") + "@" + p.get("start")).toList();
    }

    @Test
    void badUploadsAreRefusedWithAClearMessageAndStoreNothing() {
        recordSource("doc-bad", false);
        var before = TestDatabase.snapshot(driver);

        refused(upload("doc-bad", "text/plain", new byte[64 * 1024 + 1]), 413,
                "the document is 65537 bytes; at most 65536 are accepted (datatrail.documents.max-size)");
        MultipartBodyBuilder large = new MultipartBodyBuilder();
        large.part("file", new byte[64 * 1024 + 1]).filename("big.txt").contentType(MediaType.TEXT_PLAIN);
        refused(web.post().uri("/sources/doc-bad/document").contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(large.build())).exchange(), 413,
                "the document is larger than the 65536 bytes accepted (datatrail.documents.max-size)");
        refused(upload("doc-bad", "image/png", new byte[] { 1, 2, 3 }), 415,
                "media type image/png is not accepted; expected one of text/plain, text/html, application/pdf");
        refused(upload("doc-bad", "application/pdf", "%PDF-1.7\nnot a PDF at all".getBytes(StandardCharsets.US_ASCII)), 400, null);
        refused(upload("doc-bad", "text/plain", new byte[0]), 400,
                "the upload is empty; send the document as the request body or as multipart field 'file'");
        refused(upload("no-such-source", "text/plain", "text".getBytes(StandardCharsets.UTF_8)), 404,
                "unknown source 'no-such-source'; a document is attached to a recorded source (Query.sources lists them; recordSource records one)");
        refused(WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().post().uri("/sources/doc-bad/document")
            .contentType(MediaType.TEXT_PLAIN).bodyValue("text").exchange(), 403,
                "Not allowed for a JOURNALIST caller: attaching a document needs an INVESTIGATOR or ADMIN token");

        assertThat(TestDatabase.snapshot(driver)).isEqualTo(before);
    }

    @Test
    void theSeedCaseTextsAttachAndEverySeedQuoteIsFoundAtItsOffsets() throws IOException {
        Path texts = Path.of(System.getProperty("datatrail.case-sources", "../shared/case-sources"));
        Assumptions.assumeTrue(Files.isDirectory(texts), () -> "Skipped: the case-source texts are not at " + texts.toAbsolutePath()
                + " (they live in ../shared/case-sources beside the project; set -Ddatatrail.case-sources=<folder> to point elsewhere)");

        var attached = documents.attachFolder(texts, Caller.system("test"));

        assertThat(attached).extracting(DocumentAttach.Attached::source).containsExactly("000_d54d1cf2e139a545", "001_86e189293c824487",
                "002_6cc175d82620b921", "003_a492018db8ce563d", "004_bf7446b07f76cf73");
        assertThat(attached).allSatisfy(a -> assertThat(a.quotesNotFound()).isEmpty());
        var evidence = rows("""
                MATCH (s:Source)-[:HAS_DOCUMENT]->(d:Document), (s)<-[:CITES]-(e:Evidence)
                WHERE s.id STARTS WITH '00'
                RETURN s.id AS source, d.text AS text, e.quote AS quote, e.start AS start, e.end AS end, e.check AS check, e.context AS context""");
        assertThat(evidence).hasSize(attached.stream().mapToInt(DocumentAttach.Attached::quotesChecked).sum()).hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (var e : evidence) {
            String text = (String) e.get("text");
            String quote = Quotes.normalise((String) e.get("quote"));
            int start = ((Long) e.get("start")).intValue();
            int end = ((Long) e.get("end")).intValue();
            boolean exact = "FOUND".equals(e.get("check")) && Quotes.normalise(text.substring(start, end)).equals(quote)
                    && !Quotes.normalise(text.substring(0, end - 1)).contains(quote) && Quotes.normalise((String) e.get("context")).contains(quote);
            if (!exact) {
                wrong.add(e.get("source") + " [" + start + ", " + end + "): " + quote);
            }
        }
        assertThat(wrong).as("seed quotes not found at the first place their source's text holds them").isEmpty();
        List<Map> found = investigator.documentName("documents").operationName("searchDocuments").variable("text", "Emma's Diary")
            .variable("first", 100).execute().path("searchDocuments").entityList(Map.class).get();
        // every passage of the five texts naming Emma's Diary (other tests' documents name it too)
        List<Map> inTexts = found.stream().filter(p -> ((String) ((Map<?, ?>) p.get("source")).get("id")).startsWith("00")).toList();
        assertThat(inTexts).extracting(p -> ((Map<?, ?>) p.get("source")).get("id") + "@" + p.get("start") + "-" + p.get("end"))
            .containsExactlyInAnyOrder("000_d54d1cf2e139a545@525-777", "000_d54d1cf2e139a545@1608-1792", "001_86e189293c824487@316-436",
                    "001_86e189293c824487@2616-2919", "002_6cc175d82620b921@99-249", "002_6cc175d82620b921@393-619",
                    "002_6cc175d82620b921@1564-1784", "002_6cc175d82620b921@1786-1993", "003_a492018db8ce563d@0-250",
                    "003_a492018db8ce563d@660-861", "003_a492018db8ce563d@3000-3196", "004_bf7446b07f76cf73@305-397",
                    "004_bf7446b07f76cf73@747-929", "004_bf7446b07f76cf73@1495-1634", "004_bf7446b07f76cf73@1890-2128",
                    "004_bf7446b07f76cf73@2684-2791", "004_bf7446b07f76cf73@2793-2920");
        assertThat(inTexts).filteredOn(p -> Integer.valueOf(305).equals(p.get("start"))).singleElement().satisfies(p -> {
            assertThat(p.get("text")).isEqualTo("The parenting service involved – Emma’s Diary – has now been smacked with a six-figure fine.");
            assertThat(p.get("highlights")).isEqualTo(List.of(Map.of("start", 33, "end", 39), Map.of("start", 40, "end", 45)));
            assertThat(p.get("mentions")).isEqualTo(List.of(Map.of("id", "lifecycle-marketing")));
        });
        // the one organisation the five texts name that no fact citing them is about: Facebook, twice in 001's text
        web.get().uri("/reports/unlinked-mentions?format=json").exchange().expectStatus().isOk().expectBody(Map.class)
            .value(report -> assertThat((List<Object>) report.get("rows")).filteredOn(r -> ((String) ((Map<?, ?>) r).get("source")).startsWith("00")).containsExactly(Map.of(
                    "source", "001_86e189293c824487", "title", "Labour Party’s Data Broker Fined £140,000 By Information Commissioner",
                    "organisation", "facebook", "name", "Facebook", "passages", 2, "firstAt", 2921)));
        String file = Files.readString(texts.resolve("002_6cc175d82620b921.txt"), StandardCharsets.UTF_8);
        assertThat(rows("MATCH (d:Document {source: '002_6cc175d82620b921'}) RETURN d.text AS text")).singleElement()
            .satisfies(r -> assertThat(r.get("text")).isEqualTo(file.strip()));
    }

    private void recordSource(String id, boolean open) {
        investigator.documentName("recordSource").variable("input", Map.of("id", id, "title", "Document test " + id, "public", open)).execute()
            .errors().verify();
    }

    private static Map<String, Object> organisation(String id, String source, String quote) {
        return Map.of("id", id, "name", "Org " + id, "types", List.of("OTHER"), "evidence", List.of(Map.of("source", source, "quote", quote)));
    }

    private WebTestClient.ResponseSpec upload(String source, String contentType, byte[] body) {
        return web.post().uri("/sources/{id}/document", source).header("Content-Type", contentType).bodyValue(body).exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, int status, String message) {
        var body = response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_JSON).expectBody();
        if (message == null) {
            body.jsonPath("$.message").value(m -> assertThat((String) m).startsWith("the PDF cannot be read ("));
        }
        else {
            body.jsonPath("$.message").isEqualTo(message);
        }
    }

    /** How an organisation's one quote was checked, as the API shows it (nulls as "null"). */
    private Map<String, String> checks(String organisation) {
        Map<?, ?> evidence = investigator.documentName("documents").operationName("organisationQuotes").variable("id", organisation).execute()
            .path("organisation.evidence[0]").entity(Map.class).get();
        return Map.of("check", String.valueOf(evidence.get("check")), "start", String.valueOf(evidence.get("start")), "context",
                String.valueOf(evidence.get("context")));
    }

    private List<Map<String, Object>> rows(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).list(r -> r.asMap());
        }
    }
}
