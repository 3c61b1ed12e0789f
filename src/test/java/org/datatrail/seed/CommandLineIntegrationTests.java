package org.datatrail.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code seed --dir <folder>} as a user runs it: exit codes and the one clear message on bad input. */
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
    void aMissingFolderOrArgumentIsOneClearLine(@TempDir Path dataDir, CapturedOutput output) {
        assertThat(org.datatrail.CommandLineAccess.run("seed")).isEqualTo(2);
        assertThat(output.getErr()).contains("seed: missing --dir <folder>");
        assertThat(org.datatrail.CommandLineAccess.run("seed", "--dir", dataDir.resolve("nope").toString(),
                "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0")).isEqualTo(2);
        assertThat(output.getErr()).contains("nope: is not a folder");
    }
}
