package org.datatrail.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The contract's {@code Date}: an ISO-8601 calendar date, {@code YYYY-MM-DD}, read strictly. The extended scalars'
 * {@code Date} reads with a lenient pattern that moves an impossible date to the month's last day ({@code 2017-06-31}
 * became {@code 2017-06-30}, and a trace or a finding went on with a date nobody gave); here it is refused, naming the
 * value, as the facts files refuse it.
 */
final class CalendarDateScalar {

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
        .name("Date")
        .description("A calendar date, YYYY-MM-DD (ISO 8601). Only real dates: 2017-06-31 is refused, never moved to another day.")
        .coercing(new Coercing<LocalDate, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof TemporalAccessor t) {
                    return LocalDate.from(t).toString();
                }
                if (value instanceof String text) {
                    try {
                        return parse(text).toString();
                    }
                    catch (IllegalArgumentException e) {
                        throw new CoercingSerializeException(e.getMessage());
                    }
                }
                throw new CoercingSerializeException("not a date: " + value.getClass().getSimpleName());
            }

            @Override
            public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                if (!(input instanceof String text)) {
                    throw new CoercingParseValueException("expected a date as a string, YYYY-MM-DD, not a " + input.getClass().getSimpleName());
                }
                try {
                    return parse(text);
                }
                catch (IllegalArgumentException e) {
                    throw new CoercingParseValueException(e.getMessage());
                }
            }

            @Override
            public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (!(input instanceof StringValue text)) {
                    throw new CoercingParseLiteralException("expected a date as a string, YYYY-MM-DD");
                }
                try {
                    return parse(text.getValue());
                }
                catch (IllegalArgumentException e) {
                    throw new CoercingParseLiteralException(e.getMessage());
                }
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.of(serialize(input, context, locale));
            }
        })
        .build();

    private CalendarDateScalar() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong: not in the form YYYY-MM-DD, or no such day
     */
    static LocalDate parse(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("'" + shown + "' is not a date; expected YYYY-MM-DD");
        }
        try {
            // LocalDate.parse reads ISO_LOCAL_DATE, whose resolver is STRICT: no day is moved
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + shown + "' is not a calendar date; expected YYYY-MM-DD");
        }
    }
}
