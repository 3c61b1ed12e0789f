package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 18 against a small heap: the app runs in a child JVM of its own with {@value #HEAP} of heap (the
 * test JVM's classpath and Neo4j's JVM flags, a fresh data dir, a free port), eight anonymous clients each send it 95
 * MB towards {@code /graphql} at once, declared or chunked; each gets a 413 with the app's JSON, no
 * {@code OutOfMemoryError} is thrown (the child would end at the first, saying so in its log), and a normal query is
 * served afterwards. Before the body limit, eight such requests took down a 1 GB heap; with the limit raised to 200 MB,
 * this child ends with "Terminating due to java.lang.OutOfMemoryError: Java heap space".
 */
class SmallHeapAttackIntegrationTests {

    /** A small heap the app starts and serves in (embedded Neo4j's page cache is off-heap); the attack is 760 MB. */
    static final String HEAP = "256m";

    static final long ATTACK_BYTES = 95L * 1024 * 1024;

    Path folder;
    Path log;
    Process app;
    int port;

    @BeforeEach
    void startTheAppWithASmallHeap() throws Exception {
        folder = Files.createTempDirectory("datatrail-small-heap-");
        log = folder.resolve("app.log");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP,
                // any OutOfMemoryError, even one a thread swallows, ends the child with a line in its log
                "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + folder));
        // Neo4j's flags as the test JVM got them (surefire's argLine, from datatrail.jvm.opens in pom.xml)
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-opens") || a.startsWith("--enable-native-access")).toList());
        // an empty entry would put the working folder (the project, with its cypher/ folder) on the child's classpath
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(e -> !e.isBlank())
            .collect(Collectors.joining(File.pathSeparator));
        command.addAll(List.of("-cp", classpath, "org.datatrail.DataTrailApplication", "--server.port=" + port,
                "--datatrail.data-dir=" + folder.resolve("data"), "--datatrail.neo4j.bolt-port=0", "--datatrail.api.warm-up=false"));
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (!Files.readString(log).contains("Started DataTrailApplication")) {
            assertThat(app.isAlive()).as("the app in " + HEAP + " of heap ended before it started:\n%s", tail()).isTrue();
            assertThat(System.nanoTime()).as("the app did not start within 300 s:\n%s", tail()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @AfterEach
    void stopTheAppAndRemoveItsFiles() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (folder != null) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void eightConcurrent95MegabyteBodiesAreRefusedWith413AndTheAppServesOn() throws Exception {
        long start = System.nanoTime();
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                boolean chunked = i % 2 == 1;
                answers.add(clients.submit(() -> attack(chunked)));
            }
            for (Future<String> answer : answers) {
                String response = answer.get();
                assertThat(response).as(tail()).startsWith("HTTP/1.1 413 ");
                assertThat(response).contains("\"error\":\"Content Too Large\"")
                    .containsPattern("\"message\":\"The request body is (99614720|more than 1048576) bytes; at most 1048576 are accepted "
                            + "\\(datatrail.requests.max-body-size\\)\"");
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));

        HttpResponse<String> normal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ organisation(id: \\\"lifecycle-marketing\\\") { name } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(normal.body()).isEqualTo("{\"data\":{\"organisation\":{\"name\":\"Lifecycle Marketing (Mother and Baby) Ltd\"}}}");
        assertThat(app.isAlive()).isTrue();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError").doesNotContain("Terminating due to");
    }

    /**
     * One attacker: 95 MB towards {@code /graphql} over a raw socket, declared by {@code Content-Length} or sent in
     * chunks, streamed from one small buffer; answers what the server said before it stopped listening.
     */
    private String attack(boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String headers = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + ATTACK_BYTES + "\r\n") + "\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            Thread sender = Thread.ofVirtual().start(() -> send(out, chunked));
            String answer = new String(readAnswer(socket.getInputStream()), StandardCharsets.UTF_8);
            sender.interrupt();
            return answer;
        }
    }

    /** A valid GraphQL request of exactly {@link #ATTACK_BYTES}, the bulk in a variable, written 64 KB at a time. */
    private static void send(OutputStream out, boolean chunked) {
        byte[] prefix = "{\"query\":\"query($p: String) { __typename }\",\"variables\":{\"p\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}}".getBytes(StandardCharsets.US_ASCII);
        byte[] filler = new byte[64 * 1024];
        Arrays.fill(filler, (byte) 'A');
        try {
            write(out, prefix, prefix.length, chunked);
            for (long left = ATTACK_BYTES - prefix.length - suffix.length; left > 0 && !Thread.currentThread().isInterrupted(); left -= filler.length) {
                write(out, filler, (int) Math.min(filler.length, left), chunked);
            }
            write(out, suffix, suffix.length, chunked);
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        catch (IOException stoppedListening) {
            // the server refused and closed the connection: what an attacker gets
        }
    }

    private static void write(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, length);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The status line, headers and body, up to the end of the JSON body or the connection. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("\"}")) {
                    break;
                }
            }
        }
        catch (SocketException reset) {
            // the server closed the connection after answering
        }
        return answer.toByteArray();
    }

    /** The end of the child's log, for a failure message. */
    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
