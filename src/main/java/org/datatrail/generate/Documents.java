package org.datatrail.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The generated sources' documents: plain-text reports of two to four pages (about 3,000 characters a page), one per
 * source for the first {@code documents} sources, written to {@code <out>/documents/<source id>.txt}, the names
 * {@code source attach --dir} takes. Each holds, word for word, every quote citing its source (so every quote check
 * passes once attached), spread among sentences that name a handful of the network's organisations, brokers most
 * often, by their full names, so that document search finds them and each passage has organisations it mentions.
 * Paragraphs of four to six sentences, separated by blank lines, are what document search cuts into passages.
 */
final class Documents {

    /** The folder of the generator's output that holds the documents. */
    static final String FOLDER = "documents";

    private static final int PAGE = 3_000;
    /** About how long a filler sentence is, to spread the quotes over the pages. */
    private static final int SENTENCE = 110;

    private static final String[] GROUPS = { "new and expectant mothers", "pensioners", "students", "homeowners", "voters in marginal seats",
        "members of a loyalty scheme", "people who entered a prize draw", "families with young children" };
    private static final String[] PURPOSES = { "direct marketing", "political campaigning", "profiling", "data resale", "email marketing",
        "postal marketing", "third-party marketing" };
    /** Filler sentences: {a} and {b} organisations' names, {g} a group, {p} a purpose, {y} a year, {n} a number, {w} the publisher. */
    private static final String[] SENTENCES = { "{a} told the {w} that it had bought {n} records from {b} in {y}.",
        "According to documents seen by the {w}, {a} shared the contact details of {g} with {b} for {p}.",
        "{a} did not respond to requests for comment.", "The regulator said it was looking into how {a} obtained consent for {p}.",
        "A former employee of {a} described the list as covering {g} across the country.",
        "Invoices show payments from {b} to {a} in {y} for what was described as {p}.",
        "The privacy notice of {a} mentioned {p} only in a footnote.", "{b} said it had stopped working with {a} after the complaint.",
        "Nothing in the sign-up form told {g} that their details would be passed on.",
        "Analysts estimated that the register held {n} entries, many of them about {g}." };

    private final Records out;
    private final NetworkGenerator.Shape shape;
    private final IntFunction<String> names;
    private final SplittableRandom random;

    Documents(Records out, NetworkGenerator.Shape shape, IntFunction<String> names) {
        this.out = out;
        this.shape = shape;
        this.names = names;
        this.random = out.documentRandom;
    }

    void write() {
        Path folder = out.dir().resolve(FOLDER);
        try {
            Files.createDirectories(folder);
            for (int s = 0; s < out.documents(); s++) {
                Files.writeString(folder.resolve("gen-source-" + s + ".txt"), text(s, out.quotes(s)), StandardCharsets.UTF_8);
                out.count("documents");
                out.count("documents.quotes", out.quotes(s).size());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated documents to " + folder, e);
        }
    }

    /** Source {@code s}'s document: a title, then paragraphs of filler sentences with its quotes among them. */
    String text(int s, List<String> quotes) {
        int[] cast = new int[3 + random.nextInt(4)];
        for (int i = 0; i < cast.length; i++) {
            cast[i] = random.nextInt(3) > 0 ? shape.pickBroker(random) : random.nextInt(shape.organisations());
        }
        int sentences = Math.max((2 + random.nextInt(3)) * PAGE / SENTENCE, quotes.size());
        // the sentence each quote comes before, in order, so the quotes keep the order they were written in
        int[] at = new int[quotes.size()];
        for (int q = 0; q < at.length; q++) {
            at[q] = random.nextInt(sentences);
        }
        Arrays.sort(at);
        StringBuilder text = new StringBuilder("Synthetic investigation report ").append(s).append("\n\nPublished by the ")
            .append(NetworkGenerator.publisher(s)).append(".\n\n");
        int q = 0;
        int inParagraph = 0;
        int paragraph = 4 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            while (q < at.length && at[q] == i) {
                text.append(quotes.get(q++)).append(". ");
            }
            text.append(sentence(s, cast));
            if (++inParagraph == paragraph && i < sentences - 1) {
                text.append("\n\n");
                inParagraph = 0;
                paragraph = 4 + random.nextInt(3);
            }
            else {
                text.append(' ');
            }
        }
        return text.toString().strip() + "\n";
    }

    private String sentence(int s, int[] cast) {
        int a = random.nextInt(cast.length);
        int b = (a + 1 + random.nextInt(cast.length - 1)) % cast.length;
        return SENTENCES[random.nextInt(SENTENCES.length)].replace("{a}", names.apply(cast[a])).replace("{b}", names.apply(cast[b]))
            .replace("{g}", GROUPS[random.nextInt(GROUPS.length)]).replace("{p}", PURPOSES[random.nextInt(PURPOSES.length)])
            .replace("{y}", Integer.toString(2015 + random.nextInt(8))).replace("{n}", String.format(Locale.ROOT, "%,d", 1_000 * (1 + random.nextInt(900))))
            .replace("{w}", NetworkGenerator.publisher(s));
    }
}
