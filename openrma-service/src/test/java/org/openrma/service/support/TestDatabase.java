package org.openrma.service.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the integration tests use: a fresh database on the server at 127.0.0.1:5432
 * (db {@code test}, user postgres) when it is reachable, dropped when the JVM exits; otherwise an
 * embedded PostgreSQL in a temporary folder.
 */
public final class TestDatabase {

    private static final String SERVER = System.getProperty("openrma.test.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private static String url;

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) {
            url = external();
            if (url == null) {
                url = embedded();
            }
        }
        return url;
    }

    public static String user() {
        return "postgres";
    }

    private static String external() {
        String name = "openrma_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(SERVER + "test?connectTimeout=2", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            return null;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // left behind; harmless
            }
        }));
        return SERVER + name;
    }

    private static String embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("openrma-it-pg")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
