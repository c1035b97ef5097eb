package org.openrma.service;

import java.time.Clock;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.statute.StatuteLibrary;
import org.openrma.service.policy.BuiltInPolicies;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/** The RMA service: one stateless instance among possibly several sharing one PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenRmaApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenRmaApplication.class, args);
    }

    /** The only source of "now" in the service; tests replace it with a clock they move. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The five sample policies and the statutory packs packaged in the engine jar, compiled once, in the background from start-up. */
    @Bean
    BuiltInPolicies builtInPolicies() {
        return new BuiltInPolicies(PolicyCatalog::builtIn, StatuteLibrary::builtIn);
    }

    /** The compiled sample policies themselves, for whoever needs the catalog and not a merchant's view of it. */
    @Bean
    @Lazy
    PolicyCatalog builtInPolicyCatalog(BuiltInPolicies builtIn) {
        return builtIn.catalog();
    }
}
