package org.nnplayground.playground.store;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.web.ServerConfig;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's flags and environment variables, and how a DATABASE_URL becomes a JDBC connection. */
class StoreSettingsTest {
    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverDefaults() {
        StoreSettings d = ServerConfig.from(new String[0], Map.of()).store();
        // "data" unless the test fork named its own (pom.xml)
        assertEquals(Path.of(System.getProperty(StoreSettings.DEFAULT_DIR_PROPERTY, "data")), d.dataDir());
        assertNull(d.databaseUrl());
        assertEquals(90, d.retentionDays());
        assertEquals(10, d.savesPerMinute());
        StoreSettings s = ServerConfig.from(new String[] {"--data-dir", "/tmp/runs", "--retention-days", "7"},
                Map.of("DATA_DIR", "/ignored", "DATABASE_URL", "postgres://u:p@db:5433/play", "SAVES_PER_MINUTE", "3")).store();
        assertEquals(Path.of("/tmp/runs"), s.dataDir());
        assertEquals("postgres://u:p@db:5433/play", s.databaseUrl());
        assertEquals(7, s.retentionDays());
        assertEquals(3, s.savesPerMinute());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--retention-days", "-1"}, Map.of()));
        assertTrue(e.getMessage().contains("retention-days"), e.getMessage());
    }

    @Test
    void databaseUrlsBecomeJdbcConnections() {
        StoreSettings.Connection h2 = new StoreSettings(Path.of("d"), null, 1, 1, 1).jdbc();
        assertTrue(h2.isH2());
        assertTrue(h2.url().contains("MODE=PostgreSQL"), h2.url());
        StoreSettings.Connection hosted = new StoreSettings(Path.of("d"), "postgres://me:s%40cret@db.example:5433/play?sslmode=require", 1, 1, 1).jdbc();
        assertEquals("jdbc:postgresql://db.example:5433/play?sslmode=require", hosted.url());
        assertEquals("me", hosted.user());
        assertEquals("s@cret", hosted.password());
        StoreSettings.Connection jdbc = new StoreSettings(Path.of("d"), "jdbc:postgresql://h/db?user=a", 1, 1, 1).jdbc();
        assertEquals("jdbc:postgresql://h/db?user=a", jdbc.url());
        assertNull(jdbc.user());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StoreSettings(Path.of("d"), "mysql://h/db", 1, 1, 1).jdbc());
        assertTrue(e.getMessage().startsWith("database-url must be a PostgreSQL URL"));
    }
}
