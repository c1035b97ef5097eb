package org.openrma.service.whatif;

import org.openrma.service.access.Caller;
import org.openrma.service.web.Body;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

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

    @PostMapping(value = "/replay", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE})
    public ResponseEntity<String> replay(Caller caller, @RequestBody JsonNode body,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Accept", required = false) String accept) {
        var admin = caller.requireAdmin();
        Body b = Body.of(body, "source");
        String source = b.text("source", true);
        b.done();
        DraftReplays.Report report = replays.replay(admin.merchantId(), source);
        boolean html = accept != null && accept.startsWith(MediaType.TEXT_HTML_VALUE);
        return ResponseEntity.ok()
                .contentType(html ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON)
                .body(html ? report.html() : report.json());
    }
}
