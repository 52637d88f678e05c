package dev.storyvault.database;

/**
 * The SQL differences between the two databases live here and nowhere else.
 * Most statements are plain SQL that both accept; this names the few that are not.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    static Dialect fromJdbcUrl(String url) {
        if (url.startsWith("jdbc:sqlite:")) return SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalStateException("Unsupported database URL (use jdbc:sqlite: or jdbc:postgresql:): " + url);
    }

    /** A text value that must be stored as structured JSON where the database has a JSON type. */
    public String jsonParameter() {
        return this == POSTGRESQL ? "CAST(? AS jsonb)" : "?";
    }
}
