package org.nnplayground.playground.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where and how runs are stored (README's configuration table).
 *
 * @param dataDir        directory of the embedded H2 database (used when databaseUrl is null)
 * @param databaseUrl    a PostgreSQL URL ({@code jdbc:postgresql://...} or {@code postgres://user:pw@host/db}), or null
 * @param retentionDays  runs not opened for this many days are deleted (0 = keep for ever)
 * @param savesPerMinute saves allowed per client address per minute
 * @param maxRunBytes    largest stored snapshot
 * @param budgetMb       most MiB that saved runs and checkpoints may take together ({@link StoreBudget})
 */
public record StoreSettings(Path dataDir, String databaseUrl, int retentionDays, int savesPerMinute, int maxRunBytes, int budgetMb) {
    /** 8 MiB: the largest network (100,000 parameters, with Adam's moments) plus a 2 MiB CSV fits. */
    public static final int DEFAULT_MAX_RUN_BYTES = 8 * 1024 * 1024;
    /** 2 GiB: about 400 of the largest runs, or thousands of class-sized ones. */
    public static final int DEFAULT_BUDGET_MB = 2048;

    /** The default budget. */
    public StoreSettings(Path dataDir, String databaseUrl, int retentionDays, int savesPerMinute, int maxRunBytes) {
        this(dataDir, databaseUrl, retentionDays, savesPerMinute, maxRunBytes, DEFAULT_BUDGET_MB);
    }

    /**
     * A system property naming the default data directory instead of {@code data}: the test forks
     * (pom.xml) each set their own, since two JVMs cannot open one H2 file.
     */
    public static final String DEFAULT_DIR_PROPERTY = "playground.defaultDataDir";

    public static StoreSettings defaults() {
        Path dir = Path.of(System.getProperty(DEFAULT_DIR_PROPERTY, "data"));
        return new StoreSettings(dir, null, 90, 10, DEFAULT_MAX_RUN_BYTES, DEFAULT_BUDGET_MB);
    }

    /** The budget in bytes. */
    public long budgetBytes() { return (long) budgetMb << 20; }

    /** The embedded database's name: H2 keeps it in {@code <data dir>/playground.mv.db}. */
    private static final String H2_NAME = "playground";

    /** The embedded database's file (it exists once something was stored). */
    Path h2File() { return dataDir.toAbsolutePath().resolve(H2_NAME + ".mv.db"); }

    /** The JDBC URL, user and password to connect with. */
    Connection jdbc() {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            // PostgreSQL mode so the migrations are the same SQL; WRITE_DELAY=0 writes each commit at
            // once (a killed server loses no saved run)
            String file = dataDir.toAbsolutePath().resolve(H2_NAME).toString();
            return new Connection("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0", "sa", "");
        }
        if (databaseUrl.startsWith("jdbc:")) return new Connection(databaseUrl, null, null);
        if (databaseUrl.startsWith("postgres://") || databaseUrl.startsWith("postgresql://")) {
            // the usual DATABASE_URL form of hosting platforms: postgres://user:password@host:port/db
            URI uri = URI.create(databaseUrl);
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                if (parts.length > 1) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new Connection("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
        }
        throw new IllegalArgumentException("database-url must be a PostgreSQL URL (jdbc:postgresql://host/db or postgres://user:password@host/db)");
    }

    /** How to connect; user and password may be null (then the URL carries them). */
    record Connection(String url, String user, String password) {
        boolean isH2() { return url.startsWith("jdbc:h2:"); }
    }
}
