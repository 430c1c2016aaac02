package org.telereg.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context the tests start a database of its own: an in-memory H2 in
 * PostgreSQL mode by default, or — when the build runs with {@code -Dtelereg.test.database=postgresql}
 * — a fresh database on the real PostgreSQL server. The same migrations run on both.
 */
public class TestDatabases implements EnvironmentPostProcessor {

    static final String DATABASE = "telereg.test.database";
    static final String POSTGRES_URL = "telereg.test.postgres.url";
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/telereg_it";

    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static final AtomicBoolean OLD_DATABASES_DROPPED = new AtomicBoolean();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains("commandLineArgs")
                && environment.getPropertySources().get("commandLineArgs").containsProperty("spring.datasource.url")) {
            return;
        }
        int context = CONTEXTS.incrementAndGet();
        Map<String, Object> properties = usesPostgres()
                ? Map.of(
                        "spring.datasource.url", freshPostgresDatabase(context),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "")
                : Map.of(
                        "spring.datasource.url",
                        "jdbc:h2:mem:telereg-" + context
                                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "spring.datasource.username",
                        "sa",
                        "spring.datasource.password",
                        "");
        environment.getPropertySources().addFirst(new MapPropertySource("telereg-test-database", properties));
    }

    static boolean usesPostgres() {
        return "postgresql".equals(System.getProperty(DATABASE));
    }

    static String postgresUrl() {
        return System.getProperty(POSTGRES_URL, DEFAULT_POSTGRES_URL);
    }

    /** Whether the PostgreSQL server of the tests answers. */
    static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(serverUrl(), "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String freshPostgresDatabase(int context) {
        String base = postgresUrl();
        String name = base.substring(base.lastIndexOf('/') + 1) + "_"
                + ProcessHandle.current().pid() + "_" + context;
        try (Connection server = DriverManager.getConnection(serverUrl(), "postgres", "");
                Statement sql = server.createStatement()) {
            if (OLD_DATABASES_DROPPED.compareAndSet(false, true)) {
                // Databases left by earlier runs; the names carry the base name so nothing else matches, and
                // the process id, so a run going on beside this one (another checkout) keeps its databases.
                List<String> old = new ArrayList<>();
                try (ResultSet rs = sql.executeQuery("select datname from pg_database where datname like '"
                        + base.substring(base.lastIndexOf('/') + 1) + "\\_%'")) {
                    while (rs.next()) {
                        if (!ownerAlive(rs.getString(1))) {
                            old.add(rs.getString(1));
                        }
                    }
                }
                for (String database : old) {
                    sql.execute("drop database if exists " + database + " with (force)");
                }
            }
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not reachable at " + serverUrl() + " (start it, e.g. with .ci/run): "
                            + e.getMessage(),
                    e);
        }
        return base.substring(0, base.lastIndexOf('/') + 1) + name;
    }

    /** Whether the test run that created a database ({@code <base>_<pid>_<context>}) is still running. */
    private static boolean ownerAlive(String database) {
        String[] parts = database.split("_");
        try {
            long pid = Long.parseLong(parts[parts.length - 2]);
            return pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static String serverUrl() {
        String base = postgresUrl();
        return base.substring(0, base.lastIndexOf('/') + 1) + "postgres";
    }
}
