package dev.storyvault.database;

/**
 * Which database this is. Statements are plain SQL both accept; where they cannot be (full-text search,
 * write serialization) the choice is made once, by this value, in a configuration class.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    static Dialect fromJdbcUrl(String url) {
        if (url.startsWith("jdbc:sqlite:")) return SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalStateException("Unsupported database URL (use jdbc:sqlite: or jdbc:postgresql:): " + url);
    }
}
