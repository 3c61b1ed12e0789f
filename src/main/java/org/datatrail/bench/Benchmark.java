package org.datatrail.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.datatrail.DataTrailApplication;
import org.datatrail.document.DocumentAttach;
import org.datatrail.generate.NetworkGenerator;
import org.datatrail.ingest.BulkImport;
import org.datatrail.ingest.FactIngest;
import org.datatrail.ingest.OfflineImport;
import org.datatrail.organisation.Organisation;
import org.datatrail.organisation.SearchText;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.StandardOutput;
import org.datatrail.transfer.FlowBasis;
import org.datatrail.transfer.Traces;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench --size XS|S|M|L}: generates a network, imports it with the {@code import} path into a fresh
 * embedded database, starts the app's HTTP server on it, then times each canonical request both through
 * GraphQL over HTTP and as the same Cypher statement on the driver, alternately, after a warm-up. GraphQL is sent
 * twice per iteration: with a blocking {@link HttpURLConnection} (I/O on the calling thread, keep-alive), whose
 * figures are the ones the GraphQL/raw ratio uses, and with {@code java.net.http.HttpClient}, whose own hand-offs
 * between threads are recorded for comparison. Writes the
 * figures (latency percentiles, throughput, GraphQL/raw ratios, Cypher statements per request, import rate,
 * heap and RSS, the PROFILE of each canonical trace) as JSON, and prints them as Markdown. With {@code --documents n},
 * the generated documents are attached after the import, document search is measured like the other requests, and a
 * large PDF is attached to a source many quotes cite ({@link DocumentBench}).
 */
public final class Benchmark {

    /** One measured series. */
    record Series(String scenario, String via, int samples, double p50, double p95, double p99, double mean, double perSecond) {

        static Series of(String scenario, String via, List<Double> millis) {
            double[] sorted = millis.isEmpty() ? new double[] { Double.NaN } : millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double sum = Arrays.stream(sorted).sum();
            return new Series(scenario, via, sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    sum / sorted.length, sorted.length * 1000.0 / sum);
        }

        private static double percentile(double[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
        }
    }

    /** A request both ways: a GraphQL document with variables, and the Cypher statement it stands for. */
    private record Scenario(String name, Function<String, String> graphQl, Function<String, Traces.Statement> cypher, List<String> inputs) {
    }

    /** How a GraphQL request is sent; {@code via} names the series. */
    enum Client {
        /** The figures: a blocking client that reads and writes on the calling thread, as the driver's caller waits. */
        URL_CONNECTION("GraphQL over HTTP"),
        /** For comparison: the JDK's asynchronous client, which hands each exchange between its own threads. */
        JAVA_NET_HTTP("GraphQL over HTTP, java.net.http client");

        final String via;

        Client(String via) {
            this.via = via;
        }
    }

    /** The application's own look-up and search statements, so the raw side runs exactly what GraphQL runs. */
    /** The most chains of each kind the command counts per supplier for {@link #pruning}. */
    private static final int PRUNING_CAP = 10_000;
    /** The PDF attached to a source many quotes cite, with {@code --documents}: 5 MB, 1,000 quotes (issue 17). */
    private static final int PDF_BYTES = 5 * 1024 * 1024;
    private static final int PDF_QUOTES = 1_000;

    private static final Map<String, String> ORGANISATION_QUERIES = CypherResource.named(Organisation.class, "queries.cypher");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Driver driver;
    private final GraphReads reads;
    private final URI endpoint;
    private final java.net.URL endpointUrl;
    private final Random random;
    private final List<String> failures = new ArrayList<>();
    private final RequestStages stages;
    private final int pruningCap;

    private Benchmark(ConfigurableApplicationContext context, long seed, RequestStages stages, int pruningCap) {
        this.pruningCap = pruningCap;
        this.stages = stages;
        this.driver = context.getBean(Driver.class);
        this.reads = context.getBean(GraphReads.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
        try {
            this.endpointUrl = endpoint.toURL();
        }
        catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        this.random = new Random(seed);
    }

    /** The default warm-up, in seconds (see {@link #run}). */
    static final long DEFAULT_WARM_UP_SECONDS = 60;

    /** Entry point of the {@code bench} command; returns the exit code. */
    public static int command(String sizeArg, String seedArg, String out, String markdown, String iterationsArg, String warmUpArg,
            String mode, String documentsArg, List<String> springArgs) {
        NetworkGenerator.Size size;
        long seed;
        int iterations;
        Duration warmUp;
        int documents;
        try {
            documents = documentsArg == null ? 0 : Integer.parseInt(documentsArg);
            if (documents < 0) {
                throw new IllegalArgumentException("--documents is negative: " + documentsArg);
            }
            size = NetworkGenerator.Size.valueOf((sizeArg == null ? "S" : sizeArg).toUpperCase(Locale.ROOT));
            seed = seedArg == null ? 42 : Long.parseLong(seedArg);
            iterations = iterationsArg == null ? 200 : Integer.parseInt(iterationsArg);
            warmUp = Duration.ofSeconds(warmUpArg == null ? DEFAULT_WARM_UP_SECONDS : Long.parseLong(warmUpArg));
            if (warmUp.isNegative()) {
                throw new IllegalArgumentException("--warm-up is negative: " + warmUpArg);
            }
        }
        catch (IllegalArgumentException e) {
            System.err.println("bench: --size must be XS, S, M or L; --seed, --iterations, --warm-up (seconds) and --documents whole numbers ("
                    + e.getMessage() + ")");
            return 2;
        }
        Path work = Path.of("target", "bench");
        String name = size + "-" + seed + (documents > 0 ? "-documents-" + documents : "");
        Path network = work.resolve("network-" + name);
        Path dataDir = work.resolve("db-" + name);
        if (mode != null && !List.of("offline", "online").contains(mode)) {
            System.err.println("bench: --mode must be offline or online (the bench always starts on a new database), was '" + mode + "'");
            return 2;
        }
        boolean external = springArgs.stream().anyMatch(a -> a.startsWith("--spring.neo4j.uri="));
        boolean offline = !"online".equals(mode) && !external;
        Options options = new Options(PRUNING_CAP, documents, PDF_BYTES, PDF_QUOTES);
        return runAndPublish(() -> run(size, seed, iterations, warmUp, network, dataDir, offline, springArgs, options),
                Path.of(out == null ? "target/bench/benchmarks-" + size + ".json" : out), markdown == null ? null : Path.of(markdown));
    }

    /**
     * Runs {@code bench} and writes its figures: as JSON to {@code jsonOut}, as Markdown to {@code markdown} (if any)
     * and to standard output, which carries that table alone ({@code bench > results.md}): progress and logs go to
     * standard error. The exit code.
     */
    static int runAndPublish(Supplier<ObjectNode> bench, Path jsonOut, Path markdown) {
        return StandardOutput.dataOnly(data -> {
            ObjectNode report = bench.get();
            try {
                Files.createDirectories(jsonOut.toAbsolutePath().getParent());
                Files.writeString(jsonOut, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
                String md = BenchmarkMarkdown.of(report);
                if (markdown != null) {
                    Files.writeString(markdown, md);
                }
                data.print(md);
                System.err.println("bench: figures written to " + jsonOut);
                return 0;
            }
            catch (IOException e) {
                System.err.println("bench: cannot write the results: " + e.getMessage());
                return 1;
            }
        });
    }

    /**
     * Generates, imports and measures; the figures as a JSON tree.
     *
     * @param warmUp how long all scenarios run in turn, untimed, before any is measured (then each runs a quarter of
     *        {@code iterations}, at least 20 if there are that many, just before it is measured): long enough for the
     *        JIT to compile the server's request path, for Cypher to plan and compile each statement, and for Neo4j's
     *        page cache to fill. The figures are of a server that has been running, which is what they are for; a
     *        fresh one is slower for its first few thousand requests
     */
    public static ObjectNode run(NetworkGenerator.Size size, long seed, int iterations, Duration warmUp, Path network, Path dataDir,
            boolean offline, List<String> springArgs) {
        return run(size, seed, iterations, warmUp, network, dataDir, offline, springArgs, new Options(PRUNING_CAP, 0, PDF_BYTES, PDF_QUOTES));
    }

    /**
     * What a run measures besides the canonical requests.
     *
     * @param pruningCap the most chains of each kind counted per supplier for the pruning figures
     * @param documents how many source documents the generator makes; with any, they are attached after the import, the
     *        document-search requests are measured, and a PDF of {@code pdfBytes} is attached to a source that
     *        {@code pdfQuotes} quotes cite
     */
    record Options(int pruningCap, int documents, int pdfBytes, int pdfQuotes) {
    }

    /** {@link #run}, with {@link Options}. */
    static ObjectNode run(NetworkGenerator.Size size, long seed, int iterations, Duration warmUp, Path network, Path dataDir,
            boolean offline, List<String> springArgs, Options options) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode report = json.createObjectNode();
        report.put("size", size.name()).put("organisations", size.organisations).put("seed", seed).put("iterations", iterations)
            .put("warmUpSeconds", warmUp.toSeconds()).put("documents", options.documents());
        machine(report);
        long t0 = System.nanoTime();
        var generated = NetworkGenerator.generate(size, seed, options.documents(), network);
        report.put("generateSeconds", (System.nanoTime() - t0) / 1e9);
        report.set("records", json.valueToTree(generated.records()));
        delete(dataDir);
        OfflineImport.Result offlineResult = offline ? new OfflineImport().load(network, dataDir, BulkImport.DEFAULT_BATCH, System.err) : null;
        long started = System.nanoTime();
        RequestStages stages = new RequestStages();
        try (ConfigurableApplicationContext context = start(dataDir, springArgs, stages)) {
            Benchmark bench = new Benchmark(context, seed, stages, options.pruningCap());
            ObjectNode load = report.putObject("import");
            if (offline) {
                OfflineImport.finish(context.getBean(Driver.class), offlineResult);
                double startSeconds = (System.nanoTime() - started) / 1e9;
                double seconds = offlineResult.millis() / 1000.0 + startSeconds;
                load.put("mode", "offline").put("records", offlineResult.records()).put("nodesCreated", offlineResult.nodesCreated())
                    .put("relationshipsCreated", offlineResult.relationshipsCreated()).put("checkSeconds", offlineResult.checkMillis() / 1000.0)
                    .put("storeSeconds", offlineResult.storeMillis() / 1000.0).put("startAndIndexSeconds", startSeconds)
                    .put("seconds", seconds).put("relationshipsPerSecond", offlineResult.relationshipsCreated() / seconds);
            }
            else {
                BulkImport.Result imported = context.getBean(BulkImport.class).load(network, BulkImport.DEFAULT_BATCH, System.err);
                load.put("mode", "online").put("records", imported.records()).put("nodesCreated", imported.nodesCreated())
                    .put("relationshipsCreated", imported.relationshipsCreated()).put("seconds", imported.millis() / 1000.0)
                    .put("relationshipsPerSecond", imported.relationshipsPerSecond());
            }
            DocumentBench documents = null;
            if (options.documents() > 0) {
                documents = new DocumentBench(context.getBean(Driver.class), context.getBean(GraphReads.class), context.getBean(DocumentAttach.class),
                        context.getBean(FactIngest.class));
                report.set("documentAttach", documents.attachAll(network.resolve("documents")));
            }
            report.set("memoryAfterImport", memory(json));
            bench.measure(report, iterations, warmUp, documents);
            if (documents != null) {
                // last: its thousand facts and its large document are not part of the network the requests were timed on
                report.set("pdfAttach", documents.pdfAttach(options.pdfBytes(), options.pdfQuotes(), seed));
            }
            report.set("memoryAfterQueries", memory(json));
        }
        report.put("loadAverageAtEnd", loadAverage());
        return report;
    }

    private void measure(ObjectNode report, int iterations, Duration warmUp, DocumentBench documents) {
        List<String> suppliers = ids("MATCH (o:Organisation) WHERE 'DATA_SUPPLIER' IN o.types AND EXISTS { (o)-[:SENT]->() } RETURN o.id AS id ORDER BY id");
        List<String> parties = ids("MATCH (o:Organisation) WHERE 'POLITICAL_PARTY' IN o.types AND EXISTS { ()-[:TO]->(o) } RETURN o.id AS id ORDER BY id");
        List<String> all = ids("MATCH (o:Organisation) RETURN o.id AS id ORDER BY id");
        List<String> names = ids("MATCH (o:Organisation) RETURN o.name AS id ORDER BY id");
        // the lists suppliers collected and sold: where traceDataset starts an investigation
        List<String> soldLists = ids("""
                MATCH (o:Organisation)-[:HOLDS]->(d:Dataset) WHERE 'DATA_SUPPLIER' IN o.types AND EXISTS { (o)-[:SENT]->(:Transfer)-[:CARRIES]->(d) }
                RETURN d.id AS id ORDER BY id""");
        List<String> traced = sample(suppliers, 50);
        List<Scenario> scenarios = new ArrayList<>();
        for (int hops : new int[] { 2, 4, 6 }) {
            scenarios.add(trace("traceFlows maxHops " + hops, hops, null, hops == 4 ? traced : sample(suppliers, 50)));
        }
        scenarios.add(trace("traceFlows maxHops 4 toType POLITICAL_PARTY", 4, "POLITICAL_PARTY", sample(suppliers, 50)));
        scenarios.add(new Scenario("upstream maxHops 4", to -> document("query($to: ID!) { upstream(to: $to, maxHops: 4, first: 50) "
                + "{ hops consent { covered firstUncoveredHop } } }", "to", to),
                to -> Traces.upstreamStatement(to, filter(null), 4, Traces.Page.first(50)), sample(parties, 50)));
        scenarios.add(new Scenario("traceDataset maxHops 4", id -> document("query($id: ID!) { traceDataset(id: $id, maxHops: 4, first: 50) "
                + "{ hops consent { covered firstUncoveredHop } } }", "id", id),
                id -> Traces.datasetStatement(id, 4, Traces.Page.first(50)), sample(soldLists, 50)));
        scenarios.add(new Scenario("search", text -> document("query($text: String!) { search(text: $text, first: 20) { id name types } }", "text", text),
                text -> new Traces.Statement(ORGANISATION_QUERIES.get("search"), searchParameters(text)),
                sample(names, 100).stream().map(n -> String.join(" ", Arrays.copyOf(n.toLowerCase(Locale.ROOT).split(" "), 2))).toList()));
        scenarios.add(new Scenario("organisation lookup", id -> document("query($id: ID!) { organisation(id: $id) { id name types aliases } }", "id", id),
                id -> new Traces.Statement(ORGANISATION_QUERIES.get("organisation"), Map.of("id", id)),
                sample(all, 200)));
        if (documents != null) {
            String passages = "query($text: String!) { searchDocuments(text: $text, first: 20) { source { id } start end highlights { start end } "
                    + "mentions { id name } } }";
            List<String> named = documents.namesInDocuments(names, random, 100);
            scenarios.add(new Scenario("searchDocuments organisation name", text -> document(passages, "text", text), DocumentBench::searchStatement,
                    named));
            scenarios.add(new Scenario("searchDocuments two words", text -> document(passages, "text", text), DocumentBench::searchStatement,
                    named.stream().map(n -> String.join(" ", Arrays.copyOf(n.toLowerCase(Locale.ROOT).split(" "), 2))).toList()));
        }
        if (documents != null) {
            report.set("documentSearchSample", searchSample(scenarios.getLast().graphQl(), scenarios.get(scenarios.size() - 2).inputs().getFirst()));
        }
        var series = report.putArray("series");
        var statements = report.putObject("cypherStatementsPerRequest");
        var failed = report.putObject("failures");
        var agreement = report.putObject("sameAnswer");
        var warmedUp = report.putObject("warmUpRequestsPerScenario");
        var stageMedians = report.putObject("graphQlStagesP50");
        // The warm-up: every scenario in turn until the time is up, so that the JIT has compiled the server's
        // request path (which all scenarios share) and Cypher has planned every statement before anything is timed.
        long until = System.nanoTime() + warmUp.toNanos();
        Map<String, Integer> warm = new LinkedHashMap<>();
        for (int turn = 0; System.nanoTime() < until; turn++) {
            for (Scenario s : scenarios) {
                once(s, s.inputs().get(turn % s.inputs().size()));
                warm.merge(s.name(), 1, Integer::sum);
            }
        }
        for (Scenario s : scenarios) {
            agreement.put(s.name(), sameAnswer(s, s.inputs().getFirst()));
            // then a few of this scenario's own requests just before it is measured
            int minimum = Math.max(iterations / 4, Math.min(20, iterations));
            for (int i = 0; i < minimum; i++) {
                once(s, s.inputs().get(i % s.inputs().size()));
            }
            warmedUp.put(s.name(), warm.getOrDefault(s.name(), 0) + minimum);
            Map<Client, List<Double>> viaGraphQl = new java.util.EnumMap<>(Client.class);
            List<Double> viaCypher = new ArrayList<>();
            java.util.Set<Long> counts = new java.util.TreeSet<>();
            stages.drain();
            for (int i = 0; i < iterations; i++) {
                String input = s.inputs().get(i % s.inputs().size());
                for (Client client : Client.values()) {
                    long before = reads.queryCount();
                    String body = s.graphQl().apply(input);
                    // the stages of the requests whose figures the ratio uses
                    boolean staged = client == Client.URL_CONNECTION;
                    if (staged) {
                        stages.start();
                    }
                    viaGraphQl.computeIfAbsent(client, c -> new ArrayList<>()).add(graphQl(client, body));
                    if (staged) {
                        stages.finish();
                    }
                    counts.add(reads.queryCount() - before);
                }
                viaCypher.add(raw(s.cypher().apply(input)));
            }
            // A request that failed (e.g. killed by the query timeout) is counted, not timed.
            List<Double> every = new ArrayList<>(viaCypher);
            viaGraphQl.values().forEach(every::addAll);
            failed.put(s.name(), every.stream().filter(d -> d.isNaN()).count());
            Map<Client, Series> viaHttp = new java.util.EnumMap<>(Client.class);
            viaGraphQl.forEach((client, millis) -> viaHttp.put(client, Series.of(s.name(), client.via, timed(millis))));
            Series c = Series.of(s.name(), "Cypher on the driver", timed(viaCypher));
            viaHttp.values().forEach(x -> series.add(json.valueToTree(x)));
            series.add(json.valueToTree(c));
            statements.set(s.name(), json.valueToTree(counts));
            var medians = stageMedians.putObject(s.name());
            stages.drain().forEach((stage, millis) -> medians.put(stage.label, Series.of(s.name(), stage.label, millis).p50()));
            Series g = viaHttp.get(Client.URL_CONNECTION);
            System.err.printf("bench: %-45s GraphQL p50 %7.2f p95 %7.2f | Cypher p50 %7.2f p95 %7.2f ms | statements %s | warm-up %d%n", s.name(),
                    g.p50(), g.p95(), c.p50(), c.p95(), counts, warmedUp.get(s.name()).asInt());
        }
        report.set("failureSamples", json.valueToTree(failures.stream().distinct().limit(5).toList()));
        report.set("lineagePruning", pruning(traced));
        var profiles = report.putObject("profiles");
        String supplier = suppliers.get(suppliers.size() / 2);
        for (int hops : new int[] { 2, 4, 6 }) {
            profiles.set("traceFlows maxHops " + hops + " from " + supplier,
                    profile(Traces.downstreamStatement(supplier, filter(null), hops, Traces.Page.first(50))));
        }
        profiles.set("traceFlows maxHops 4 toType POLITICAL_PARTY from " + supplier,
                profile(Traces.downstreamStatement(supplier, filter("POLITICAL_PARTY"), 4, Traces.Page.first(50))));
        String list = soldLists.get(soldLists.size() / 2);
        profiles.set("traceDataset maxHops 4 from " + list, profile(Traces.datasetStatement(list, 4, Traces.Page.first(50))));
        if (!parties.isEmpty()) {
            profiles.set("upstream maxHops 4 to " + parties.getFirst(), profile(Traces.upstreamStatement(parties.getFirst(), filter(null), 4, Traces.Page.first(50))));
        }
    }

    /**
     * How many organisation chains the lineage rule prunes: from each of the suppliers the maxHops 4 trace scenario
     * samples, the chains of up to four hops a trace that follows the data finds ({@code follow: DATA}) against every
     * chain of transfers ({@code follow: CONNECTION}), each counted by the trace's own walk without reading the chains,
     * up to {@code pruningCap} ({@value #PRUNING_CAP} in the command) per supplier. A supplier at the cap has at least
     * that many, so the totals are lower bounds where {@code suppliersAtCap} is not zero.
     */
    private ObjectNode pruning(List<String> from) {
        ObjectNode node = json.createObjectNode();
        List<String> distinct = from.stream().distinct().sorted().toList();
        node.put("maxHops", 4).put("capPerSupplier", pruningCap).put("suppliers", distinct.size());
        long data = 0;
        long connection = 0;
        int atCap = 0;
        int beyondOneHop = 0;
        int dataBeyondOneHop = 0;
        long started = System.nanoTime();
        for (String supplier : distinct) {
            long d = chains(supplier, FlowBasis.DATA, 4);
            long c = chains(supplier, FlowBasis.CONNECTION, 4);
            long direct = chains(supplier, FlowBasis.CONNECTION, 1);
            data += d;
            connection += c;
            atCap += c >= pruningCap ? 1 : 0;
            beyondOneHop += c > direct ? 1 : 0;
            // every direct sale is a DATA chain of one hop, so more DATA chains than sales means data moved on
            dataBeyondOneHop += d > direct ? 1 : 0;
        }
        node.put("dataChains", data).put("connectionChains", connection).put("suppliersAtCap", atCap)
            .put("suppliersWithOnwardConnections", beyondOneHop).put("suppliersWhoseDataMovedOn", dataBeyondOneHop)
            .put("seconds", (System.nanoTime() - started) / 1e9);
        System.err.printf("bench: lineage pruning, %d suppliers, maxHops 4: %,d DATA chains of %,d organisation chains (%d at the cap of %,d)%n",
                distinct.size(), data, connection, atCap, pruningCap);
        return node;
    }

    private long chains(String from, FlowBasis follow, int maxHops) {
        Traces.Statement statement = Traces.downstreamCountStatement(from, new Traces.Filter(null, null, null, null, null, false, null, follow),
                maxHops, Traces.Page.first(pruningCap));
        try (Session session = driver.session(reads.readSession())) {
            return session.executeRead(tx -> tx.run(statement.text(), statement.parameters()).single().get("chains").asLong());
        }
    }

    /** One untimed round of a scenario: GraphQL with each client, then the raw statement. */
    private void once(Scenario s, String input) {
        for (Client client : Client.values()) {
            graphQl(client, s.graphQl().apply(input));
        }
        raw(s.cypher().apply(input));
    }

    private static List<Double> timed(List<Double> millis) {
        return millis.stream().filter(d -> !d.isNaN()).toList();
    }

    private Scenario trace(String name, int hops, String toType, List<String> from) {
        String query = "query($from: ID!, $toType: OrganisationType) { traceFlows(from: $from, maxHops: " + hops + ", toType: $toType, first: 50) "
                + "{ hops consent { covered firstUncoveredHop } } }";
        return new Scenario(name, f -> document(query, "from", f, "toType", toType),
                f -> Traces.downstreamStatement(f, filter(toType), hops, Traces.Page.first(50)), from);
    }

    private static Traces.Filter filter(String toType) {
        return new Traces.Filter(null, toType, null, null, null, false, null, FlowBasis.DATA);
    }

    private String document(String query, Object... variables) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", vars);
        return json.writeValueAsString(body);
    }

    /** One GraphQL request's latency in milliseconds (request built, sent, answer read whole), or NaN if it failed. */
    private double graphQl(Client client, String body) {
        long start = System.nanoTime();
        Answer answer = post(client, body);
        double millis = (System.nanoTime() - start) / 1e6;
        if (answer.status() != 200 || answer.body().contains("\"errors\"")) {
            failures.add("GraphQL " + answer.status() + ": " + answer.body().substring(0, Math.min(300, answer.body().length())));
            return Double.NaN;
        }
        return millis;
    }

    private record Answer(int status, String body) {
    }

    private Answer post(Client client, String body) {
        try {
            if (client == Client.JAVA_NET_HTTP) {
                HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body());
            }
            // Keep-alive: the connection goes back to the JDK's cache once the answer has been read to the end and closed.
            HttpURLConnection connection = (HttpURLConnection) endpointUrl.openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first page of the search statement: no cursor ({@code afterId} null), 20 organisations. */
    private static Map<String, Object> searchParameters(String text) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("lucene", SearchText.luceneQuery(SearchText.fold(text)));
        parameters.put("afterId", null);
        parameters.put("first", 20);
        return parameters;
    }

    /** Whether GraphQL and the raw statement return the same number of results (and, for traces, the same chain lengths). */
    private boolean sameAnswer(Scenario s, String input) {
        Answer answered = post(Client.URL_CONNECTION, s.graphQl().apply(input));
        var data = json.readTree(answered.body()).path("data");
        if (data.isEmpty() || answered.body().contains("\"errors\"")) {
            // a failed request (e.g. past the request timeout on a loaded machine) is reported, not thrown
            failures.add("GraphQL " + answered.status() + " (comparing answers): " + answered.body().substring(0, Math.min(300, answered.body().length())));
            return false;
        }
        var answer = data.properties().iterator().next().getValue();
        List<Object> viaGraphQl = new ArrayList<>();
        (answer.isArray() ? answer : json.createArrayNode().add(answer)).forEach(item -> viaGraphQl.add(item.has("hops") ? item.get("hops").asInt()
                : item.has("start") ? item.get("source").get("id").asString() + ":" + item.get("start").asInt() : item.get("id").asString()));
        Traces.Statement statement = s.cypher().apply(input);
        List<Object> viaCypher = new ArrayList<>();
        try (Session session = driver.session(reads.readSession())) {
            for (org.neo4j.driver.Record r : session.run(statement.text(), statement.parameters()).list()) {
                if (r.containsKey("paths")) {
                    r.get("paths").values().forEach(path -> viaCypher.add(path.get("organisations").size() - 1));
                }
                else if (r.containsKey("passages")) {
                    r.get("passages").values().forEach(p -> viaCypher.add(p.get("source").get("id").asString() + ":" + p.get("start").asInt()));
                }
                else if (r.containsKey("organisations")) {
                    r.get("organisations").values().forEach(o -> viaCypher.add(o.get("id").asString()));
                }
                else {
                    viaCypher.add(r.get("organisation").get("id").asString());
                }
            }
        }
        return viaGraphQl.equals(viaCypher);
    }

    /**
     * What one journalist's document search for an organisation's name answers: its passages, how many mention an
     * organisation, how many mention the one searched for, and how many words are highlighted.
     */
    private ObjectNode searchSample(Function<String, String> graphQl, String name) {
        var passages = json.readTree(post(Client.URL_CONNECTION, graphQl.apply(name)).body()).path("data").path("searchDocuments");
        ObjectNode node = json.createObjectNode();
        node.put("text", name).put("passages", passages.size());
        node.put("withMentions", passages.valueStream().filter(p -> !p.get("mentions").isEmpty()).count());
        node.put("mentioningTheOrganisation", passages.valueStream()
            .filter(p -> p.get("mentions").valueStream().anyMatch(o -> o.get("name").asString().equals(name))).count());
        node.put("highlights", passages.valueStream().mapToInt(p -> p.get("highlights").size()).sum());
        return node;
    }

    private double raw(Traces.Statement statement) {
        long start = System.nanoTime();
        // an auto-commit read with the session and transaction settings of the application's GraphReads
        try (Session session = driver.session(reads.readSession())) {
            session.run(statement.text(), statement.parameters(), reads.readTransaction()).list();
        }
        catch (org.neo4j.driver.exceptions.Neo4jException e) {
            failures.add("Cypher: " + e.code() + ": " + e.getMessage());
            return Double.NaN;
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The PROFILE of a trace's statement: its db hits, the chains it returned and every operator. */
    private ObjectNode profile(Traces.Statement statement) {
        ObjectNode node = json.createObjectNode();
        try (Session session = driver.session(reads.readSession())) {
            session.executeRead(tx -> {
                var result = tx.run("PROFILE " + statement.text(), statement.parameters());
                var rows = result.list();
                ProfiledPlan profile = result.consume().profile();
                node.put("dbHits", dbHits(profile));
                node.put("rows", rows.isEmpty() ? 0 : rows.getFirst().get("paths").size());
                flatten(profile, 0, node.putArray("operators"));
                return null;
            });
        }
        return node;
    }

    private static long dbHits(ProfiledPlan plan) {
        return plan.dbHits() + plan.children().stream().mapToLong(Benchmark::dbHits).sum();
    }

    private static void flatten(ProfiledPlan plan, int depth, tools.jackson.databind.node.ArrayNode into) {
        into.add("  ".repeat(depth) + plan.operatorType() + " rows=" + plan.records() + " dbHits=" + plan.dbHits());
        plan.children().forEach(child -> flatten(child, depth + 1, into));
    }

    private List<String> ids(String cypher) {
        try (Session session = driver.session(reads.readSession())) {
            return session.executeRead(tx -> tx.run(cypher).list(r -> r.get("id").asString()));
        }
    }

    private List<String> sample(List<String> from, int count) {
        if (from.isEmpty()) {
            throw new IllegalStateException("nothing to sample: the generated network has no organisation of the kind needed");
        }
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }

    private static ConfigurableApplicationContext start(Path dataDir, List<String> springArgs, RequestStages stages) {
        // As arguments, not default properties: application.properties outranks defaults, and its data-dir is
        // the app's own ./data, which a benchmark must never touch. The caller's arguments come last and win.
        // The app's own background warm-up is off: the bench warms up itself, and the warm-up's statements, still
        // running on a loaded machine, were counted as statements of the requests being measured.
        List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--datatrail.seed.on-empty=false", "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0", "--server.port=0",
                "--datatrail.api.warm-up=false"));
        args.addAll(springArgs);
        SpringApplication app = new SpringApplication(DataTrailApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.addInitializers(stages.installer());
        return app.run(args.toArray(String[]::new));
    }

    private static ObjectNode memory(JsonMapper json) {
        System.gc();
        ObjectNode m = json.createObjectNode();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.put("heapUsedAfterGcMB", heap.getUsed() / (1024 * 1024));
        m.put("heapMaxMB", heap.getMax() / (1024 * 1024));
        m.put("rssMB", procStatus("VmRSS:") / 1024);
        m.put("peakRssMB", procStatus("VmHWM:") / 1024);
        return m;
    }

    private static long procStatus(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(key)).map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElse(-1);
        }
        catch (IOException e) {
            return -1;
        }
    }

    private static void machine(ObjectNode report) {
        ObjectNode m = report.putObject("machine");
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("memoryMB", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024));
        m.put("cpu", cpuModel());
        m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("jvmArguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("loadAverageAtStart", loadAverage());
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + dir, e);
        }
    }
}
