package org.openrma.service.ops;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Requests run on virtual threads by default where the JDK no longer pins a virtual thread to its carrier inside
 * {@code synchronized} (JDK 24 and later, JEP 491). A request that waits for a database connection or an answer then
 * parks without an operating-system thread switch: bench/BENCHMARKS-history.md S6 measured reads at a third less of the service's CPU
 * each and 20–39% more of them a second. On JDK 21–23 a request waiting inside a library's {@code synchronized} block
 * would hold its carrier, so the platform threads stay the default there. Whoever sets
 * {@code spring.threads.virtual.enabled} (application.yml, {@code SPRING_THREADS_VIRTUAL_ENABLED}, a command-line flag)
 * decides: this goes into the default properties, the lowest of property sources.
 */
public class VirtualThreadsByDefault implements EnvironmentPostProcessor {

    static final String PROPERTY = "spring.threads.virtual.enabled";
    /** The first JDK whose virtual threads unmount inside {@code synchronized} (JEP 491). */
    static final int FIRST_JDK_WITHOUT_PINNING = 24;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(Map.of(PROPERTY, String.valueOf(byDefault(Runtime.version().feature()))),
                environment.getPropertySources());
    }

    static boolean byDefault(int jdkFeatureRelease) {
        return jdkFeatureRelease >= FIRST_JDK_WITHOUT_PINNING;
    }
}
