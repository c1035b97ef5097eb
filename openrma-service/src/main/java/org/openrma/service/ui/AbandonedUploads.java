package org.openrma.service.ui;

import java.time.Duration;
import org.openrma.service.deadline.Housekeeping;
import org.springframework.stereotype.Component;

/** Hourly, the files customers chose for forms they never sent again, and staging folders a stopped instance left. */
@Component
class AbandonedUploads implements Housekeeping {

    private final EvidenceFiles files;

    AbandonedUploads(EvidenceFiles files) {
        this.files = files;
    }

    @Override
    public String name() {
        return "abandoned-upload-cleanup";
    }

    @Override
    public Duration every() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        files.forgetAbandoned();
    }
}
