package org.openrma.service.merchant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start-up, encrypts merchant secrets a database still holds in plain text (from before encryption at rest). */
@Component
@Order(0)
public class SecretsAtRest implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretsAtRest.class);

    private final Merchants merchants;

    public SecretsAtRest(Merchants merchants) {
        this.merchants = merchants;
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = merchants.sealPlaintextSecrets();
        if (sealed > 0) {
            log.info("Encrypted the plain-text webhook secrets and SMTP passwords of {} merchant(s)", sealed);
        }
    }
}
