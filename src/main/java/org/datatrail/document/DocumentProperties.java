package org.datatrail.document;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on attached documents ({@code datatrail.documents.*}); an upload outside them is refused and nothing is stored.
 *
 * @param maxSize largest upload accepted (413 beyond it); also the multipart file limit
 * @param mediaTypes the media types accepted (415 for any other); each needs an extractor, so only a subset of
 *        {@code text/plain}, {@code text/html} and {@code application/pdf} makes sense
 * @param extractionTimeout longest the text extraction may take (400 beyond it: a pathological PDF must not hold a
 *        request thread for minutes)
 */
@ConfigurationProperties("datatrail.documents")
public record DocumentProperties(@DefaultValue("20MB") DataSize maxSize,
        @DefaultValue({ "text/plain", "text/html", "application/pdf" }) List<String> mediaTypes,
        @DefaultValue("30s") Duration extractionTimeout) {
}
