package dev.storyvault.coordination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param backend {@code auto} (local on SQLite; on PostgreSQL redis when {@code redisUrl} is set,
 *     else postgresql), {@code local}, {@code redis} or {@code postgresql}
 */
@ConfigurationProperties("storyvault.coordination")
public record CoordinationProperties(
    @DefaultValue("auto") String backend,
    @DefaultValue("") String redisUrl,
    @DefaultValue("sv") String namespace) {}
