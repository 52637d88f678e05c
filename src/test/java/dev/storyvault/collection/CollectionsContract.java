package dev.storyvault.collection;

import static dev.storyvault.collection.CollectionFixtures.aMonster;
import static dev.storyvault.collection.CollectionFixtures.aName;
import static dev.storyvault.collection.CollectionFixtures.create;
import static dev.storyvault.collection.CollectionFixtures.documents;
import static dev.storyvault.collection.CollectionFixtures.monsters;
import static dev.storyvault.collection.CollectionFixtures.openAccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Collections and their documents over HTTP: CRUD, validation, versions, references, access. */
abstract class CollectionsContract extends ApiTestBase {

  String name;

  @BeforeEach
  void aCollection() {
    name = aName();
    Api.Response created = admin.postJson("/api/collections", monsters(name, openAccess()));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
  }

  @Test
  void createsReadsReplacesPatchesAndDeletesADocument() {
    Api.Response created = alice.postJson(documents(name), aMonster("Ember", 3, "fire", "boss"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"v1\"");
    String id = created.json().get("id").asString();
    assertThat(created.header("Location")).endsWith(documents(name) + "/" + id);
    assertThat(created.json().get("owner_id").asString()).isEqualTo(aliceId);

    Api.Response read = alice.get(documents(name) + "/" + id);
    assertThat(read.json().get("data").get("name").asString()).isEqualTo("Ember");
    assertThat(alice.get(documents(name) + "/" + id, "If-None-Match", "\"v1\"").status())
        .isEqualTo(304);

    Api.Response replaced =
        alice.json(
            "PUT", documents(name) + "/" + id, aMonster("Ember", 4, "fire"), "If-Match", "\"v1\"");
    assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo("\"v2\"");

    Api.Response patched =
        alice.json("PATCH", documents(name) + "/" + id, Map.of("level", 5, "element", "air"));
    assertThat(patched.json().get("data").get("level").asInt()).isEqualTo(5);
    assertThat(patched.json().get("data").get("name").asString()).isEqualTo("Ember");
    assertThat(patched.json().get("version").asInt()).isEqualTo(3);

    Api.Response removed = alice.send("DELETE", documents(name) + "/" + id, new byte[0]);
    assertThat(removed.status()).isEqualTo(204);
    assertThat(alice.get(documents(name) + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void rejectsStaleEtagAndKeepsTheDocument() {
    String id = create(alice, name, aMonster("Ember", 3, "fire"));
    Api.Response stale =
        alice.json(
            "PUT", documents(name) + "/" + id, aMonster("Other", 1, "air"), "If-Match", "\"v7\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    Api.Response deleteStale =
        alice.send("DELETE", documents(name) + "/" + id, new byte[0], "If-Match", "\"v2\"");
    assertThat(deleteStale.status()).isEqualTo(412);
    assertThat(alice.get(documents(name) + "/" + id).json().get("data").get("name").asString())
        .isEqualTo("Ember");
  }

  @Test
  void validationErrorsNameTheJsonPath() {
    Map<String, Object> doc = aMonster("Ember", 3, "fire");
    doc.put("stats", Map.of("hp", "lots"));
    Api.Response refused = alice.postJson(documents(name), doc);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("$.stats.hp");
    assertThat(refused.json().get("detail").asString()).contains("$.stats.hp");

    Map<String, Object> missing = new LinkedHashMap<>(Map.of("name", "No level"));
    assertThat(
            alice
                .postJson(documents(name), missing)
                .json()
                .get("errors")
                .get(0)
                .get("message")
                .asString())
        .contains("level");

    Map<String, Object> badDate = aMonster("Ember", 3, "fire");
    badDate.put("seen_at", "yesterday");
    Api.Response date = alice.postJson(documents(name), badDate);
    assertThat(date.status()).isEqualTo(422);
    assertThat(date.json().get("errors").get(0).get("path").asString()).isEqualTo("$.seen_at");

    assertThat(alice.get(documents(name)).json().get("items")).isEmpty();
  }

  @Test
  void everyChangeIsAVersionThatCanBeReadAndRestored() {
    String id = create(alice, name, aMonster("Ember", 3, "fire"));
    alice.json("PATCH", documents(name) + "/" + id, Map.of("level", 9));
    alice.json("PATCH", documents(name) + "/" + id, Map.of("name", "Blaze"));

    Api.Response versions = alice.get(documents(name) + "/" + id + "/versions");
    assertThat(versions.json().get("items").size()).isEqualTo(3);
    assertThat(versions.json().get("items").get(0).get("version").asInt()).isEqualTo(3);
    Api.Response first = alice.get(documents(name) + "/" + id + "/versions/1");
    assertThat(first.json().get("data").get("level").asInt()).isEqualTo(3);

    Api.Response restored =
        alice.send("POST", documents(name) + "/" + id + "/versions/1/restore", new byte[0]);
    assertThat(restored.status()).as(restored.text()).isEqualTo(200);
    assertThat(restored.json().get("version").asInt()).isEqualTo(4);
    assertThat(restored.json().get("data").get("name").asString()).isEqualTo("Ember");
    assertThat(restored.json().get("data").get("level").asInt()).isEqualTo(3);
    assertThat(alice.get(documents(name) + "/" + id + "/versions/99").status()).isEqualTo(404);
  }

  @Test
  void anAssetADocumentUsesCannotBeDeleted() {
    String art =
        alice
            .upload("/api/assets", "art.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    Map<String, Object> doc = aMonster("Ember", 3, "fire");
    doc.put("art", art);
    String id = create(alice, name, doc);

    Api.Response inUse = alice.delete("/api/assets/" + art);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.text()).contains(id);
    assertThat(alice.get("/api/assets/" + art + "/references").text()).contains(id);

    alice.json(
        "PATCH", documents(name) + "/" + id, java.util.Collections.singletonMap("art", null));
    assertThat(alice.delete("/api/assets/" + art).status()).isEqualTo(204);
  }

  @Test
  void anAssetThatIsMissingOrNotTheWritersIsRefusedNamingTheField() {
    Map<String, Object> doc = aMonster("Ember", 3, "fire");
    doc.put("art", "ast_doesnotexist");
    Api.Response missing = alice.postJson(documents(name), doc);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("errors").get(0).get("path").asString()).isEqualTo("$.art");

    String bobsPrivate =
        bob.upload("/api/assets", "b.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    doc.put("art", bobsPrivate);
    assertThat(alice.postJson(documents(name), doc).status()).isEqualTo(422);
    doc.put("art", 42);
    assertThat(alice.postJson(documents(name), doc).status()).isEqualTo(422);
  }

  @Test
  void aReaderOfADocumentMayReadTheAssetsItReferences() {
    String catalog = aName();
    admin.postJson(
        "/api/collections",
        monsters(catalog, Map.of("list", "public", "read", "public", "create", "authenticated")));
    String art =
        alice
            .upload("/api/assets", "art.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    assertThat(bob.get("/api/assets/" + art + "/content").status()).isEqualTo(404);
    Map<String, Object> doc = aMonster("Ember", 3, "fire");
    doc.put("art", art);
    create(alice, catalog, doc);
    assertThat(bob.get("/api/assets/" + art + "/content").status()).isEqualTo(200);
  }

  @Test
  void ownerRulesHideOtherPeoplesDocuments() {
    String owned = aName();
    admin.postJson("/api/collections", monsters(owned, Map.of()));
    String id = create(alice, owned, aMonster("Ember", 3, "fire"));
    create(bob, owned, aMonster("Drip", 2, "water"));

    assertThat(bob.get(documents(owned) + "/" + id).status()).isEqualTo(404);
    assertThat(bob.json("PATCH", documents(owned) + "/" + id, Map.of("level", 1)).status())
        .isEqualTo(404);
    assertThat(bob.delete(documents(owned) + "/" + id).status()).isEqualTo(404);
    assertThat(anonymous.get(documents(owned) + "/" + id).status()).isEqualTo(404);
    assertThat(anonymous.get(documents(owned)).status()).isEqualTo(401);
    assertThat(bob.get(documents(owned)).json().get("items")).hasSize(1);
    assertThat(bob.get(documents(owned)).text()).doesNotContain(id);
    assertThat(admin.get(documents(owned)).json().get("items")).hasSize(2);
    assertThat(admin.get(documents(owned) + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void accessRulesDecidePerOperation() {
    String catalog = aName();
    admin.postJson(
        "/api/collections",
        monsters(
            catalog,
            Map.of(
                "list", "public", "read", "public", "create", "admins", "update", "admins",
                "delete", "admins")));
    assertThat(alice.postJson(documents(catalog), aMonster("Ember", 3, "fire")).status())
        .isEqualTo(403);
    String id = create(admin, catalog, aMonster("Ember", 3, "fire"));
    assertThat(anonymous.get(documents(catalog)).json().get("items")).hasSize(1);
    assertThat(anonymous.get(documents(catalog) + "/" + id).status()).isEqualTo(200);
    assertThat(alice.json("PATCH", documents(catalog) + "/" + id, Map.of("level", 1)).status())
        .isEqualTo(403);
    assertThat(anonymous.json("PATCH", documents(catalog) + "/" + id, Map.of("level", 1)).status())
        .isEqualTo(401);

    String secret = aName();
    admin.postJson(
        "/api/collections",
        monsters(
            secret,
            Map.of(
                "list", "admins", "read", "admins", "create", "admins", "update", "admins",
                "delete", "admins")));
    String hidden = create(admin, secret, aMonster("Ember", 3, "fire"));
    assertThat(alice.get(documents(secret)).status()).isEqualTo(404);
    assertThat(alice.get(documents(secret) + "/" + hidden).status()).isEqualTo(404);
    assertThat(alice.postJson(documents(secret), aMonster("X", 1, "air")).status()).isEqualTo(404);
    assertThat(alice.get("/api/collections/" + secret).status()).isEqualTo(403);
    assertThat(alice.get(documents("no-such-collection")).status()).isEqualTo(404);
  }

  @Test
  void aCatalogListingShowsEveryAcknowledgedWriteAtOnce() {
    String catalog = aName();
    admin.postJson(
        "/api/collections",
        monsters(catalog, Map.of("list", "public", "read", "public", "create", "authenticated")));
    String query = documents(catalog) + "?sort=name";
    assertThat(anonymous.get(query).json().get("items")).isEmpty();
    String id = create(alice, catalog, aMonster("Ember", 3, "fire"));
    assertThat(anonymous.get(query).json().get("items")).hasSize(1);
    alice.json("PATCH", documents(catalog) + "/" + id, Map.of("name", "Blaze"));
    assertThat(anonymous.get(query).json().get("items").get(0).get("data").get("name").asString())
        .isEqualTo("Blaze");
    Api.Response computed = anonymous.get(query);
    Api.Response kept = anonymous.get(query);
    assertThat(kept.text()).isEqualTo(computed.text());
    assertThat(kept.contentType()).isEqualTo(computed.contentType());
    assertThat(kept.header("Cache-Control")).isEqualTo(computed.header("Cache-Control"));
    alice.delete(documents(catalog) + "/" + id);
    assertThat(anonymous.get(query).json().get("items")).isEmpty();
  }

  @Test
  void collectionsAreForAdmins() {
    assertThat(alice.postJson("/api/collections", monsters(aName(), Map.of())).status())
        .isEqualTo(403);
    assertThat(anonymous.get("/api/collections").status()).isEqualTo(401);
    assertThat(admin.postJson("/api/collections", monsters(name, Map.of())).status())
        .isEqualTo(409);
    Api.Response listed = admin.get("/api/collections");
    assertThat(listed.text()).contains(name, "\"animations\"", "\"creatures\"");
  }

  @Test
  void hostileDefinitionsAreRefused() {
    Map<String, Object> sqlName = monsters("x'; DROP TABLE stories; --", Map.of());
    assertThat(admin.postJson("/api/collections", sqlName).status()).isEqualTo(400);
    Map<String, Object> sqlPath = monsters(aName(), Map.of());
    sqlPath.put("indexed_fields", List.of(Map.of("path", "a') OR 1=1 --", "type", "string")));
    assertThat(admin.postJson("/api/collections", sqlPath).status()).isEqualTo(400);
    Map<String, Object> badSchema = monsters(aName(), Map.of());
    badSchema.put("schema", Map.of("type", 5));
    Api.Response refused = admin.postJson("/api/collections", badSchema);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    Map<String, Object> remoteRef = monsters(aName(), Map.of());
    remoteRef.put("schema", Map.of("$ref", "http://127.0.0.1:1/evil.json"));
    assertThat(admin.postJson("/api/collections", remoteRef).status()).isEqualTo(400);
    Map<String, Object> publicWrite = monsters(aName(), Map.of("create", "public"));
    assertThat(admin.postJson("/api/collections", publicWrite).status()).isEqualTo(400);
  }

  @Test
  void aBacktrackingPatternDoesNotHangValidation() {
    String slow = aName();
    Map<String, Object> body = monsters(slow, openAccess());
    body.put(
        "schema",
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("name", Map.of("type", "string", "pattern", "^(a+)+$"))));
    body.put("indexed_fields", List.of());
    body.put("compound_indexes", List.of());
    assertThat(admin.postJson("/api/collections", body).status()).isEqualTo(201);
    long started = System.nanoTime();
    Api.Response refused = alice.postJson(documents(slow), Map.of("name", "a".repeat(5_000) + "!"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
    assertThat(alice.postJson(documents(slow), Map.of("name", "aaaa")).status()).isEqualTo(201);
  }

  @Test
  void oversizedAndDeepDocumentsAreRefused() {
    Map<String, Object> big = aMonster("Ember", 3, "fire");
    big.put("blob", "x".repeat(CollectionJson.MAX_DOCUMENT_BYTES + 10));
    assertThat(alice.postJson(documents(name), big).status()).isEqualTo(413);
    Object deep = "bottom";
    for (int i = 0; i < 200; i++) deep = Map.of("d", deep);
    Map<String, Object> nested = aMonster("Ember", 3, "fire");
    nested.put("deep", deep);
    Api.Response tooDeep = alice.postJson(documents(name), nested);
    assertThat(tooDeep.status()).isEqualTo(400);
    assertThat(tooDeep.contentType()).startsWith("application/problem+json");
    assertThat(
            alice
                .send(
                    "POST",
                    documents(name),
                    "{not json".getBytes(),
                    "Content-Type",
                    "application/json")
                .status())
        .isEqualTo(400);
    assertThat(alice.get(documents(name)).json().get("items")).isEmpty();
  }
}
