package dev.storyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API route × every kind of caller → the status that caller must get. The routes come from
 * the running server's own mappings, so an endpoint added without a rule here fails this test.
 */
abstract class AuthorizationMatrixContract extends ApiTestBase {

  /** why: this test makes thousands of requests as a few callers; limits have their own tests. */
  static void withoutRateLimits(DynamicPropertyRegistry registry) {
    registry.add("storyvault.rate-limits.enabled", () -> "false");
  }

  /** The collection the matrix's document routes share (made once). */
  String sharedCollection;

  /** The backup the matrix's backup routes share (made once). */
  String sharedBackup;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /**
   * Columns: anonymous, guest, owner, shared-with user, share-link holder, other user, read-only
   * key, admin.
   */
  static final String MATRIX =
      """
            GET    /api/admin/backups                             401 403 403 403 401 403 403 200
            POST   /api/admin/backups                             401 403 403 403 401 403 403 201
            GET    /api/admin/backups/{id}                        401 403 403 403 401 403 403 200
            POST   /api/admin/backups/{id}/verify                 401 403 403 403 401 403 403 200
            POST   /api/admin/backups/prune                       401 403 403 403 401 403 403 200
            POST   /api/assets                                    401 201 201 201 401 201 403 201
            GET    /api/assets                                    401 200 200 200 401 200 200 200
            GET    /api/assets/{id}                               404 404 200 200 404 404 404 200
            PATCH  /api/assets/{id}                               401 403 200 403 401 404 403 200
            DELETE /api/assets/{id}                               401 403 409 403 401 404 403 409
            PUT    /api/assets/{id}/content                       401 403 200 403 401 404 403 200
            GET    /api/assets/{id}/versions                      404 404 200 200 404 404 404 200
            GET    /api/assets/{id}/references                    404 404 200 200 404 404 404 200
            POST   /api/assets/{id}/signed-url                    401 403 200 403 401 404 403 200
            GET    /api/assets/{id}/content                       404 404 200 200 404 404 404 200
            HEAD   /api/assets/{id}/content                       404 404 200 200 404 404 404 200
            GET    /api/assets/{id}/versions/{version}/content    404 404 200 200 404 404 404 200
            HEAD   /api/assets/{id}/versions/{version}/content    404 404 200 200 404 404 404 200
            GET    /api/assets/{id}/variants/{variant}            404 404 200 200 404 404 404 200
            HEAD   /api/assets/{id}/variants/{variant}            404 404 200 200 404 404 404 200
            GET    /api/assets/{id}/transform                     404 404 200 200 404 404 404 200
            HEAD   /api/assets/{id}/transform                     404 404 200 200 404 404 404 200
            POST   /api/assets/{id}/transforms                    404 404 200 200 404 404 404 200
            GET    /api/blobs/{hash}                              200 200 200 200 200 200 200 200
            HEAD   /api/blobs/{hash}                              200 200 200 200 200 200 200 200
            GET    /api/stories                                   200 200 200 200 200 200 200 200
            POST   /api/stories                                   401 403 201 201 401 201 403 201
            GET    /api/stories/{id}                              404 404 200 200 404 404 404 200
            PUT    /api/stories/{id}                              401 403 200 403 401 404 403 200
            PATCH  /api/stories/{id}                              401 403 200 403 401 404 403 200
            DELETE /api/stories/{id}                              401 403 204 403 401 404 403 204
            GET    /api/stories/{id}/versions                     404 404 200 200 404 404 404 200
            GET    /api/stories/{id}/export/pdf                   404 404 200 200 404 404 404 200
            GET    /api/stories/{id}/export/epub                  404 404 200 200 404 404 404 200
            POST   /api/stories/{id}/offline                      404 404 200 200 404 404 404 200
            GET    /api/stories/{id}/versions/{version}           404 404 200 200 404 404 404 200
            POST   /api/stories/{id}/continuity-check             404 404 200 200 404 404 404 200
            POST   /api/stories/{id}/versions/{version}/restore   401 403 200 403 401 404 403 200
            POST   /api/stories/{id}/share-links                  401 403 201 403 401 404 403 201
            GET    /api/stories/{id}/share-links                  401 403 200 403 401 404 403 200
            DELETE /api/stories/{id}/share-links/{linkId}         401 403 204 403 401 404 403 204
            GET    /api/shared/{token}                            200 200 200 200 200 200 200 200
            GET    /api/shared/{token}/assets/{assetId}/content   200 200 200 200 200 200 200 200
            GET    /api/user/history                              401 200 200 200 401 200 200 200
            GET    /api/user/preferences                          401 200 200 200 401 200 200 200
            PUT    /api/user/preferences                          401 200 200 200 401 200 200 200
            GET    /api/users/me                                  401 200 200 200 401 200 200 200
            POST   /api/users                                     401 403 403 403 401 403 403 201
            POST   /api/keys                                      401 403 403 403 401 403 403 201
            GET    /api/keys                                      401 403 403 403 401 403 403 200
            DELETE /api/keys/{id}                                 401 403 403 403 401 403 403 204
            GET    /api/audit                                     401 403 403 403 401 403 403 200
            GET    /api/signing-keys                              401 403 403 403 401 403 403 200
            POST   /api/signing-keys                              401 403 403 403 401 403 403 201
            DELETE /api/signing-keys/{id}                         401 403 403 403 401 403 403 204
            POST   /api/auth/login                                401 401 401 401 401 401 401 401
            POST   /api/auth/logout                               401 204 400 400 401 400 400 400
            POST   /api/auth/guest                                201 201 201 201 201 201 201 201
            POST   /api/auth/signup                               404 404 404 404 404 404 404 404
            POST   /api/ai/generate/text                          401 403 200 200 401 200 403 200
            POST   /api/ai/generate/image                         401 403 201 201 401 201 403 201
            POST   /api/ai/generate/speech                        401 403 201 201 401 201 403 201
            POST   /api/ai/ratings                                401 403 201 201 401 201 403 201
            POST   /api/ai/optimize                               401 403 403 403 401 403 403 200
            GET    /api/ai/health                                 200 200 200 200 200 200 200 200
            POST   /api/jobs                                      401 403 201 201 401 201 403 201
            GET    /api/jobs                                      401 200 200 200 401 200 200 200
            GET    /api/jobs/{id}                                 401 404 200 404 401 404 404 200
            POST   /api/jobs/{id}/cancel                          401 403 200 404 401 404 403 200
            POST   /api/jobs/{id}/retry                           401 403 409 404 401 404 403 409
            GET    /api/jobs/{id}/events                          401 404 200 404 401 404 404 200
            GET    /api/generation-logs                           401 200 200 200 401 200 200 200
            POST   /api/story/start                               401 403 201 201 401 201 403 201
            POST   /api/sessions                                  401 201 201 201 401 201 201 201
            GET    /api/sessions                                  401 200 200 200 401 200 200 200
            GET    /api/sessions/{id}                             401 404 200 404 401 404 404 200
            GET    /api/story/session/{id}                        401 404 200 404 401 404 404 200
            DELETE /api/sessions/{id}                             401 404 204 404 401 404 404 204
            POST   /api/sessions/{id}/continue                    401 404 201 404 401 404 404 201
            POST   /api/story/continue                            401 403 404 404 401 404 403 404
            POST   /api/stories/{id}/continue                     401 403 201 403 401 404 403 201
            POST   /api/generation-logs                           401 403 201 201 401 201 403 201
            GET    /api/collections                               401 403 403 403 401 403 403 200
            POST   /api/collections                               401 403 403 403 401 403 403 201
            GET    /api/collections/{name}                        401 403 403 403 401 403 403 200
            PUT    /api/collections/{name}                        401 403 403 403 401 403 403 200
            DELETE /api/collections/{name}                        401 403 403 403 401 403 403 204
            GET    /api/collections/{name}/changes                401 403 403 403 401 403 403 200
            POST   /api/collections/{name}/purge-field            401 403 403 403 401 403 403 200
            GET    /api/collections/{name}/documents              401 200 200 200 401 200 200 200
            POST   /api/collections/{name}/documents              401 403 201 201 401 201 403 201
            GET    /api/collections/{name}/documents/{id}         404 404 200 404 404 404 404 200
            PUT    /api/collections/{name}/documents/{id}         401 404 200 404 401 404 404 200
            PATCH  /api/collections/{name}/documents/{id}         401 404 200 404 401 404 404 200
            DELETE /api/collections/{name}/documents/{id}         401 404 204 404 401 404 404 204
            GET    /api/collections/{name}/documents/{id}/versions 404 404 200 404 404 404 404 200
            GET    /api/collections/{name}/documents/{id}/versions/{version} 404 404 200 404 404 404 404 200
            POST   /api/collections/{name}/documents/{id}/versions/{version}/restore 401 404 200 404 401 404 404 200
            GET    /api/admin/storage                             401 403 403 403 401 403 403 200
            GET    /api/admin/cleanup                             401 403 403 403 401 403 403 200
            POST   /api/admin/cleanup                             401 403 403 403 401 403 403 200
            GET    /api/trash                                     401 200 200 200 401 200 200 200
            POST   /api/trash/{id}/restore                        401 404 200 404 401 404 404 200
            DELETE /api/trash/{id}                                401 404 204 404 401 404 404 204
            GET    /api/users/me/export                           401 200 202 200 401 200 200 200
            POST   /api/users/me/exports                          401 202 202 202 401 202 202 202
            GET    /api/users/me/exports/{id}                     401 404 200 404 401 404 404 404
            GET    /api/personal-exports/{id}/download            403 403 403 403 403 403 403 403
            DELETE /api/admin/users/{id}/data                     401 403 403 403 401 403 403 200
            DELETE /api/users/me/data                             401 200 200 200 401 200 403 409
            DELETE /api/user/data                                 401 200 200 200 401 200 403 409
            """;

  static final List<String> CALLERS =
      List.of(
          "anonymous",
          "guest",
          "owner",
          "shared-with",
          "share-link",
          "other",
          "read-only",
          "admin");

  @Test
  void everyRouteHasARuleForEveryCaller() {
    Set<String> routes = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues()
                    .forEach(
                        pattern ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> routes.add(method.name() + " " + pattern))));
    routes.removeIf(route -> !route.contains(" /api/") || route.contains("/api/docs"));
    assertThat(rules().keySet()).as("routes without an authorization rule").containsAll(routes);
  }

  @Test
  void everyCallerGetsExactlyTheExpectedStatus() {
    List<String> mismatches = new ArrayList<>();
    rules()
        .forEach(
            (route, expected) -> {
              for (int c = 0; c < CALLERS.size(); c++) {
                int status = send(route, CALLERS.get(c), new Fixture());
                if (status != expected.get(c)) {
                  mismatches.add(
                      route
                          + " as "
                          + CALLERS.get(c)
                          + ": expected "
                          + expected.get(c)
                          + ", got "
                          + status);
                }
              }
            });
    assertThat(mismatches).isEmpty();
  }

  /**
   * A fresh world per request: alice's private asset in her private story, shared with bob and by a
   * link.
   */
  final class Fixture {
    final String asset =
        alice
            .upload("/api/assets", "a.png", Media.aUniquePng(), Map.of())
            .json()
            .get("id")
            .asString();
    final String publicHash = Media.sha256(publish());
    final String story =
        alice
            .postJson(
                "/api/stories",
                Map.of(
                    "title",
                    "Matrix",
                    "content",
                    Map.of(
                        "pages",
                        List.of(Map.of("page_number", 1, "text", "x", "image_asset_id", asset))),
                    "sharing",
                    Map.of("shared_with", List.of(bobId))))
            .json()
            .get("id")
            .asString();
    final Api.Response link =
        alice.send("POST", "/api/stories/" + story + "/share-links", new byte[0]);

    /** A small job of alice's (one page, no pictures or sound), to read, watch, cancel or retry. */
    private String aJob() {
      return alice
          .json(
              "POST",
              "/api/jobs",
              Map.of(
                  "type",
                  "story.generate",
                  "input",
                  Map.of(
                      "characters",
                      List.of("pip"),
                      "pages",
                      1,
                      "illustrate",
                      false,
                      "narrate",
                      false)),
              "Idempotency-Key",
              UUID.randomUUID().toString())
          .json()
          .get("id")
          .asString();
    }

    private byte[] publish() {
      byte[] bytes = Media.aUniquePng();
      alice.upload("/api/assets", "p.png", bytes, Map.of("public", "true"));
      return bytes;
    }

    /** A fresh collection of alice's documents (the default rules: owners only) and one of them. */
    /**
     * A collection of alice's documents (the default rules: owners only) and one of them. Only a
     * DELETE of the collection gets a fresh one: making a collection builds its indexes, and one
     * per request made this test minutes slower.
     */
    private String inACollection(String pattern) {
      String name = pattern.equals("DELETE /api/collections/{name}") ? freshCollection() : shared();
      String path = pattern.substring(pattern.indexOf(' ') + 1).replace("{name}", name);
      if (!path.contains("{id}")) return path;
      String id =
          alice
              .postJson("/api/collections/" + name + "/documents", Map.of("name", "x"))
              .json()
              .get("id")
              .asString();
      return path.replace("{id}", id);
    }

    /**
     * why one backup, and these routes first in the matrix: a backup copies and verify re-hashes
     * every blob there is, and each request of the matrix adds some.
     */
    private String aBackup() {
      if (sharedBackup == null)
        sharedBackup =
            admin.send("POST", "/api/admin/backups", new byte[0]).json().get("id").asString();
      return sharedBackup;
    }

    /** Alice's own asset, deleted: an item in her trash. */
    private String trashed() {
      String id =
          alice
              .upload("/api/assets", "t.png", Media.aUniquePng(), Map.of())
              .json()
              .get("id")
              .asString();
      alice.delete("/api/assets/" + id);
      for (var item : alice.get("/api/trash").json().get("items"))
        if (item.get("item_id").asString().equals(id)) return item.get("id").asString();
      throw new IllegalStateException("not in the trash");
    }

    private String shared() {
      if (sharedCollection == null) sharedCollection = freshCollection();
      return sharedCollection;
    }

    private String freshCollection() {
      String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
      admin.postJson("/api/collections", aCollection(name));
      return name;
    }

    /** The method of the request this fixture is for. */
    String method = "GET";

    String path(String pattern) {
      String path =
          pattern
              .replace("{version}", "1")
              .replace("{variant}", "thumbnail")
              .replace(
                  "/transform",
                  pattern.endsWith("/transform") ? "/transform?preset=icon" : "/transform")
              .replace("{hash}", publicHash)
              .replace("{token}", link.json().get("token").asString())
              .replace("{assetId}", asset)
              .replace("{linkId}", link.json().get("id").asString());
      if (path.startsWith("/api/collections/")) return inACollection(method + " " + path);
      if (path.startsWith("/api/admin/backups/{id}")) return path.replace("{id}", aBackup());
      if (path.startsWith("/api/assets/")) return path.replace("{id}", asset);
      if (path.startsWith("/api/stories/")) return path.replace("{id}", story);
      if (path.startsWith("/api/jobs/")) return path.replace("{id}", aJob());
      if (path.startsWith("/api/sessions/") || path.startsWith("/api/story/session/")) {
        return path.replace(
            "{id}",
            alice
                .postJson("/api/sessions", Map.of("characters", List.of("pip")))
                .json()
                .get("id")
                .asString());
      }
      if (path.startsWith("/api/users/me/exports/") || path.startsWith("/api/personal-exports/"))
        return path.replace(
            "{id}",
            alice.send("POST", "/api/users/me/exports", new byte[0]).json().get("id").asString());
      if (path.startsWith("/api/trash/")) return path.replace("{id}", trashed());
      if (path.startsWith("/api/admin/users/"))
        return path.replace("{id}", keyFor("doomed", List.of("read")).get("user_id").asString());
      if (path.startsWith("/api/keys/"))
        return path.replace(
            "{id}",
            admin.postJson("/api/keys", Map.of("name", "doomed")).json().get("id").asString());
      if (path.startsWith("/api/signing-keys/"))
        return path.replace(
            "{id}",
            admin.send("POST", "/api/signing-keys", new byte[0]).json().get("id").asString());
      return path;
    }
  }

  private int send(String route, String caller, Fixture fixture) {
    String method = route.substring(0, route.indexOf(' '));
    fixture.method = method;
    String path = fixture.path(route.substring(route.indexOf(' ') + 1));
    // why someone new: an erasure must not take away the people the other rows need
    String who =
        erases(route) && (caller.equals("owner") || caller.equals("shared-with"))
            ? "disposable"
            : caller;
    Api api =
        switch (who) {
          case "anonymous", "share-link" -> anonymous;
          case "guest" ->
              anonymous.as(
                  anonymous
                      .send("POST", "/api/auth/guest", new byte[0])
                      .json()
                      .get("token")
                      .asString());
          case "disposable" -> admin.as(newKey("erased", List.of("read", "write")));
          case "owner" -> alice;
          case "shared-with" -> bob;
          case "other" -> admin.as(newKey("carol", List.of("read", "write")));
          case "read-only" -> admin.as(newKey("reader", List.of("read")));
          default -> admin;
        };
    return request(api, method, path).status();
  }

  private static boolean erases(String route) {
    return route.startsWith("DELETE /api/user") && route.endsWith("/data");
  }

  static Map<String, Object> aCollection(String name) {
    return Map.of(
        "name",
        name,
        "schema",
        Map.of("type", "object"),
        "indexed_fields",
        List.of(Map.of("path", "name", "type", "string")));
  }

  private static Api.Response request(Api api, String method, String path) {
    String route =
        path.replaceAll("(ast|sty|lnk|job|ses|doc|bkp|pex|usr|trs)_[0-9a-z]+", "{id}")
            .replaceAll("matrix-[0-9a-f]+", "{name}");
    return switch (method + " " + route) {
      case "POST /api/assets" -> api.upload(path, "n.png", Media.aUniquePng(), Map.of());
      case "PUT /api/assets/{id}/content" ->
          api.send("PUT", path, Media.aUniquePng(), "Content-Type", "image/png");
      case "PATCH /api/assets/{id}" -> api.json("PATCH", path, Map.of("metadata", Map.of("x", 1)));
      case "POST /api/assets/{id}/signed-url" -> api.json("POST", path, Map.of());
      case "POST /api/assets/{id}/transforms" -> api.json("POST", path, Map.of("width", 10));
      case "POST /api/stories" -> api.json("POST", path, Map.of("title", "New"));
      case "PUT /api/stories/{id}" -> api.json("PUT", path, Map.of("title", "Replaced"));
      case "PATCH /api/stories/{id}" -> api.json("PATCH", path, Map.of("title", "Patched"));
      case "PUT /api/user/preferences" -> api.json("PUT", path, Map.of("voice", "calm"));
      case "POST /api/users", "POST /api/auth/signup" ->
          api.json(
              "POST",
              path,
              Map.of(
                  "username",
                  "u" + UUID.randomUUID().toString().substring(0, 8),
                  "password",
                  "password123"));
      case "POST /api/keys" -> api.json("POST", path, Map.of("name", "k"));
      case "POST /api/ai/generate/text" -> api.json("POST", path, Map.of("prompt", "a dragon"));
      case "POST /api/ai/generate/image" ->
          api.json("POST", path, Map.of("prompt", "a dragon", "width", 32, "height", 32));
      case "POST /api/ai/generate/speech" -> api.json("POST", path, Map.of("text", "Hello."));
      case "POST /api/ai/ratings" ->
          api.json(
              "POST", path, Map.of("modality", "text", "provider", "offline-text", "score", 4));
      case "POST /api/ai/optimize" -> api.json("POST", path, Map.of());
      case "POST /api/jobs" ->
          api.json(
              "POST",
              path,
              Map.of(
                  "type",
                  "story.generate",
                  "input",
                  Map.of(
                      "characters",
                      List.of("pip"),
                      "pages",
                      1,
                      "illustrate",
                      false,
                      "narrate",
                      false)),
              "Idempotency-Key",
              UUID.randomUUID().toString());
      case "POST /api/stories/{id}/continuity-check" ->
          api.json("POST", path, Map.of("text", "Then Gokku laughed."));
      case "POST /api/sessions" -> api.json("POST", path, Map.of("characters", List.of("pip")));
      case "POST /api/sessions/{id}/continue" -> api.json("POST", path, Map.of("text", "onward"));
      case "POST /api/story/start" ->
          api.json(
              "POST",
              path,
              Map.of(
                  "characters", List.of("pip"), "pages", 1, "illustrate", false, "narrate", false),
              "Idempotency-Key",
              UUID.randomUUID().toString());
      case "POST /api/story/continue" ->
          api.json(
              "POST",
              path,
              Map.of("story_id", "sty_doesnotexist", "illustrate", false, "narrate", false),
              "Idempotency-Key",
              UUID.randomUUID().toString());
      case "POST /api/stories/{id}/continue" ->
          api.json(
              "POST",
              path,
              Map.of("continuation", "they fly", "illustrate", false, "narrate", false),
              "Idempotency-Key",
              UUID.randomUUID().toString());
      case "POST /api/generation-logs" ->
          api.json("POST", path, Map.of("input_type", "creature", "status", "succeeded"));
      case "POST /api/collections" ->
          api.json(
              "POST", path, aCollection("matrix-" + UUID.randomUUID().toString().substring(0, 8)));
      case "PUT /api/collections/{name}" ->
          api.json("PUT", path, aCollection(path.substring(path.lastIndexOf('/') + 1)));
      case "POST /api/collections/{name}/purge-field" ->
          api.json("POST", path, Map.of("path", "old"));
      case "POST /api/collections/{name}/documents",
          "PUT /api/collections/{name}/documents/{id}",
          "PATCH /api/collections/{name}/documents/{id}" ->
          api.json(method, path, Map.of("name", "y"));
      case "POST /api/auth/login" ->
          api.json("POST", path, Map.of("username", "nobody", "password", "wrong-password"));
      default -> method.equals("HEAD") ? api.head(path) : api.send(method, path, new byte[0]);
    };
  }

  private static Map<String, List<Integer>> rules() {
    Map<String, List<Integer>> rules = new LinkedHashMap<>();
    MATRIX
        .lines()
        .filter(line -> !line.isBlank())
        .forEach(
            line -> {
              String[] cells = line.trim().split("\\s+");
              List<Integer> statuses = new ArrayList<>();
              for (int i = 2; i < cells.length; i++) statuses.add(Integer.parseInt(cells[i]));
              rules.put(cells[0] + " " + cells[1], statuses);
            });
    return rules;
  }
}
