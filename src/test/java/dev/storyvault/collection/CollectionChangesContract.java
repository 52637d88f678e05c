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
import dev.storyvault.support.Media;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Schema changes, field purges, the built-in catalogs and battles counted onto creatures. */
abstract class CollectionChangesContract extends ApiTestBase {

  String name;

  @BeforeEach
  void aCollection() {
    name = aName();
    admin.postJson("/api/collections", monsters(name, openAccess()));
  }

  private Map<String, Object> definition() {
    JsonNode current = admin.get("/api/collections/" + name).json();
    Map<String, Object> body = new LinkedHashMap<>(monsters(name, openAccess()));
    body.put(
        "access",
        Map.of(
            "list",
            current.get("access").get("list").asString(),
            "read",
            "authenticated",
            "create",
            "authenticated",
            "update",
            "owner",
            "delete",
            "owner"));
    return body;
  }

  @Test
  void addingAnIndexedFieldBuildsItsIndexOverStoredDocuments() {
    Map<String, Object> doc = aMonster("Ember", 3, "fire");
    doc.put("stats", Map.of("hp", 40));
    create(alice, name, doc);
    Map<String, Object> other = aMonster("Drip", 1, "water");
    other.put("stats", Map.of("hp", 12));
    create(alice, name, other);
    assertThat(alice.get(documents(name) + query("stats.hp > 20")).status()).isEqualTo(400);

    Map<String, Object> body = definition();
    List<Object> fields = new ArrayList<>((List<?>) body.get("indexed_fields"));
    fields.add(Map.of("path", "stats.hp", "type", "number"));
    body.put("indexed_fields", fields);
    Api.Response changed =
        admin.json("PUT", "/api/collections/" + name, body, "If-Match", "\"v1\"");
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    assertThat(changed.header("ETag")).isEqualTo("\"v2\"");

    JsonNode found = alice.get(documents(name) + query("stats.hp > 20")).json();
    assertThat(found.get("items")).hasSize(1);
    assertThat(found.get("items").get(0).get("data").get("name").asString()).isEqualTo("Ember");
    assertThat(admin.json("PUT", "/api/collections/" + name, body, "If-Match", "\"v1\"").status())
        .isEqualTo(412);
  }

  @Test
  void aChangeStoredDocumentsWouldViolateIsRefusedWithTheirCountAndIds() {
    String low = create(alice, name, aMonster("Drip", 1, "water"));
    create(alice, name, aMonster("Ember", 30, "fire"));
    String lower = create(alice, name, aMonster("Pebble", 2, "earth"));
    Map<String, Object> body = definition();
    @SuppressWarnings("unchecked")
    Map<String, Object> schema = new LinkedHashMap<>((Map<String, Object>) body.get("schema"));
    @SuppressWarnings("unchecked")
    Map<String, Object> properties =
        new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
    properties.put("level", Map.of("type", "integer", "minimum", 10));
    schema.put("properties", properties);
    body.put("schema", schema);

    Api.Response refused = admin.json("PUT", "/api/collections/" + name, body);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("violations").asInt()).isEqualTo(2);
    List<String> ids = new ArrayList<>();
    refused.json().get("examples").forEach(e -> ids.add(e.get("id").asString()));
    assertThat(ids).containsExactlyInAnyOrder(low, lower);
    assertThat(refused.json().get("examples").get(0).get("path").asString()).isEqualTo("$.level");
    assertThat(admin.get("/api/collections/" + name).json().get("version").asInt()).isEqualTo(1);
    assertThat(alice.postJson(documents(name), aMonster("Tiny", 1, "air")).status()).isEqualTo(201);
  }

  @Test
  void removingAFieldKeepsItsDataUntilAPurgeIsAskedAndEveryChangeIsRecorded() {
    Map<String, Object> doc = aMonster("Ember", 3, "fire");
    doc.put("stats", Map.of("hp", 40));
    String id = create(alice, name, doc);
    Map<String, Object> body = definition();
    @SuppressWarnings("unchecked")
    Map<String, Object> schema = new LinkedHashMap<>((Map<String, Object>) body.get("schema"));
    @SuppressWarnings("unchecked")
    Map<String, Object> properties =
        new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
    assertThat(
            admin
                .postJson("/api/collections/" + name + "/purge-field", Map.of("path", "stats"))
                .status())
        .isEqualTo(409);
    properties.remove("stats");
    schema.put("properties", properties);
    body.put("schema", schema);
    assertThat(admin.json("PUT", "/api/collections/" + name, body).status()).isEqualTo(200);
    assertThat(alice.get(documents(name) + "/" + id).json().get("data").has("stats")).isTrue();

    Api.Response purged =
        admin.postJson("/api/collections/" + name + "/purge-field", Map.of("path", "stats"));
    assertThat(purged.status()).as(purged.text()).isEqualTo(200);
    assertThat(purged.json().get("changed_documents").asInt()).isEqualTo(1);
    JsonNode after = alice.get(documents(name) + "/" + id).json();
    assertThat(after.get("data").has("stats")).isFalse();
    assertThat(
            alice
                .get(documents(name) + "/" + id + "/versions/1")
                .json()
                .get("data")
                .get("stats")
                .get("hp")
                .asInt())
        .isEqualTo(40);

    JsonNode changes = admin.get("/api/collections/" + name + "/changes").json().get("items");
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(changes.get(0).get("definition").get("schema").get("properties").has("stats"))
        .isFalse();
    assertThat(changes.get(1).get("definition").get("schema").get("properties").has("stats"))
        .isTrue();
  }

  @Test
  void aCollectionWithDocumentsOrBuiltInCannotBeDeleted() {
    create(alice, name, aMonster("Ember", 3, "fire"));
    assertThat(admin.delete("/api/collections/" + name).status()).isEqualTo(409);
    assertThat(admin.delete("/api/collections/animations").status()).isEqualTo(409);
    String empty = aName();
    admin.postJson("/api/collections", monsters(empty, openAccess()));
    assertThat(admin.delete("/api/collections/" + empty).status()).isEqualTo(204);
    assertThat(admin.get("/api/collections/" + empty).status()).isEqualTo(404);
    assertThat(admin.postJson("/api/collections", monsters(empty, openAccess())).status())
        .isEqualTo(201);
  }

  @Test
  void theGameCatalogsAreBuiltInAndQueryableByAnyone() {
    String skeleton =
        admin
            .upload("/api/assets", "walk.json", "{\"bones\":[]}".getBytes(), Map.of())
            .json()
            .get("id")
            .asString();
    Map<String, Object> walk = new LinkedHashMap<>();
    walk.put("name", "walk-" + name);
    walk.put("category", "movement");
    walk.put("skeleton_requirements", List.of("spine", "leg_l", "leg_r"));
    walk.put("applicable_creature_types", List.of("biped"));
    walk.put("file_asset_id", skeleton);
    walk.put("duration_ms", 800);
    walk.put("version", "1.0.0");
    String id = create(admin, "animations", walk);
    JsonNode found =
        anonymous
            .get(
                documents("animations")
                    + query(
                        "category = 'movement' && skeleton_requirements ?= 'leg_l' && name = 'walk-"
                            + name
                            + "'")
                    + "&sort=name")
            .json();
    assertThat(found.get("items")).hasSize(1);
    assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id);
    walk.put("category", "dancing");
    assertThat(
            admin
                .postJson(documents("animations"), walk)
                .json()
                .get("errors")
                .get(0)
                .get("path")
                .asString())
        .isEqualTo("$.category");
    assertThat(alice.postJson(documents("animations"), walk).status()).isEqualTo(403);
    Map<String, Object> effect =
        Map.of(
            "effect_type",
            "projectile",
            "name",
            "fireball-" + name,
            "style_signature",
            "pixel-warm",
            "linked_ability_types",
            List.of("fire_attack"),
            "version",
            "1");
    create(admin, "effects", effect);
    assertThat(
            anonymous
                .get(
                    documents("effects")
                        + query(
                            "effect_type = 'projectile' && linked_ability_types ?= 'fire_attack' && name = 'fireball-"
                                + name
                                + "'"))
                .json()
                .get("items"))
        .hasSize(1);
    assertThat(alice.get(documents("analytics-snapshots")).status()).isEqualTo(404);
  }

  @Test
  void recordingABattleCountsItOntoBothCreaturesAfterwards() {
    String first = aCreature(alice);
    String second = aCreature(bob);
    Map<String, Object> battle = new LinkedHashMap<>();
    battle.put("session_id", "s-" + name);
    battle.put("players", List.of(aliceId, bobId));
    battle.put("creatures", List.of(first, second));
    battle.put("winner", aliceId);
    battle.put("started_at", "2026-12-02T10:00:00Z");
    battle.put("finished_at", "2026-12-02T10:03:00Z");
    battle.put("duration_s", 180);
    battle.put("statistics", Map.of("damage_dealt", Map.of(aliceId, 120, bobId, 80)));
    battle.put(
        "disconnection_events",
        List.of(Map.of("player_id", bobId, "at", "2026-12-02T10:01:00Z", "duration_ms", 900)));
    Api.Response recorded = alice.postJson(documents("battles"), battle);
    assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
    alice.postJson(documents("battles"), battle);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(usedInBattles(alice, first)).isEqualTo(2);
              assertThat(usedInBattles(bob, second)).isEqualTo(2);
            });
    JsonNode versions =
        alice.get(documents("creatures") + "/" + first + "/versions").json().get("items");
    assertThat(versions.get(0).get("author_id").isNull()).as("counted by the server").isTrue();
  }

  private String aCreature(Api owner) {
    String sprite =
        owner
            .upload("/api/assets", "sprite.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    Map<String, Object> creature = new LinkedHashMap<>();
    creature.put("sprite_asset_id", sprite);
    creature.put("format", "png");
    creature.put(
        "metadata",
        Map.of(
            "session_id",
            "s-" + name,
            "input_type",
            "draw",
            "status",
            "active",
            "used_in_battles",
            0));
    return create(owner, "creatures", creature);
  }

  private static int usedInBattles(Api owner, String creature) {
    return owner
        .get(documents("creatures") + "/" + creature)
        .json()
        .get("data")
        .get("metadata")
        .get("used_in_battles")
        .asInt();
  }
}
