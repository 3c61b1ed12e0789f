package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served schema, read back by introspection over HTTP, contains every type, field, argument and enum
 * value of the contract (the investigator API, and part 2: lineage) under the same names, with compatible types.
 * The contract is {@code ../shared/contract/*.graphqls} where a checkout has it, else the copy in
 * {@code src/test/resources/contract} (and where both exist they must be identical).
 */
@DataTrailTest(seed = Seed.SMALL)
class ContractIntegrationTests {

    static final List<String> PARTS = List.of("investigator-api.graphqls", "lineage.graphqls", "documents.graphqls");

    static Path shared(String part) {
        return Path.of("../shared/contract", part);
    }

    static Path copy(String part) {
        return Path.of("src/test/resources/contract", part);
    }

    @LocalServerPort
    int port;

    @Test
    void theServedSchemaContainsTheContract() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String part : PARTS) {
            missing.addAll(missingFrom(new graphql.schema.idl.SchemaParser().parse(Files.readString(Files.exists(shared(part)) ? shared(part) : copy(part)))));
        }
        assertThat(missing).as("contract elements missing, renamed or incompatible in the served schema").isEmpty();
    }

    /** The contract's part 2 adds `follow` to two existing fields in words (a comment), not in SDL: checked here. */
    @Test
    void traceFlowsAndUpstreamTakeFollowDefaultingToData() {
        for (String field : List.of("traceFlows", "upstream")) {
            Testers.graphQl(port).document("{ __type(name: \"Query\") { fields { name args { name defaultValue type { name kind } } } } }").execute()
                .path("__type.fields[?(@.name == '" + field + "')].args[?(@.name == 'follow')]").entityList(Map.class)
                .satisfies(args -> assertThat(args).singleElement().satisfies(arg -> {
                    assertThat(arg.get("defaultValue")).isEqualTo("DATA");
                    assertThat(arg.get("type")).isEqualTo(Map.of("name", "FlowBasis", "kind", "ENUM"));
                }));
        }
    }

    private List<String> missingFrom(TypeDefinitionRegistry contract) {
        Map<String, Object> introspection = Testers.graphQl(port).document(IntrospectionQuery.INTROSPECTION_QUERY).execute()
            .path("").entity(Map.class).get();
        Document served = new IntrospectionResultToSchema().createSchemaDefinition(introspection);
        Map<String, TypeDefinition> servedTypes = new java.util.HashMap<>();
        served.getDefinitionsOfType(TypeDefinition.class).forEach(t -> servedTypes.put(t.getName(), t));

        List<String> missing = new ArrayList<>();
        List<TypeDefinition<?>> types = new ArrayList<>();
        contract.types().values().forEach(t -> types.add((TypeDefinition<?>) t));
        contract.objectTypeExtensions().values().forEach(types::addAll);
        for (TypeDefinition<?> type : types) {
            TypeDefinition<?> actual = servedTypes.get(type.getName());
            // an `extend type` of the contract is checked against the served type it extends
            Class<?> kind = type instanceof graphql.language.ObjectTypeExtensionDefinition ? ObjectTypeDefinition.class : type.getClass();
            if (actual == null || actual.getClass() != kind) {
                missing.add("type " + type.getName());
                continue;
            }
            if (type instanceof ObjectTypeDefinition object) {
                compareFields(object, (ObjectTypeDefinition) actual, missing);
            }
            if (type instanceof EnumTypeDefinition e) {
                List<String> values = ((EnumTypeDefinition) actual).getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
                e.getEnumValueDefinitions().stream().filter(v -> !values.contains(v.getName()))
                    .forEach(v -> missing.add("enum value " + e.getName() + "." + v.getName()));
            }
        }
        contract.scalars().keySet().stream().filter(s -> !graphql.schema.idl.ScalarInfo.isGraphqlSpecifiedScalar(s))
            .filter(s -> !(servedTypes.get(s) instanceof ScalarTypeDefinition))
            .forEach(s -> missing.add("scalar " + s));
        return missing;
    }

    @Test
    void everyTypeFieldAndArgumentHasADescription() {
        Map<String, Object> introspection = Testers.graphQl(port).document(IntrospectionQuery.INTROSPECTION_QUERY).execute()
            .path("").entity(Map.class).get();
        Document served = new IntrospectionResultToSchema().createSchemaDefinition(introspection);
        List<String> undescribed = new ArrayList<>();
        for (TypeDefinition<?> type : served.getDefinitionsOfType(TypeDefinition.class)) {
            if (type.getName().startsWith("__") || graphql.schema.idl.ScalarInfo.isGraphqlSpecifiedScalar(type.getName())) {
                continue;
            }
            if (blank((graphql.language.AbstractDescribedNode<?>) type)) {
                undescribed.add(type.getName());
            }
            if (type instanceof ObjectTypeDefinition object) {
                for (FieldDefinition f : object.getFieldDefinitions()) {
                    if (blank(f)) {
                        undescribed.add(type.getName() + "." + f.getName());
                    }
                    f.getInputValueDefinitions().stream().filter(ContractIntegrationTests::blank)
                        .forEach(a -> undescribed.add(type.getName() + "." + f.getName() + "(" + a.getName() + ")"));
                }
            }
            if (type instanceof graphql.language.InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().stream().filter(ContractIntegrationTests::blank)
                    .forEach(a -> undescribed.add(type.getName() + "." + a.getName()));
            }
        }
        assertThat(undescribed).as("schema elements without a description").isEmpty();
    }

    private static boolean blank(graphql.language.AbstractDescribedNode<?> node) {
        return node.getDescription() == null || node.getDescription().getContent().isBlank();
    }

    @Test
    void theRepositoryCopyOfTheContractIsTheSharedOne() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared(PARTS.getFirst())),
                "Skipped: ../shared/contract is not beside this checkout; the copy in src/test/resources/contract is used");
        for (String part : PARTS) {
            assertThat(Files.readString(copy(part))).as(part).isEqualTo(Files.readString(shared(part)));
        }
    }

    private static void compareFields(ObjectTypeDefinition expected, ObjectTypeDefinition actual, List<String> missing) {
        for (FieldDefinition field : expected.getFieldDefinitions()) {
            FieldDefinition served = actual.getFieldDefinitions().stream().filter(f -> f.getName().equals(field.getName())).findFirst().orElse(null);
            String where = expected.getName() + "." + field.getName();
            if (served == null) {
                missing.add("field " + where);
                continue;
            }
            if (!compatible(field.getType(), served.getType())) {
                missing.add("field " + where + " has type " + text(served.getType()) + ", contract says " + text(field.getType()));
            }
            for (InputValueDefinition arg : field.getInputValueDefinitions()) {
                InputValueDefinition servedArg = served.getInputValueDefinitions().stream()
                    .filter(a -> a.getName().equals(arg.getName())).findFirst().orElse(null);
                if (servedArg == null) {
                    missing.add("argument " + where + "(" + arg.getName() + ")");
                }
                else if (!text(arg.getType()).equals(text(servedArg.getType()))) {
                    missing.add("argument " + where + "(" + arg.getName() + ") has type " + text(servedArg.getType()) + ", contract says "
                            + text(arg.getType()));
                }
            }
            served.getInputValueDefinitions().stream()
                .filter(a -> a.getType() instanceof graphql.language.NonNullType && a.getDefaultValue() == null)
                .filter(a -> field.getInputValueDefinitions().stream().noneMatch(c -> c.getName().equals(a.getName())))
                .forEach(a -> missing.add("argument " + where + "(" + a.getName() + ") is required but not in the contract"));
        }
    }

    /** Same named type and list shape; a served field may be stricter (non-null) than the contract, never looser. */
    private static boolean compatible(Type<?> contract, Type<?> served) {
        String c = text(contract);
        String s = text(served);
        return s.replace("!", "").equals(c.replace("!", "")) && countBangs(s) >= countBangs(c);
    }

    private static long countBangs(String t) {
        return t.chars().filter(ch -> ch == '!').count();
    }

    private static String text(Type<?> type) {
        return graphql.language.AstPrinter.printAst(type);
    }
}
