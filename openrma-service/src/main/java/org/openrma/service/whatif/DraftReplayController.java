package org.openrma.service.whatif;

import org.openrma.service.web.Input;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.openrma.service.access.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replays a draft policy against the merchant's stored claims before it is published. Body:
 * {@code {"source": "<draft policy YAML>"}}; the answer is the replay report as JSON, or as a
 * self-contained HTML page when the client accepts {@code text/html} first.
 */
@RestController
@RequestMapping("/api/v1/policies/drafts")
public class DraftReplayController {

    private final DraftReplays replays;

    public DraftReplayController(DraftReplays replays) {
        this.replays = replays;
    }

    @Input

    public record DraftReplay(@NotBlank @Schema(description = "a draft policy YAML") String source) {}

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the replay report", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @Schema(
                    description = "the replay report (openrma-whatif's replay.json), typed in ReplayReportSchema")),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/html", schema = @Schema(type = "string"))})
    @PostMapping(value = "/replay", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE})
    public ResponseEntity<String> replay(Caller caller, @RequestBody @Valid DraftReplay body,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Accept", required = false) String accept) {
        var admin = caller.requireAdmin();
        String source = body.source();
        DraftReplays.Report report = replays.replay(admin.merchantId(), source);
        boolean html = accept != null && accept.startsWith(MediaType.TEXT_HTML_VALUE);
        return ResponseEntity.ok()
                .contentType(html ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON)
                .body(html ? report.html() : report.json());
    }
}
