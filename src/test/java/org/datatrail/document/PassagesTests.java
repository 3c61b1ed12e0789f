package org.datatrail.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a document's text is cut into the passages search finds, and which words of a passage a search highlights. */
class PassagesTests {

    @Test
    void paragraphsArePassagesAndALongOneIsCutAtSentenceEnds() {
        String sentence = "This sentence has exactly fifty characters in it. ";
        String longParagraph = sentence.repeat(13).strip();
        String text = "Title\n\n  First paragraph.\nSame paragraph.\n\n\n" + longParagraph;

        List<Passages.Span> spans = Passages.of(text);

        assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).containsExactly("Title", "First paragraph.\nSame paragraph.",
                sentence.repeat(12).strip(), sentence.strip());
        assertThat(spans.get(2).end() - spans.get(2).start()).isLessThanOrEqualTo(Passages.MAX);
    }

    @Test
    void aSentenceLongerThanAPassageIsCutAtASpace() {
        String text = "word ".repeat(200).strip();

        assertThat(Passages.of(text)).allSatisfy(s -> assertThat(s.end() - s.start()).isLessThanOrEqualTo(Passages.MAX))
            .extracting(s -> text.substring(s.start(), s.end()).length()).containsExactly(599, 399);
    }

    @Test
    void theWordsASearchMatchedAreHighlightedExactlyOrAsPrefixes() {
        String passage = "Emma’s Diary sold data to Experian Marketing.";

        assertThat(DocumentSearch.highlights(passage, List.of("emmas", "market")))
            .containsExactly(new Passage.Highlight(0, 6), new Passage.Highlight(35, 44));
    }
}
