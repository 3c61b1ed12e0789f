package org.datatrail.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.datatrail.security.AccessRefusal;
import org.datatrail.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /sources/{id}/document}, for INVESTIGATOR and ADMIN tokens: the document as the request body (with its
 * Content-Type) or as multipart field {@code file}. Answers 201 with what was attached and which quotes citing the source
 * the document does not hold; 200 when the source already has these very bytes (nothing changes); 400, 404, 413 or 415
 * with a JSON message when the upload is refused (nothing is stored).
 */
@RestController
class DocumentUploadController {

    private final DocumentAttach documents;

    DocumentUploadController(DocumentAttach documents) {
        this.documents = documents;
    }

    /** The answer: the attached document and the quote check (the contract's JSON). */
    record Answer(String source, String sha256, int characters, int quotesChecked, java.util.List<DocumentAttach.NotFound> quotesNotFound) {
    }

    // On each endpoint rather than the class: the class's exception handlers must answer a refused caller too.
    @PreAuthorize("hasAnyRole('INVESTIGATOR', 'ADMIN')")
    @PostMapping(value = "/sources/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answer> attachPart(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw new DocumentRefusedException(400, "a multipart upload needs the document in a field named 'file'");
        }
        String type = file.getContentType();
        if (type == null || type.equals(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
            type = byExtension(file.getOriginalFilename());
        }
        return answer(documents.attach(id, file.getBytes(), type, file.getOriginalFilename(), caller()));
    }

    @PreAuthorize("hasAnyRole('INVESTIGATOR', 'ADMIN')")
    @PostMapping(value = "/sources/{id}/document", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answer> attachBody(@PathVariable String id, HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > documents.maxBytes()) {
            throw new DocumentRefusedException(413, "the document is " + declared + " bytes; at most " + documents.maxBytes()
                    + " are accepted (datatrail.documents.max-size)");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // one byte more than allowed, to tell "too large" from "exactly the limit" without reading the rest
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, documents.maxBytes() + 1));
        }
        return answer(documents.attach(id, body, request.getContentType(), null, caller()));
    }

    private static ResponseEntity<Answer> answer(DocumentAttach.Attached a) {
        return ResponseEntity.status(a.changed() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new Answer(a.source(), a.sha256(), a.characters(), a.quotesChecked(), a.quotesNotFound()));
    }

    private static String byExtension(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return TextExtractor.PDF;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return TextExtractor.HTML;
        }
        return name.endsWith(".txt") ? TextExtractor.PLAIN : null;
    }

    private static Caller caller() {
        return Caller.current().orElseThrow();
    }

    @ExceptionHandler(DocumentRefusedException.class)
    ResponseEntity<Map<String, String>> refused(DocumentRefusedException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", HttpStatus.valueOf(e.status()).getReasonPhrase(), "message", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", "Forbidden", "message", AccessRefusal.message(e, "attaching a document")));
    }
}
