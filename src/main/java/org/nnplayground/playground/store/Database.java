package org.nnplayground.playground.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Opens the store's database for one of its users (saved runs, class rooms): a small HikariCP pool
 * with short timeouts (a database that is down answers within seconds instead of hanging a
 * request), on a schema Flyway has brought up to date ({@code db/migration}, the same SQL on H2
 * and PostgreSQL).
 */
final class Database {
    private static final long CONNECT_TIMEOUT_MS = 3000;

    private Database() {}

    /** A migrated pool named {@code name}; {@code what} names the tables in error messages. */
    static HikariDataSource open(StoreSettings settings, String name, int size, String what) {
        StoreSettings.Connection c = settings.jdbc();
        if (c.isH2()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new StoreException("cannot create the data directory " + settings.dataDir().toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(c.url());
        if (c.user() != null) config.setUsername(c.user());
        if (c.password() != null) config.setPassword(c.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setValidationTimeout(1000);
        config.setInitializationFailTimeout(-1); // start even when the database is down: its users then answer an error
        config.setPoolName(name);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot prepare the " + what + " (" + withoutCredentials(c.url()) + "): " + rootMessage(e), e);
        }
        return pool;
    }

    /** The innermost cause's message: the one that says what went wrong. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The URL without credentials, for messages. */
    private static String withoutCredentials(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
