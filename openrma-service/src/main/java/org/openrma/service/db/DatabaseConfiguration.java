package org.openrma.service.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.openrma.service.OpenRmaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The service's one DataSource: the external PostgreSQL named by {@code OPENRMA_DB_URL} (or
 * {@code SPRING_DATASOURCE_URL}), else an embedded PostgreSQL 18 whose data stays in a local folder.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(OpenRmaProperties properties, Environment env, EmbeddedDatabase embedded) {
        OpenRmaProperties.Db db = properties.db();
        String url = firstNonBlank(db.url(), env.getProperty("spring.datasource.url"));
        String user = firstNonBlank(db.user(), env.getProperty("spring.datasource.username"));
        String password = firstNonBlank(db.password(), env.getProperty("spring.datasource.password"));
        HikariConfig config = new HikariConfig();
        config.setPoolName("openrma");
        config.setMaximumPoolSize(env.getProperty("openrma.db.pool-size", Integer.class, 10));
        if (url == null) {
            EmbeddedPostgres pg = embedded.start(Path.of(db.embeddedDataDir()), db.embeddedPort());
            url = pg.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = null;
            log.info("Using embedded PostgreSQL at {} (data in {})", url, Path.of(db.embeddedDataDir()).toAbsolutePath());
        }
        config.setJdbcUrl(url);
        config.setUsername(user);
        if (password != null) {
            config.setPassword(password);
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase() {
        return new EmbeddedDatabase();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** Holds the embedded server, if one was started, so it stops after the pool closes. */
    public static final class EmbeddedDatabase implements AutoCloseable {
        private EmbeddedPostgres server;

        synchronized EmbeddedPostgres start(Path dataDir, int port) {
            try {
                Files.createDirectories(dataDir);
                OrphanedPostgres.stopIfRunning(dataDir, Duration.ofSeconds(60));
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false);
                if (port > 0) {
                    builder.setPort(port);
                }
                server = builder.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir.toAbsolutePath(), e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
