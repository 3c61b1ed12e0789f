package org.datatrail.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code seed --dir <folder>} as a user runs it: exit codes and the one clear message on bad input. */
// the output is captured by swapping System.out and System.err: one class at a time may do that
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ExtendWith(OutputCaptureExtension.class)
class CommandLineIntegrationTests {

    @Test
    void badInputExitsNonZeroNamingFileRecordAndFieldAndWritesNothing(@TempDir Path dataDir, @TempDir Path seedDir,
            CapturedOutput output) throws IOException {
        Files.writeString(seedDir.resolve("bad.json"), """
                { "organisations": [ { "id": "x", "name": "X Ltd", "types": ["OTHER"], "evidence": [
                    { "source": "nowhere", "quote": "said so" } ] } ] }""");

        int exit = org.datatrail.CommandLineAccess.run("seed", "--dir", seedDir.toString(), "--datatrail.data-dir=" + dataDir,
                "--datatrail.neo4j.bolt-port=0");

        assertThat(exit).isEqualTo(2);
        assertThat(output.getErr()).contains("seed: " + seedDir + " refused: 1 problem; nothing was written")
            .contains("bad.json: organisations[0].evidence[0].source (id 'x'): unknown source 'nowhere'");
        assertThat(org.datatrail.CommandLineAccess.run("seed", "--dir", "seed", "--datatrail.data-dir=" + dataDir,
                "--datatrail.neo4j.bolt-port=0")).isZero();
        assertThat(output.getOut()).contains("seed: loaded seed (");
    }

    @Test
    void sourceAttachChecksEverySeedQuoteAgainstTheCaseTexts(@TempDir Path dataDir, CapturedOutput output) throws IOException {
        Path texts = Path.of(System.getProperty("datatrail.case-sources", "../shared/case-sources"));
        assertThat(org.datatrail.CommandLineAccess.run("source", "attach", "--dir")).isEqualTo(2);
        assertThat(output.getErr()).contains("source: --dir needs a value");
        assertThat(org.datatrail.CommandLineAccess.run("source", "attach", "only-an-id")).isEqualTo(2);
        assertThat(output.getErr()).contains("source: usage: source attach <source id> <file> | source attach --dir <folder>");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(texts), () -> "Skipped: the case-source texts are not at "
                + texts.toAbsolutePath() + " (set -Ddatatrail.case-sources=<folder> to point elsewhere)");

        // the case is seeded, then the five texts are attached to its sources
        String[] db = { "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0" };
        assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "seed", "--dir", "seed" }, db))).isZero();
        int exit = org.datatrail.CommandLineAccess.run(concat(new String[] { "source", "attach", "--dir", texts.toString() }, db));

        assertThat(exit).isZero();
        byte[] article = Files.readAllBytes(texts.resolve("002_6cc175d82620b921.txt"));
        assertThat(output.getOut()).contains("source attach: 002_6cc175d82620b921 attached (sha256 "
                + java.util.HexFormat.of().formatHex(sha256(article)) + ", " + String.format("%,d", new String(article,
                        java.nio.charset.StandardCharsets.UTF_8).strip().length()) + " characters); ");
        assertThat(output.getOut().lines().filter(l -> l.startsWith("source attach: ")))
            .hasSize(5).allSatisfy(l -> assertThat(l).containsPattern("; [1-9][0-9]* quotes checked, 0 not found$"));
        assertThat(output.getOut()).doesNotContain("not found: fact");
    }

    @Test
    void sourceAttachWritesOnlyItsResultLinesToStandardOutput(@TempDir Path dataDir, @TempDir Path texts, CapturedOutput output)
            throws IOException {
        String[] db = { "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0" };
        assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "seed", "--dir", "seed" }, db))).isZero();
        // a text holding one of the four quotes that cite this source: the other three are reported as not found
        Path text = Files.writeString(texts.resolve("article.txt"), "Lifecycle Marketing (Mother and Baby), which runs websites and an app "
                + "for new mothers under the brand name Emma\u2019s Diary, was fined.");
        int before = output.getOut().length();

        // with the logs at INFO, so that the run certainly logs: none of it may reach standard output
        int exit = org.datatrail.CommandLineAccess.run(concat(new String[] { "source", "attach", "003_a492018db8ce563d", text.toString(),
                "--logging.level.root=INFO" }, db));

        assertThat(exit).isZero();
        List<String> out = output.getOut().substring(before).lines().toList();
        assertThat(out).first().asString().startsWith("source attach: 003_a492018db8ce563d attached (sha256 ")
            .containsPattern("; [2-9][0-9]* quotes checked, [1-9][0-9]* not found$");
        assertThat(out).anyMatch(l -> l.startsWith("  not found: fact ") && l.endsWith(": \"the Experian credit scoring agency\""));
        assertThat(out).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(l).matches("source attach: .*|  not found: fact .*")
            .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d").doesNotContain(" INFO ", " WARN "));
        assertThat(output.getErr()).contains(" INFO ");
    }

    @Test
    void sourceAttachOnADataDirWithNoDatabaseIsRefusedNamingItAndCreatesNothing(@TempDir Path parent, CapturedOutput output)
            throws IOException {
        Path typo = parent.resolve("typo");
        Path text = Files.writeString(parent.resolve("article.txt"), "Lifecycle Marketing, also known as Emma\u2019s Diary");

        int exit = org.datatrail.CommandLineAccess.run("source", "attach", "000_d54d1cf2e139a545", text.toString(), "--datatrail.data-dir=" + typo,
                "--datatrail.neo4j.bolt-port=0");

        assertThat(exit).isEqualTo(2);
        assertThat(output.getErr()).contains("source attach: " + typo + " holds no DataTrail database, and this command works on an existing one");
        assertThat(output.getOut()).isEmpty();
        assertThat(typo).doesNotExist();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reportsRunFromTheCommandLineAgainstAStoppedAppsDataDir(@TempDir Path dataDir, @TempDir Path outDir, CapturedOutput output)
            throws IOException {
        String[] db = { "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0" };
        assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "seed", "--dir", "seed" }, db))).isZero();

        assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "report", "list" }, db))).isZero();
        assertThat(output.getOut()).contains("consent-gaps", "Consent gaps", "from (Organisation)");

        Path out = outDir.resolve("fines.md");
        assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "report", "run", "enforcement", "--param", "regulator=ico",
                "--format", "md", "--out", out.toString() }, db))).isZero();
        assertThat(Files.readString(out)).startsWith("| regulator | against | kind | amount |")
            .contains("| Information Commissioner's Office | Lifecycle Marketing (Mother and Baby) Ltd | FINE | 140000 | GBP |");

        // standard output carries the report alone, in every format: what else the run logs goes to standard error
        for (String format : List.of("csv", "json", "md")) {
            int before = output.getOut().length();
            assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "report", "run", "consent-gaps", "--format", format }, db))).isZero();
            String report = output.getOut().substring(before);
            switch (format) {
                case "csv" -> assertThat(new tools.jackson.dataformat.csv.CsvMapper().readerForListOf(String.class)
                    .with(tools.jackson.dataformat.csv.CsvReadFeature.WRAP_AS_ARRAY).<List<String>>readValues(report).readAll())
                    .hasSize(5).first().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).startsWith("kind", "id", "date");
                case "json" -> assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(report).get("rows").size()).isEqualTo(4);
                default -> assertThat(report.lines()).hasSize(6).allSatisfy(l -> assertThat(l).startsWith("| "));
            }
        }

        assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "report", "run", "broker-hubs", "--param", "top=many" }, db)))
            .isEqualTo(2);
        assertThat(output.getErr()).contains("report: Parameter 'top' of report 'broker-hubs' must be Integer from 1 to 1000, was 'many'");
        assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "report", "run", "enforcement", "--param", "colour=red" }, db)))
            .isEqualTo(2);
        assertThat(output.getErr()).contains("report: Report 'enforcement' has no parameter 'colour'; it takes: regulator");
        assertThat(org.datatrail.CommandLineAccess.run("report", "run", "enforcement", "--format", "xml")).isEqualTo(2);
        assertThat(output.getErr()).contains("report: Unknown format 'xml'; expected csv, json or md");
    }

    @Test
    void reportsRunAgainstAConfiguredNeo4jUriAndAMissingParameterIsOneLine(@TempDir Path outDir, CapturedOutput output) throws IOException {
        try (var external = org.datatrail.support.TestDatabase.start()) {
            String[] uri = { "--spring.neo4j.uri=" + external.neo4j().boltURI() };
            assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "seed", "--dir", "seed" }, uri))).isZero();

            Path out = outDir.resolve("fed.csv");
            assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "report", "run", "who-fed-a-party", "--param",
                    "party=labour-party", "--format", "csv", "--out", out.toString() }, uri))).isZero();
            assertThat(Files.readAllLines(out)).hasSize(3).first().asString()
                .isEqualTo("party,supplier,supplierTypes,hops,shortestRoute,chains,recordsSent,recordsSentAre,recordsArrived,recordsArrivedAre,"
                    + "countsAreLowerBounds");
            assertThat(Files.readString(out)).contains("\"Labour Party\",\"Lifecycle Marketing (Mother and Baby) Ltd\",DATA_SUPPLIER,2,");

            assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "report", "run", "who-fed-a-party", "--param", "party=labour" }, uri)))
                .isEqualTo(2);
            assertThat(output.getErr()).contains("report: No organisation with id 'labour' (parameter 'party' of report 'who-fed-a-party'); "
                    + "did you mean labour-party (Labour Party)?");
            assertThat(org.datatrail.CommandLineAccess.run(concat(new String[] { "report", "run", "timeline" }, uri))).isEqualTo(2);
            assertThat(output.getErr()).contains("report: Report 'timeline' needs parameter 'organisation' (Organisation)");
        }
    }

    @Test
    void aReportOnADataDirWithNoDatabaseIsRefusedNamingItAndCreatesNothing(@TempDir Path parent, CapturedOutput output) {
        Path typo = parent.resolve("typo");
        assertThat(org.datatrail.CommandLineAccess.run("report", "list", "--datatrail.data-dir=" + typo, "--datatrail.neo4j.bolt-port=0")).isEqualTo(2);
        assertThat(output.getErr()).contains("report: " + typo + " holds no DataTrail database, and this command works on an existing one");
        assertThat(output.getOut()).isEmpty();
        assertThat(typo).doesNotExist();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aMissingFolderOrArgumentIsOneClearLine(@TempDir Path dataDir, CapturedOutput output) {
        assertThat(org.datatrail.CommandLineAccess.run("seed")).isEqualTo(2);
        assertThat(output.getErr()).contains("seed: missing --dir <folder>");
        assertThat(org.datatrail.CommandLineAccess.run("seed", "--dir", dataDir.resolve("nope").toString(),
                "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0")).isEqualTo(2);
        assertThat(output.getErr()).contains("nope: is not a folder");
    }
}
