package org.nnplayground.playground.store;

/**
 * The PostgreSQL the tests use: {@code PG_TEST_URL} (scripts/test-services.sh starts one), or null
 * when it is not set (the tests that need it skip). Test forks run side by side (pom.xml), so each
 * fork takes its own database ({@code playground_<fork>}) when the script made them
 * ({@code PG_TEST_FORK_DATABASES}): one fork's replicas, rooms and notifications never reach another's.
 */
public final class TestPostgres {
    private TestPostgres() {}

    public static String url() {
        String url = System.getenv("PG_TEST_URL");
        if (url == null || url.isBlank()) return null;
        String fork = System.getProperty("playground.testFork");
        int forks = parse(System.getenv("PG_TEST_FORK_DATABASES"));
        int n = parse(fork);
        if (n < 1 || n > forks) return url;
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base + "_" + n + rest;
    }

    private static int parse(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
