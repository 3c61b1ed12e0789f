package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** graphql-java's and java.time's internals taken out of error messages, the rest kept. */
class SafeErrorMessagesTests {

    @Test
    void aLiteralIsNotPrintedAsGraphqlJavasObject() {
        assertThat(SafeErrorMessages.clean("Validation error (WrongType@[search]) : argument 'first' with value 'IntValue{value=2147483648}' "
                + "is not a valid 'Int' - Expected value to be in the integer range, but it was a '2147483648'"))
            .isEqualTo("Validation error (WrongType@[search]) : argument 'first' is not a valid 'Int' - Expected value to be in the integer "
                    + "range, but it was a '2147483648'");
        assertThat(SafeErrorMessages.clean("Validation error (WrongType@[traceFlows]) : argument 'purpose' with value "
                + "'ArrayValue{values=[StringValue{value='a'}]}' is not a valid 'String' - Expected a String"))
            .isEqualTo("Validation error (WrongType@[traceFlows]) : argument 'purpose' is not a valid 'String' - Expected a String");
    }

    @Test
    void nullAndObjectLiteralsAreNotPrintedEither() {
        assertThat(SafeErrorMessages.clean("Validation error (WrongType@[search]) : argument 'text' with value 'NullValue{}' must not be null"))
            .isEqualTo("Validation error (WrongType@[search]) : argument 'text' must not be null");
        assertThat(SafeErrorMessages.clean("Validation error (WrongType@[recordSource]) : argument 'input' with value 'ObjectValue{objectFields="
                + "[ObjectField{name='id', value=StringValue{value='x'}}, ObjectField{name='noSuchField', value=StringValue{value='nope'}}]}' "
                + "contains a field not in 'SourceInput': 'noSuchField'"))
            .isEqualTo("Validation error (WrongType@[recordSource]) : argument 'input' contains a field not in 'SourceInput': 'noSuchField'");
        assertThat(SafeErrorMessages.clean("Variable 'until' has an invalid value: Expected a 'String' or 'java.time.temporal.TemporalAccessor' "
                + "but was 'Double'."))
            .isEqualTo("Variable 'until' has an invalid value: expected a date as a string, YYYY-MM-DD, not a Double");
    }

    @Test
    void aDateErrorSaysTheFormatInsteadOfJavaTimesMessage() {
        assertThat(SafeErrorMessages.clean("Variable 'since' has an invalid value: Invalid RFC3339 full date value : 'x'. because of : "
                + "'Text 'x' could not be parsed at index 0'"))
            .isEqualTo("Variable 'since' has an invalid value: 'x' is not a date; expected YYYY-MM-DD");
        assertThat(SafeErrorMessages.clean("Validation error (WrongType@[traceFlows]) : argument 'since' with value 'StringValue{value='2017-02-30'}' "
                + "is not a valid 'Date' - Invalid RFC3339 full date value : '2017-02-30'. because of : 'Text '2017-02-30' could not be parsed: "
                + "Invalid date 'FEBRUARY 30''"))
            .isEqualTo("Validation error (WrongType@[traceFlows]) : argument 'since' is not a valid 'Date' - '2017-02-30' is not a date; "
                    + "expected YYYY-MM-DD");
    }

    @Test
    void aMessageWithoutInternalsIsTheSameString() {
        String message = "Argument 'maxHops' must be between 1 and 8, was 9";
        assertThat(SafeErrorMessages.clean(message)).isSameAs(message);
    }
}
