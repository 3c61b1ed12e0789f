package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphQlErrorsTests {

    @Test
    void problemLocationsBecomeMutationInputFields() {
        assertThat(GraphQlErrors.inputField("transfers[0].to")).isEqualTo("input.to");
        assertThat(GraphQlErrors.inputField("transfers[0].evidence[1].source")).isEqualTo("input.evidence[1].source");
        assertThat(GraphQlErrors.inputField("")).isEqualTo("input");
    }
}
