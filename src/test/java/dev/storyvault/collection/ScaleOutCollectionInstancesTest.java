package dev.storyvault.collection;

import static dev.storyvault.collection.CollectionFixtures.aMonster;
import static dev.storyvault.collection.CollectionFixtures.aName;
import static dev.storyvault.collection.CollectionFixtures.create;
import static dev.storyvault.collection.CollectionFixtures.documents;
import static dev.storyvault.collection.CollectionFixtures.monsters;
import static dev.storyvault.collection.CollectionFixtures.openAccess;
import static dev.storyvault.collection.CollectionFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.ScaleOutMode;
import dev.storyvault.support.SecondInstance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Two instances on one database: a definition one of them cached is replaced on both when another
 * changes it, and a write checked against the old one is never stored; a listing one of them
 * answered from its cache shows a document the other added once the notice arrives.
 */
@ScaleOutMode
class ScaleOutCollectionInstancesTest extends ApiTestBase {

  @Autowired Environment environment;

  @Test
  void aChangedDefinitionAppliesOnEveryInstanceAtOnce() {
    String name = aName();
    admin.postJson("/api/collections", monsters(name, openAccess()));
    try (SecondInstance other = SecondInstance.ofSameInstallation(environment)) {
      Api aliceThere = new Api(other.baseUrl(), alice.token());
      assertThat(aliceThere.postJson(documents(name), aMonster("Drip", 1, "water")).status())
          .isEqualTo(201);
      assertThat(aliceThere.get(documents(name) + query("stats.hp > 1")).status()).isEqualTo(400);

      Map<String, Object> stricter = new LinkedHashMap<>(monsters(name, openAccess()));
      stricter.put(
          "schema",
          Map.of(
              "type", "object",
              "required", List.of("name", "level"),
              "properties", Map.of("level", Map.of("type", "integer", "minimum", 1))));
      stricter.put(
          "indexed_fields",
          List.of(
              Map.of("path", "level", "type", "number"),
              Map.of("path", "stats.hp", "type", "number")));
      stricter.put("compound_indexes", List.of());
      assertThat(admin.json("PUT", "/api/collections/" + name, stricter).status()).isEqualTo(200);

      Api.Response refused = aliceThere.postJson(documents(name), aMonster("Zero", 0, "air"));
      assertThat(refused.status()).as(refused.text()).isEqualTo(422);
      assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("$.level");
      assertThat(aliceThere.get(documents(name) + query("stats.hp > 1")).status()).isEqualTo(200);

      int listed = aliceThere.get(documents(name)).json().get("items").size();
      create(alice, name, aMonster("Tide", 5, "water"));
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(aliceThere.get(documents(name)).json().get("items"))
                      .hasSize(listed + 1));
    }
  }
}
