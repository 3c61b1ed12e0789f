package org.datatrail.document;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an uploaded document, as stored and as every quote's offsets count it: PDFBox's text of a PDF, the
 * visible text of an HTML page's body (jsoup; scripts and styles left out, a blank line between blocks, a line break
 * at {@code <br>}), or a plain text decoded by its charset (UTF-8 unless the Content-Type says otherwise). In every
 * case line ends are {@code \n} and leading and trailing whitespace is removed.
 */
final class TextExtractor {

    static final String PLAIN = "text/plain";
    static final String HTML = "text/html";
    static final String PDF = "application/pdf";

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
            "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
            "tr", "ul", "title");

    private final Duration timeout;

    TextExtractor(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @param mediaType the base media type, lower case ({@link #PLAIN}, {@link #HTML} or {@link #PDF})
     * @param charset the charset the upload declared, or null
     * @throws DocumentRefusedException (400) when the bytes are not what the media type says, hold no text, or take longer
     *         than the extraction timeout
     */
    String extract(byte[] bytes, String mediaType, String charset) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("document-extraction").start(() -> {
            try {
                result.complete(extractNow(bytes, mediaType, charset));
            }
            catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        String text;
        try {
            text = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException e) {
            worker.interrupt();
            throw new DocumentRefusedException(400, "extracting the text of this " + mediaType + " took longer than " + timeout.toMillis()
                    + " ms (datatrail.documents.extraction-timeout); nothing was stored");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting a document's text", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof DocumentRefusedException refused) {
                throw refused;
            }
            throw new IllegalStateException("extracting a document's text failed", e.getCause());
        }
        if (text.isEmpty()) {
            throw new DocumentRefusedException(400, "no text could be extracted from this " + mediaType
                    + (PDF.equals(mediaType) ? " (a scanned PDF needs text recognition first)" : "") + "; nothing was stored");
        }
        return text;
    }

    private static String extractNow(byte[] bytes, String mediaType, String charset) {
        String text = switch (mediaType) {
            case PDF -> pdf(bytes);
            case HTML -> html(bytes, charset);
            default -> plain(bytes, charset);
        };
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static String pdf(byte[] bytes) {
        if (bytes.length < 5 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new DocumentRefusedException(400, "the body is not a PDF (it does not start with %PDF-); send the file itself, "
                    + "or the Content-Type that matches it");
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n");
            return stripper.getText(document);
        }
        catch (InvalidPasswordException e) {
            throw new DocumentRefusedException(400, "the PDF is encrypted with a password; attach a copy without one");
        }
        catch (IOException e) {
            throw new DocumentRefusedException(400, "the PDF cannot be read (" + e.getMessage() + "); it may be damaged or cut short");
        }
    }

    private static String html(byte[] bytes, String charset) {
        org.jsoup.nodes.Document page;
        try {
            page = Jsoup.parse(new java.io.ByteArrayInputStream(bytes), charset, "");
        }
        catch (IOException | IllegalArgumentException e) {
            throw new DocumentRefusedException(400, "the HTML cannot be read (" + e.getMessage() + ")");
        }
        page.select("script, style, noscript, template, head").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replaceAll("\\s+", " "));
                }
                else if (node instanceof Element e && e.nameIs("br")) {
                    out.append('\n');
                }
                else if (node instanceof Element e && (BLOCKS.contains(e.normalName()))) {
                    out.append("\n\n");
                }
                else if (node instanceof Element e && (e.nameIs("td") || e.nameIs("th"))) {
                    out.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append("\n\n");
                }
            }
        }, page.body() == null ? page : page.body());
        // Each line without the spaces around it, and at most one blank line between blocks.
        return out.toString().replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n").replaceAll(" {2,}", " ");
    }

    private static String plain(byte[] bytes, String charset) {
        Charset cs;
        try {
            cs = charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        }
        catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DocumentRefusedException(400, "unknown charset '" + charset + "' in the Content-Type; e.g. text/plain; charset=UTF-8");
        }
        String text;
        try {
            text = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            throw new DocumentRefusedException(400, "the text is not valid " + cs.name() + "; say its charset in the Content-Type "
                    + "(e.g. text/plain; charset=windows-1252)");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new DocumentRefusedException(400, "the body holds NUL characters, so it is not plain text; send the file with its own "
                    + "Content-Type (application/pdf or text/html)");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
