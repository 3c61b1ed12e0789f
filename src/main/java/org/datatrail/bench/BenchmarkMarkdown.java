package org.datatrail.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The benchmark's figures as Markdown tables, for {@code docs/benchmarks.md}. */
final class BenchmarkMarkdown {

    private BenchmarkMarkdown() {
    }

    static String of(JsonNode r) {
        StringBuilder md = new StringBuilder();
        JsonNode m = r.get("machine");
        JsonNode imp = r.get("import");
        md.append("### Size ").append(r.get("size").asString()).append(" (").append(String.format("%,d", r.get("organisations").asInt()))
            .append(" organisations, seed ").append(r.get("seed").asLong()).append(")\n\n");
        md.append("Machine: ").append(m.get("processors").asInt()).append(" processors (").append(m.get("cpu").asString()).append("), ")
            .append(m.get("memoryMB").asLong() / 1024).append(" GiB; ").append(m.get("java").asString()).append("; JVM flags `")
            .append(m.get("jvmArguments").asString()).append("`; load average at start ").append(m.get("loadAverageAtStart").asString())
            .append(", at end ").append(r.get("loadAverageAtEnd").asString()).append(".\n\n");
        md.append(String.format("Import (%s): %,d records, %,d nodes and %,d relationships in %.1f s: **%,.0f relationships/s**",
                imp.path("mode").asString("online"), imp.get("records").asLong(), imp.get("nodesCreated").asLong(),
                imp.get("relationshipsCreated").asLong(), imp.get("seconds").asDouble(), imp.get("relationshipsPerSecond").asDouble()));
        if (imp.has("checkSeconds")) {
            md.append(String.format(" (every line checked in %.1f s, store written in %.1f s, database started, indexed and defaults set in %.1f s)",
                    imp.get("checkSeconds").asDouble(), imp.get("storeSeconds").asDouble(), imp.get("startAndIndexSeconds").asDouble()));
        }
        md.append(".\n\n");
        JsonNode docs = r.path("documentAttach");
        if (!docs.isMissingNode()) {
            md.append(String.format("Documents: %,d generated documents (%,d characters, %,d of them public) attached one by one through the upload's path "
                    + "on %d thread(s) in %.1f s (**%,.1f documents/s**), cut into %,d passages naming organisations %,d times; %,d quotes checked "
                    + "against them, %,d not found.%n%n",
                    docs.get("attached").asLong(), docs.get("characters").asLong(), docs.get("publicDocuments").asLong(), docs.path("threads").asInt(1),
                    docs.get("seconds").asDouble(), docs.get("perSecond").asDouble(), docs.get("passages").asLong(), docs.path("mentions").asLong(), docs.get("quotesChecked").asLong(), docs.get("quotesNotFound").asLong()));
        }
        JsonNode a = r.get("memoryAfterImport");
        JsonNode q = r.get("memoryAfterQueries");
        md.append(String.format("Memory: heap after GC %,d MB after import, %,d MB after the queries (max heap %,d MB); RSS %,d MB, peak RSS %,d MB.%n%n",
                a.get("heapUsedAfterGcMB").asLong(), q.get("heapUsedAfterGcMB").asLong(), q.get("heapMaxMB").asLong(), q.get("rssMB").asLong(),
                q.get("peakRssMB").asLong()));
        md.append("| request | GraphQL p50 | p95 | p99 | req/s | Cypher p50 | p95 | p99 | req/s | p50 ratio "
                + "| java.net.http client p50 (ratio) | statements | failed | warm-up requests |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Map<String, JsonNode>> byScenario = new LinkedHashMap<>();
        for (JsonNode s : r.get("series")) {
            byScenario.computeIfAbsent(s.get("scenario").asString(), k -> new LinkedHashMap<>()).put(s.get("via").asString(), s);
        }
        byScenario.forEach((name, via) -> {
            JsonNode g = via.get(Benchmark.Client.URL_CONNECTION.via);
            JsonNode c = via.get("Cypher on the driver");
            JsonNode other = via.get(Benchmark.Client.JAVA_NET_HTTP.via);
            md.append(String.format("| %s | %.1f | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %.0f | %.2f | %s | %s | %s | %s |%n", name,
                    g.get("p50").asDouble(), g.get("p95").asDouble(), g.get("p99").asDouble(), g.get("perSecond").asDouble(),
                    c.get("p50").asDouble(), c.get("p95").asDouble(), c.get("p99").asDouble(), c.get("perSecond").asDouble(),
                    g.get("p50").asDouble() / c.get("p50").asDouble(),
                    other == null ? "-" : String.format("%.1f (%.2f)", other.get("p50").asDouble(), other.get("p50").asDouble() / c.get("p50").asDouble()),
                    r.get("cypherStatementsPerRequest").get(name), r.get("failures").get(name), r.path("warmUpRequestsPerScenario").path(name).asString("-")));
        });
        JsonNode stages = r.path("graphQlStagesP50");
        if (!stages.isEmpty()) {
            md.append("\nWhere a GraphQL request's time goes: the p50 of each stage (ms) of the requests above, beside the same statement run "
                    + "directly on the driver. The stages' p50s need not add up to the request's p50.\n\n| request |");
            RequestStages.Stage[] all = RequestStages.Stage.values();
            for (RequestStages.Stage stage : all) {
                md.append(' ').append(stage.label).append(" |");
            }
            md.append(" Cypher on the driver |\n|---|").append("---|".repeat(all.length + 1)).append('\n');
            byScenario.forEach((name, via) -> {
                md.append("| ").append(name).append(" |");
                for (RequestStages.Stage stage : all) {
                    md.append(String.format(" %.2f |", stages.path(name).path(stage.label).asDouble(Double.NaN)));
                }
                md.append(String.format(" %.2f |%n", via.get("Cypher on the driver").get("p50").asDouble()));
            });
        }
        JsonNode pruned = r.path("lineagePruning");
        if (!pruned.isMissingNode()) {
            md.append(String.format(
                    "%nWhat the lineage rule prunes: from the %d distinct suppliers the maxHops 4 trace samples, a trace that follows the data "
                            + "finds **%,d chains** of up to %d hops, where every chain of transfers (`follow: CONNECTION`) numbers **%s%,d** "
                            + "(%.2f %% are DATA; counted by the trace's own walk, at most %,d per supplier, %d supplier(s) at that cap). "
                            + "%d of these suppliers have organisation chains beyond their own sales; the data of %d moved on.%n",
                    pruned.get("suppliers").asInt(), pruned.get("dataChains").asLong(), pruned.get("maxHops").asInt(),
                    pruned.get("suppliersAtCap").asInt() > 0 ? "at least " : "", pruned.get("connectionChains").asLong(),
                    100.0 * pruned.get("dataChains").asLong() / Math.max(1, pruned.get("connectionChains").asLong()), pruned.get("capPerSupplier").asInt(),
                    pruned.get("suppliersAtCap").asInt(), pruned.get("suppliersWithOnwardConnections").asInt(), pruned.get("suppliersWhoseDataMovedOn").asInt()));
        }
        JsonNode pdf = r.path("pdfAttach");
        if (pdf.has("refused")) {
            md.append(String.format("%nA %.1f MB PDF (%,d pages of text) attached to a source that many quotes cite: **refused** after %.1f s: %s%n",
                    pdf.get("bytes").asLong() / (1024.0 * 1024.0), pdf.get("pages").asInt(), pdf.get("secondsUntilRefused").asDouble(),
                    pdf.get("refused").asString()));
        }
        else if (!pdf.isMissingNode()) {
            md.append(String.format("%nA %.1f MB PDF (%,d pages of text, %,d characters; %,d passages) attached to a source that %,d quotes cite: "
                    + "**%.2f s** for the whole attach (extraction, storing, passages, the re-check of every quote, audit; %,d quotes not found). "
                    + "The same upload again, which extracts the text and finds it unchanged, took %.2f s (about the extraction alone); "
                    + "finding the %,d quotes in the extracted text took %.3f s. (The first attach of the same PDF in this JVM, to a source no quote "
                    + "cites, untimed for these figures: %.2f s.)%n", pdf.get("bytes").asLong() / (1024.0 * 1024.0), pdf.get("pages").asInt(),
                    pdf.get("characters").asLong(), pdf.get("passages").asLong(), pdf.get("quotesChecked").asInt(), pdf.get("seconds").asDouble(),
                    pdf.get("quotesNotFound").asInt(), pdf.get("sameUploadAgainSeconds").asDouble(), pdf.get("quotesLocatedInMemory").asLong(),
                    pdf.get("locateQuotesSeconds").asDouble(), pdf.get("coldAttachWithoutQuotesSeconds").asDouble()));
        }
        md.append("\nLatencies in milliseconds. PROFILE of each canonical trace (total db hits, chains returned):\n\n");
        r.get("profiles").properties().forEach(e -> md.append("- ").append(e.getKey()).append(": ")
            .append(String.format("%,d", e.getValue().get("dbHits").asLong())).append(" db hits, ").append(e.getValue().get("rows").asLong())
            .append(" chains\n"));
        return md.toString();
    }
}
