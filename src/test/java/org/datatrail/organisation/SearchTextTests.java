package org.datatrail.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTextTests {

    @Test
    void foldsCaseAccentsApostrophesAndPunctuation() {
        assertThat(SearchText.fold("Emma’s Diary")).isEqualTo("emmas diary");
        assertThat(SearchText.fold("EMMA'S-DIARY!")).isEqualTo("emmas diary");
        assertThat(SearchText.fold("Bébé Club (UK) Ltd.")).isEqualTo("bebe club uk ltd");
        assertThat(SearchText.fold("Lifecycle Marketing (Mother and Baby) Ltd")).isEqualTo("lifecycle marketing mother and baby ltd");
    }

    @Test
    void storesNameAndAliasesOncePerLine() {
        assertThat(SearchText.of("Emma's Diary", List.of("Emma’s Diary", "LCMB"))).isEqualTo("emmas diary\nlcmb");
    }
}
