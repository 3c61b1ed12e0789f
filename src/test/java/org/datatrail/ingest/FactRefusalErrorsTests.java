package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactRefusalErrorsTests {

    @Test
    void problemLocationsBecomeMutationInputFields() {
        assertThat(FactRefusalErrors.inputField("transfers[0].to")).isEqualTo("input.to");
        assertThat(FactRefusalErrors.inputField("transfers[0].evidence[1].source")).isEqualTo("input.evidence[1].source");
        assertThat(FactRefusalErrors.inputField("")).isEqualTo("input");
    }
}
