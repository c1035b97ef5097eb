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

    public UploadLimitHandler(EvidenceFiles files) {
        this.files = files;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("title", "Upload too large");
        model.addAttribute("message", "The files you attached are far too large and were not stored. We accept " + files.limits()
                + ". Go back and attach smaller files.");
        return "ui-error";
    }
}
