package org.datatrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code serve}, and no command at all, start the web application, which runs on after the command line returns. */
// the server logs to standard output: not while another class captures it
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ServeCommandIntegrationTests {

    @Test
    void serveAndNoCommandStartTheWebApplication(@TempDir Path dataDir) {
        String[] settings = { "--server.port=0", "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0",
            "--datatrail.seed.on-empty=false", "--datatrail.api.warm-up=false" };
        for (String[] args : new String[][] { prepend("serve", settings), settings }) {
            DataTrailCommand.Outcome outcome = DataTrailCommand.run(args);

            assertThat(outcome.exitCode()).isZero();
            try (ConfigurableApplicationContext server = outcome.server()) {
                assertThat(server).isInstanceOf(WebServerApplicationContext.class);
                assertThat(server.isRunning()).isTrue();
                assertThat(((WebServerApplicationContext) server).getWebServer().getPort()).isPositive();
            }
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
