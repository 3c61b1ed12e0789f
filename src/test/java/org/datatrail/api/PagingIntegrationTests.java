package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.datatrail.system.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Honest paging: over a thousand organisations recorded through the write path, read page by page through
 * {@code search} and the audit trail while another client keeps recording, each exactly once; and every cursor
 * that cannot be continued honestly (malformed, overflowing, past the deepest page, from another list, naming an
 * item gone from the list) refused with BAD_REQUEST naming {@code after}.
 */
@DataTrailTest(seed = Seed.SMALL, writes = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingIntegrationTests {

    /** Two organisations per name, so score and name tie and only the id orders them. */
    static final int NAMES = 525;

    @LocalServerPort
    int port;

    HttpGraphQlTester graphQl;

    final List<String> recorded = new ArrayList<>();

    @BeforeAll
    void recordOverAThousandOrganisations() {
        graphQl = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < NAMES; i++) {
            names.put("paging-%04d-a".formatted(i), "Paging Firm %04d".formatted(i));
            names.put("paging-%04d-b".formatted(i), "Paging Firm %04d".formatted(i));
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(names.entrySet());
        for (int from = 0; from < all.size(); from += 50) {
            record(graphQl, all.subList(from, Math.min(from + 50, all.size())));
        }
        recorded.addAll(names.keySet());
    }

    @Test
    void searchGivesEveryMatchExactlyOnceWhileOthersAreRecorded() {
        List<Map<String, Object>> seen = whileRecording("search-", after -> graphQl.documentName("searchPage")
            .variable("text", "paging firm").variable("first", 50).variable("after", after).execute()
            .path("search").entityList(Map.class).get());

        List<String> ids = seen.stream().map(o -> (String) o.get("id")).toList();
        assertThat(new HashSet<>(ids)).as("no organisation twice").hasSameSizeAs(ids);
        assertThat(ids).containsAll(recorded);
        // equal scores and names: the id breaks the tie, so the pair of a name comes a before b
        assertThat(ids.indexOf("paging-0007-a")).isEqualTo(ids.indexOf("paging-0007-b") - 1);
    }

    @Test
    void theAuditTrailGivesEveryEntryExactlyOnceWhileNewOnesAreWritten() {
        List<Map<String, Object>> seen = whileRecording("audit-", after -> graphQl.documentName("auditPage")
            .variable("first", 100).variable("after", after).execute()
            .path("auditTrail").entityList(Map.class).get());

        List<String> cursors = seen.stream().map(e -> (String) e.get("cursor")).toList();
        assertThat(new HashSet<>(cursors)).as("no entry twice").hasSameSizeAs(cursors);
        List<String> records = seen.stream().flatMap(e -> ((List<?>) e.get("recordIds")).stream().map(String::valueOf)).toList();
        for (String id : recorded) {
            assertThat(records.stream().filter(id::equals).count()).as(id).isEqualTo(1);
        }
        List<ZonedDateTime> times = seen.stream().map(e -> ZonedDateTime.parse((String) e.get("at"))).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).as("newest first").isBeforeOrEqualTo(times.get(i - 1));
        }
        // written while the trail was read: newer than the first page, so on it at most, never shifting a later page
        assertThat(seen.subList(100, seen.size())).allSatisfy(e -> assertThat((List<?>) e.get("recordIds"))
            .noneMatch(id -> String.valueOf(id).startsWith("audit-late-")));
    }

    @Test
    void organisationsCarryACursorOnlyWhereTheyComeFromAPagedList() {
        List<Map> page = graphQl.documentName("searchPage").variable("text", "broker").execute().path("search").entityList(Map.class).get();
        assertThat(page).extracting(o -> o.get("cursor")).doesNotContainNull();
        graphQl.documentName("transfersPage").variable("id", "broker").execute().path("organisation.cursor").valueIsNull();
    }

    @Test
    void malformedAndOverflowingCursorsAreRefusedNamingAfter() {
        String oldOverflow = base64("offset:2147483647");
        refused(graphQl.documentName("searchPage").variable("text", "broker").variable("after", "%%%"), "is not a cursor this API gave out");
        refused(graphQl.documentName("searchPage").variable("text", "broker").variable("after", oldOverflow), "is not a cursor this API gave out");
        refused(graphQl.documentName("tracePage").variable("from", "supplier").variable("after", oldOverflow), "is not a cursor this API gave out");
        refused(graphQl.documentName("tracePage").variable("from", "supplier").variable("after", Pages.keyset("traceFlows", "supplier", Integer.toString(Integer.MAX_VALUE))),
                "is not a cursor this API gave out");
        // traces page by keyset: a position is no trace cursor, however small
        refused(graphQl.documentName("tracePage").variable("from", "supplier").variable("after", Pages.keyset("traceFlows", "supplier", "3")),
                "is not a cursor this API gave out");
        refused(graphQl.documentName("auditPage").variable("after", Pages.keyset("auditTrail", "", "not a time", "x")), "is not a cursor this API gave out");
        refused(graphQl.documentName("evidencePages").variable("afterSource", Pages.keyset("sources", "", "2019-02-31", "x")), "is not a cursor this API gave out");
    }

    @Test
    void aCursorOfAnotherListOrOrganisationIsRefused() {
        String brokerCursor = graphQl.documentName("searchPage").variable("text", "broker").execute().path("search[0].cursor").entity(String.class).get();
        refused(graphQl.documentName("searchPage").variable("text", "party").variable("after", brokerCursor), "not for 'party'");
        refused(graphQl.documentName("auditPage").variable("after", brokerCursor), "is a cursor of search, not of auditTrail");
        String traceCursor = graphQl.documentName("tracePage").variable("from", "supplier").execute().path("traceFlows[0].cursor").entity(String.class).get();
        refused(graphQl.documentName("tracePage").variable("from", "broker").variable("after", traceCursor), "not for 'broker'");

        // t1 went from supplier to broker: it is in broker's transfersIn, not in its transfersOut
        String t1 = graphQl.documentName("transfersPage").variable("id", "supplier").execute().path("organisation.transfersOut[0].cursor")
            .entity(String.class).get();
        graphQl.documentName("transfersPage").variable("id", "broker").variable("afterIn", t1).execute()
            .path("organisation.transfersIn").entityList(Object.class).hasSize(0);
        refused(graphQl.documentName("transfersPage").variable("id", "broker").variable("afterOut", t1), "not (or no longer) in broker's transfersOut");
    }

    @Test
    void aTraceGivesEveryChainExactlyOnceWhileChainsAreRecordedBeforeItsCursor() {
        List<Map.Entry<String, String>> fan = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fan.add(Map.entry("fan-%02d".formatted(i), "paging-%04d-a".formatted(i)));
        }
        recordTransfers(fan);
        String page = """
                query($after: String, $maxHops: Int) {
                  traceFlows(from: "broker", maxHops: $maxHops, follow: CONNECTION, first: 5, after: $after) { hops cursor transfers { id } }
                }""";
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 10; pages++) {
            List<Map> chains = graphQl.document(page).variable("maxHops", 1).variable("after", after).execute()
                .path("traceFlows").entityList(Map.class).get();
            if (chains.isEmpty()) {
                break;
            }
            chains.forEach(c -> seen.add((String) ((Map) ((List) c.get("transfers")).getFirst()).get("id")));
            after = (String) chains.getLast().get("cursor");
            // a chain whose transfer id sorts before every fan-nn one: an offset would now repeat a chain of this page
            recordTransfers(List.of(Map.entry("fan-0-late-%d".formatted(pages), "paging-0100-a")));
        }
        assertThat(seen).as("every chain there was when reading began, once, in transfer-id order")
            .containsSubsequence(fan.stream().map(Map.Entry::getKey).toList())
            .doesNotHaveDuplicates()
            .noneMatch(id -> id.startsWith("fan-0-late-"));
        assertThat(seen).filteredOn(id -> id.startsWith("fan-")).hasSize(12);

        String twoHops = graphQl.document(page).variable("maxHops", 2).execute().path("traceFlows[0].cursor").entity(String.class).get();
        refused(graphQl.document(page).variable("maxHops", 1).variable("after", twoHops),
                "with maxHops 2, follow CONNECTION, not with maxHops 1, follow CONNECTION");
    }

    @Test
    void theTimelineGivesEveryEntryExactlyOnceWhileEntriesAreRecordedBeforeItsCursor() {
        for (int i = 0; i < 8; i++) {
            recordTransfer("tl-%02d".formatted(i), "paging-%04d-a".formatted(20 + i), "2019-0%d-01".formatted(1 + i));
        }
        String page = """
                query($organisations: [ID!]!, $first: Int, $after: String) {
                  timeline(organisations: $organisations, first: $first, after: $after) { id cursor }
                }""";
        List<String> whole = graphQl.document(page).variable("organisations", List.of("broker")).variable("first", 100).execute()
            .path("timeline[*].id").entityList(String.class).get();
        assertThat(whole).contains("tl-00", "tl-07");
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 100; pages++) {
            List<Map> entries = graphQl.document(page).variable("organisations", List.of("broker")).variable("first", 3).variable("after", after)
                .execute().path("timeline").entityList(Map.class).get();
            if (entries.isEmpty()) {
                break;
            }
            entries.forEach(e -> seen.add((String) e.get("id")));
            after = (String) entries.getLast().get("cursor");
            // an entry dated before every other: an offset would now repeat the last entry of this page
            recordTransfer("tl-early-%d".formatted(pages), "paging-0030-a", "1990-01-01");
        }
        assertThat(seen).as("every entry there was when reading began, once, in timeline order").isEqualTo(whole);

        String ofTwo = graphQl.document(page).variable("organisations", List.of("broker", "supplier")).variable("first", 1).execute()
            .path("timeline[0].cursor").entity(String.class).get();
        refused(graphQl.document(page).variable("organisations", List.of("broker")).variable("after", ofTwo),
                "a cursor continues only the list it came from");
        refused(graphQl.document(page).variable("organisations", List.of("broker")).variable("after", base64("k1.bogus")),
                "is not a cursor this API gave out");
    }

    /** Records one transfer from broker, dated. */
    private void recordTransfer(String id, String to, String date) {
        graphQl.document("mutation($t: TransferInput!) { recordTransfer(input: $t) { id } }")
            .variable("t", Map.of("id", id, "from", "broker", "to", to, "dataset", "club-members", "date", date, "purposes", List.of("marketing"),
                    "evidence", List.of(Map.of("source", "src-a", "quote", "the broker sent " + id))))
            .execute().path("recordTransfer.id").entity(String.class).isEqualTo(id);
    }

    /** Records transfers (id, receiver) from broker, of the supplier's list, in one request. */
    private void recordTransfers(List<Map.Entry<String, String>> transfers) {
        StringBuilder variables = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < transfers.size(); i++) {
            var t = transfers.get(i);
            variables.append(i == 0 ? "" : ", ").append("$t").append(i).append(": TransferInput!");
            fields.append(" r").append(i).append(": recordTransfer(input: $t").append(i).append(") { id }");
            values.put("t" + i, Map.of("id", t.getKey(), "from", "broker", "to", t.getValue(), "dataset", "club-members", "date", "2020-01-01",
                    "purposes", List.of("marketing"),
                    "evidence", List.of(Map.of("source", "src-a", "quote", "the broker sent " + t.getKey()))));
        }
        GraphQlTester.Request<?> request = graphQl.document("mutation(" + variables + ") {" + fields + " }");
        values.forEach(request::variable);
        request.execute().path("r0.id").entity(String.class).isEqualTo(transfers.getFirst().getKey());
    }

    @Test
    void aCursorNamingAnItemGoneFromItsListIsRefusedAsStale() {
        refused(graphQl.documentName("transfersPage").variable("id", "broker").variable("afterOut", Pages.keyset("transfers", "", "vanished")),
                "names transfer 'vanished', which is not (or no longer) in broker's transfersOut");
        refused(graphQl.documentName("searchPage").variable("text", "broker").variable("after", Pages.keyset("search", "broker", "nobody")),
                "names organisation 'nobody', which no longer matches 'broker'");
    }

    @Test
    void sourcesAndDisputesArePagedWithFirstAndAfter() {
        List<String> sources = new ArrayList<>();
        List<String> disputes = new ArrayList<>();
        String afterSource = null;
        String afterDispute = null;
        for (int page = 0; page < 10; page++) {
            var response = graphQl.documentName("evidencePages").variable("first", 1).variable("afterSource", afterSource)
                .variable("afterDispute", afterDispute).execute();
            List<Map> s = response.path("sources").entityList(Map.class).get();
            List<Map> d = response.path("disputes").entityList(Map.class).get();
            assertThat(s.size()).isLessThanOrEqualTo(1);
            s.forEach(m -> sources.add((String) m.get("id")));
            d.forEach(m -> disputes.add((String) m.get("id")));
            afterSource = s.isEmpty() ? afterSource : (String) s.getLast().get("cursor");
            afterDispute = d.isEmpty() ? afterDispute : (String) d.getLast().get("cursor");
        }
        assertThat(sources).containsExactlyInAnyOrder("src-a", "src-b");
        assertThat(disputes).containsExactly("count-dispute");
        graphQl.documentName("evidencePages").variable("first", 101).execute().errors()
            .satisfy(errors -> assertThat(errors.getFirst().getMessage()).isEqualTo("Argument 'first' must be between 1 and 100, was 101"));
    }

    /**
     * Reads a list to its end, page by page, with {@code page} (given the cursor of the last item seen), while
     * another client records organisations ({@code prefix}-late-n, matching the search, and one that does not): one
     * write runs while each page is read, and it has landed before the next page is read. One write a page, not as many
     * as the writer can: a writer faster than the reader kept adding matches at the end of the list, and the reader
     * took one to three minutes to catch up, depending on the machine.
     */
    private List<Map<String, Object>> whileRecording(String prefix, Function<String, List<Map>> page) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Semaphore turns = new Semaphore(0);
        HttpGraphQlTester writer = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        Thread thread = Thread.ofPlatform().name("paging-writer").start(() -> {
            try {
                while (true) {
                    turns.acquire();
                    if (done.get()) {
                        break;
                    }
                    int n = writes.get();
                    record(writer, List.of(Map.entry(prefix + "late-%04d".formatted(n), "Paging Firm L%03d".formatted(n)),
                            Map.entry(prefix + "elsewhere-%04d".formatted(n), "Elsewhere %04d Ltd".formatted(n))));
                    writes.incrementAndGet();
                }
            }
            catch (Throwable t) {
                failure.set(t);
            }
        });
        List<Map<String, Object>> seen = new ArrayList<>();
        try {
            String after = null;
            while (true) {
                int before = writes.get();
                turns.release();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> items = (List<Map<String, Object>>) (List<?>) page.apply(after);
                if (items.isEmpty()) {
                    break;
                }
                seen.addAll(items);
                after = (String) items.getLast().get("cursor");
                long deadline = System.nanoTime() + 30_000_000_000L;
                // polled, not spun: on 2 cores a spinning reader takes the core the writer (and its database) needs
                while (writes.get() <= before && failure.get() == null && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                assertThat(writes.get()).as("a write between two pages").isGreaterThan(before);
            }
        }
        finally {
            done.set(true);
            turns.release();
            try {
                thread.join();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(failure.get()).isNull();
        assertThat(seen.size()).isGreaterThan(1_000);
        return seen;
    }

    /** Records the organisations (id, name) in one request, each through recordOrganisation with its evidence. */
    private static void record(GraphQlTester tester, List<Map.Entry<String, String>> organisations) {
        StringBuilder variables = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < organisations.size(); i++) {
            var o = organisations.get(i);
            variables.append(i == 0 ? "" : ", ").append("$o").append(i).append(": OrganisationInput!");
            fields.append(" r").append(i).append(": recordOrganisation(input: $o").append(i).append(") { id }");
            values.put("o" + i, Map.of("id", o.getKey(), "name", o.getValue(), "types", List.of("OTHER"),
                    "evidence", List.of(Map.of("source", "src-a", "quote", o.getValue() + " is listed"))));
        }
        GraphQlTester.Request<?> request = tester.document("mutation(" + variables + ") {" + fields + " }");
        values.forEach(request::variable);
        request.execute().path("r0.id").entity(String.class).isEqualTo(organisations.getFirst().getKey());
    }

    private static void refused(GraphQlTester.Request<?> request, String problem) {
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getMessage()).startsWith("Argument 'after' ").contains(problem);
            assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
        });
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
