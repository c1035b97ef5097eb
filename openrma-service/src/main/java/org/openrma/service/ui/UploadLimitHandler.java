package org.openrma.service.ui;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request body over the container's multipart limit (far above the per-file limit the portal
 * checks itself) is refused before any controller runs; this shows a page instead. The JSON API
 * takes no multipart bodies, so nothing else reaches it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimitHandler {

    private final EvidenceFiles files;
    private final UiMessages text;

    public UploadLimitHandler(EvidenceFiles files, UiMessages text) {
        this.files = files;
        this.text = text;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("title", text.get("common.error.upload-too-large"));
        model.addAttribute("message", text.get("common.error.upload-too-large-text", files.maxFiles(), files.maxMegabytes()));
        return "ui-error";
    }
}
