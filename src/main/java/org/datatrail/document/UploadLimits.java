package org.datatrail.document;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart upload larger than {@code datatrail.documents.max-size} is refused while the request is parsed, before
 * any controller runs: answered 413 with a JSON message like every other refused upload.
 */
@RestControllerAdvice
class UploadLimits {

    private final DocumentProperties limits;

    UploadLimits(DocumentProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", "Content Too Large", "message", "the document is larger than the " + limits.maxSize().toBytes()
                    + " bytes accepted (datatrail.documents.max-size)"));
    }
}
