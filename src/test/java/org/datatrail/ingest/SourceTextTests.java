package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding a quote in a document's text: the {@link Quotes} rule with offsets into the text as stored, its context, and suggestions. */
class SourceTextTests {

    static final String TEXT = """
            Labour used data.

            The Information Commissioner’s Office has fined “baby club” Emma’s Diary\u00a0£140,000 after it shared
            records with Experian. It was they who sold it on.

            A final paragraph without an end""";

    @Test
    void aQuoteWithPlainApostrophesAndOtherWhitespaceIsFoundWhereTheTextSpellsItTypographically() {
        SourceText text = new SourceText(TEXT);

        var at = text.locate("Commissioner's Office has fined \"baby club\" Emma's Diary £140,000 after it shared records").orElseThrow();

        assertThat(at.start()).isEqualTo(TEXT.indexOf("Commissioner’s"));
        assertThat(at.end()).isEqualTo(TEXT.indexOf(" with Experian"));
        assertThat(TEXT.substring(at.start(), at.end()))
            .isEqualTo("Commissioner’s Office has fined “baby club” Emma’s Diary\u00a0£140,000 after it shared\nrecords");
        assertThat(at.context()).isEqualTo(
                "The Information Commissioner’s Office has fined “baby club” Emma’s Diary\u00a0£140,000 after it shared records with Experian.");
    }

    @Test
    void theContextIsTheSentenceAroundTheQuoteOrItsParagraph() {
        SourceText text = new SourceText(TEXT);

        assertThat(text.locate("sold it").orElseThrow().context()).isEqualTo("It was they who sold it on.");
        assertThat(text.locate("used data.").orElseThrow().context()).isEqualTo("Labour used data.");
        assertThat(text.locate("without an").orElseThrow().context()).isEqualTo("A final paragraph without an end");
        assertThat(text.locate("records with Experian. It was").orElseThrow().context())
            .startsWith("The Information Commissioner’s").endsWith("It was they who sold it on.");
    }

    @Test
    void aQuoteNotInTheTextIsNotFoundAndTheClosestPassageIsSuggested() {
        SourceText text = new SourceText(TEXT);

        assertThat(text.locate("Emmas Diary")).isEmpty();
        assertThat(text.locate("   ")).isEmpty();
        assertThat(text.closest("the Commissioner fined the baby club Emma's Diary")).isEqualTo(
                "The Information Commissioner’s Office has fined “baby club” Emma’s Diary\u00a0£140,000 after it shared records with Experian.");
        assertThat(text.closest("nothing here matches zzz")).isNull();
    }

    @Test
    void offsetsAgreeWithTheRuleThatAppearsInApplies() {
        String doc = "  a\tb  \n\n c’d \u00a0e ";
        SourceText text = new SourceText(doc);

        assertThat(Quotes.normalise(doc)).isEqualTo("a b c'd e");
        var at = text.locate("b c'd").orElseThrow();
        assertThat(doc.substring(at.start(), at.end())).isEqualTo("b  \n\n c’d");
        assertThat(Quotes.appearsIn("b c'd", doc)).isTrue();
    }
}
