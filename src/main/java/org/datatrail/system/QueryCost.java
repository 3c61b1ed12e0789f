package org.datatrail.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The cost limit: a query's estimated size is computed from the document alone, after validation and before any data
 * is fetched, and a query estimated over the limit is refused with a message that names the estimate, the limit and
 * the list to bound with {@code first}.
 * <p>
 * Every field (aliases included) costs 1, and a list multiplies what is under it by its estimated size:
 * <ul>
 * <li>the {@code first} written in the query (or passed in a variable), when there is one: a client that asks for 1,000
 * gets the cost of 1,000, so a huge page on a nested list is still refused (every nested list of unbounded size takes a
 * {@code first}, {@link PagedList});</li>
 * <li>otherwise what such a list typically holds ({@link #TYPICAL}), capped by the field's default page: the worst
 * case of every default page (20 organisations × 50 transfers × 50 …) is far more than any real answer, and refused
 * the natural questions;</li>
 * <li>otherwise, for a list with a {@code first} and no typical size (the top-level pages: search, traces, timeline), its
 * default page;</li>
 * <li>otherwise {@value #OTHER_LIST}.</li>
 * </ul>
 * The typical sizes were read off the shipped case (a fact there has 3 to 6 quotes on average, a dataset 1 consent and
 * 4 data categories, a dispute 2 claims, an organisation a transfer or two) and rounded up, and an installation may set
 * its own ({@code datatrail.graphql.typical-list-sizes.<field>}); they are an estimate, not a bound: the pages themselves are bounded where they are read ({@link Pages}). Arithmetic is in {@code double}, so nested pages of 100 cannot overflow into a small cost.
 */
final class QueryCost extends SimplePerformantInstrumentation {

    /** What a nested list without {@code first} typically holds, by field name ({@code Type.field} where it differs). */
    static final Map<String, Integer> TYPICAL = Map.ofEntries(
            Map.entry("evidence", 5), Map.entry("disputes", 2), Map.entry("claims", 3), Map.entry("hedges", 2),
            Map.entry("consents", 2), Map.entry("consentsApplied", 2), Map.entry("supersededBy", 1),
            Map.entry("permittedPurposes", 3), Map.entry("purposes", 3), Map.entry("uncoveredPurposes", 3),
            Map.entry("includes", 3), Map.entry("datasets", 3), Map.entry("dataCategories", 5), Map.entry("campaigns", 3),
            Map.entry("enforcementActions", 2), Map.entry("transfersOut", 5), Map.entry("transfersIn", 5),
            Map.entry("derivedFrom", 2), Map.entry("derivatives", 2), Map.entry("organisations", 5),
            Map.entry("transfers", 4), Map.entry("highlights", 3), Map.entry("mentions", 3),
            // the whole-collection lists at the top level
            Map.entry("Query.disputes", 100), Map.entry("Query.sources", 100), Map.entry("Query.purposes", 50));

    /** What any other list without {@code first} is assumed to hold. */
    static final int OTHER_LIST = 5;

    private final long limit;
    private final Map<String, Integer> typical;

    /**
     * @param configured typical sizes that replace or add to {@link #TYPICAL} ({@code datatrail.graphql.typical-list-sizes})
     * @throws IllegalArgumentException naming the setting when a configured size is not a positive number
     */
    QueryCost(long limit, Map<String, Integer> configured) {
        this.limit = limit;
        Map<String, Integer> sizes = new HashMap<>(TYPICAL);
        configured.forEach((field, size) -> {
            if (size == null || size < 1) {
                throw new IllegalArgumentException("datatrail.graphql.typical-list-sizes." + field + " must be a whole number of 1 or more, was " + size);
            }
            sizes.put(field, size);
        });
        this.typical = Map.copyOf(sizes);
    }

    /** The typical list sizes this instance estimates with: {@link #TYPICAL} and the installation's own. */
    Map<String, Integer> typical() {
        return typical;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        CostEstimate estimate = estimate(context.getGraphQLSchema(), context.getDocument(), context.getExecutionInput().getOperationName(),
                context.getCoercedVariables(), typical);
        if (estimate.cost() > limit) {
            throw new AbortExecutionException(estimate.refusal(limit));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /**
     * Walks the operation itself rather than with graphql-java's {@code QueryTraverser}, which visits a fragment's
     * fields only once however often it is spread, so that 300 aliases of one fragment would cost as one. A fragment's
     * fields are estimated once and shared by every spread of it (its cost does not depend on where it is spread), so
     * fragments spreading fragments cannot make the walk itself exponential; validation has refused cycles already.
     */
    static CostEstimate estimate(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        return estimate(schema, document, operationName, variables, TYPICAL);
    }

    /** {@link #estimate(GraphQLSchema, Document, String, CoercedVariables)} with other typical list sizes. */
    static CostEstimate estimate(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables,
            Map<String, Integer> typical) {
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
            .filter(o -> operationName == null || operationName.equals(o.getName()))
            .findFirst().orElseThrow();
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return new CostEstimate(new Walk(schema, fragments, variables.toMap(), typical).nodes(operation.getSelectionSet(), root));
    }

    private record Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
            Map<String, Integer> typical, Map<String, List<CostEstimate.Node>> spread) {

        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables, Map<String, Integer> typical) {
            this(schema, fragments, variables, typical, new HashMap<>());
        }

        List<CostEstimate.Node> nodes(SelectionSet selections, GraphQLType parent) {
            List<CostEstimate.Node> nodes = new ArrayList<>();
            if (selections == null) {
                return nodes;
            }
            for (Selection<?> selection : selections.getSelections()) {
                switch (selection) {
                    case Field field -> nodes.add(node(field, parent));
                    case InlineFragment inline -> nodes.addAll(nodes(inline.getSelectionSet(),
                            inline.getTypeCondition() == null ? parent : schema.getType(inline.getTypeCondition().getName())));
                    case FragmentSpread spreadOf -> {
                        List<CostEstimate.Node> known = spread.get(spreadOf.getName());
                        if (known == null) {
                            FragmentDefinition fragment = fragments.get(spreadOf.getName());
                            known = nodes(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()));
                            spread.put(spreadOf.getName(), known);
                        }
                        nodes.addAll(known);
                    }
                    default -> {
                    }
                }
            }
            return nodes;
        }

        private CostEstimate.Node node(Field field, GraphQLType parent) {
            GraphQLFieldDefinition definition = definition(field.getName(), parent);
            if (definition == null) {
                return new CostEstimate.Node(field.getResultKey(), 1, false, List.of());
            }
            List<CostEstimate.Node> children = nodes(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
            if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()))) {
                return new CostEstimate.Node(field.getResultKey(), 1, false, children);
            }
            GraphQLArgument first = definition.getArgument("first");
            Integer written = first == null ? null : written(field);
            if (written != null) {
                return new CostEstimate.Node(field.getResultKey(), Math.max(written, 1), true, children);
            }
            Object page = first == null ? null : first.getArgumentDefaultValue().getValue();
            int defaultPage = page instanceof IntValue n ? n.getValue().intValueExact() : page instanceof Integer n ? n : Integer.MAX_VALUE;
            String type = parent instanceof GraphQLNamedType named ? named.getName() : "";
            Integer usual = typical.getOrDefault(type + "." + definition.getName(), typical.get(definition.getName()));
            int size = usual != null ? Math.min(usual, defaultPage) : first != null ? defaultPage : OTHER_LIST;
            return new CostEstimate.Node(field.getResultKey(), size, first != null, children);
        }

        /** The {@code first} the query gives, in the document or in a variable; null where it gives none. */
        private Integer written(Field field) {
            for (Argument argument : field.getArguments()) {
                if (argument.getName().equals("first")) {
                    Value<?> value = argument.getValue();
                    if (value instanceof IntValue n) {
                        return n.getValue().min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
                    }
                    if (value instanceof VariableReference v && variables.get(v.getName()) instanceof Integer n) {
                        return n;
                    }
                }
            }
            return null;
        }

        private GraphQLFieldDefinition definition(String name, GraphQLType parent) {
            return switch (name) {
                case "__schema" -> Introspection.SchemaMetaFieldDef;
                case "__type" -> Introspection.TypeMetaFieldDef;
                default -> parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
            };
        }
    }
}
