package org.datatrail.document;

import java.time.OffsetDateTime;

/**
 * A source's attached document as the API shows it: its metadata, and whether its source is public (which decides who
 * may read its text). The text itself is read a stretch at a time ({@code Document.text}).
 *
 * @param source id of the source it is attached to
 * @param sha256 SHA-256 of the uploaded bytes, hex
 * @param mediaType the media type it was uploaded as
 * @param characters length of the extracted text
 * @param attachedAt when it was attached
 * @param open whether its source is public
 */
public record Document(String source, String sha256, String mediaType, int characters, OffsetDateTime attachedAt, boolean open) {
}
