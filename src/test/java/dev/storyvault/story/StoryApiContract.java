package dev.storyvault.story;

import static dev.storyvault.story.StoryBuilder.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Story documents: create, read, replace, merge-patch, delete, references and computed metadata.
 */
abstract class StoryApiContract extends ApiTestBase {

  @Test
  void createsAStoryWithPagesAndComputesItsMetadata() {
    String image = asset(alice, Media.aPng(120, 80), Map.of());
    String narration = asset(alice, Media.aWav(2.0), Map.of());
    Api.Response created =
        alice.postJson(
            "/api/stories",
            aStory()
                .tags("Space Pirates", "friendship", "space pirates")
                .characters("goku", "woody")
                .ageGroup("6-8")
                .withPage("Once upon a time, in a world where toys could talk...", image, narration)
                .withPage("Goku flew over the moon.")
                .build());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode story = created.json();
    assertThat(created.header("Location")).isEqualTo("/api/stories/" + story.get("id").asString());
    assertThat(created.header("ETag")).isEqualTo("\"v1\"");
    assertThat(story.get("owner_id").asString()).isEqualTo(aliceId);
    assertThat(story.get("status").asString()).isEqualTo("draft");
    assertThat(story.get("tags").toString()).isEqualTo("[\"space-pirates\",\"friendship\"]");
    JsonNode metadata = story.get("metadata");
    assertThat(metadata.get("word_count").asInt()).isEqualTo(16);
    assertThat(metadata.get("reading_time").asInt()).isEqualTo(1);
    assertThat(metadata.get("image_count").asInt()).isEqualTo(1);
    assertThat(metadata.get("audio_duration").asDouble()).isEqualTo(2.0);
    JsonNode page = story.get("content").get("pages").get(0);
    assertThat(page.get("image_url").asString()).isEqualTo("/api/assets/" + image + "/content");
    assertThat(alice.get(page.get("audio_url").asString()).status()).isEqualTo(200);
    assertThat(alice.get("/api/stories/" + story.get("id").asString()).json()).isEqualTo(story);
  }

  @Test
  void refusesPagesThatReferenceUnusableAssets() {
    String bobsPrivate = asset(bob, Media.aUniquePng(), Map.of());
    String bobsPublic = asset(bob, Media.aUniquePng(), Map.of("public", "true"));
    String audio = asset(alice, Media.aWav(0.5), Map.of());
    assertInvalidReference(aStory().withPage("x", "ast_00000000000000000000000000", null).build());
    assertInvalidReference(aStory().withPage("x", bobsPrivate, null).build());
    assertInvalidReference(aStory().withPage("x", audio, null).build());
    assertThat(
            alice
                .postJson("/api/stories", aStory().withPage("x", bobsPublic, audio).build())
                .status())
        .isEqualTo(201);
  }

  @Test
  void recordsWhichStoriesUseAnAsset() {
    String image = asset(alice, Media.aUniquePng(), Map.of());
    String id = create(alice, aStory().withPage("x", image, null).build());
    JsonNode references = alice.get("/api/assets/" + image + "/references").json().get("items");
    assertThat(references.toString()).contains(id, "story");
    Api.Response inUse = alice.delete("/api/assets/" + image);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.json().get("type").asString()).endsWith("asset-in-use");
    assertThat(alice.delete("/api/stories/" + id).status()).isEqualTo(204);
    assertThat(alice.delete("/api/assets/" + image).status())
        .as("the story in the trash still uses it")
        .isEqualTo(409);
    purgeFromTrash(alice, id);
    assertThat(alice.get("/api/assets/" + image + "/references").json().get("items")).isEmpty();
    assertThat(alice.delete("/api/assets/" + image).status()).isEqualTo(204);
  }

  @Test
  void aPageOfOnesOwnStoriesIsKeptAndShowsEveryChangeAtOnce() {
    String first = create(alice, aStory().titled("First").build());
    Api.Response fromController = alice.get("/api/stories?limit=5");
    Api.Response kept = alice.get("/api/stories?limit=5");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.text()).isEqualTo(fromController.text());
    for (String header : List.of("Content-Type", "Cache-Control", "Content-Length"))
      assertThat(kept.header(header)).as(header).isEqualTo(fromController.header(header));
    assertThat(alice.get("/api/stories?limit=5", "Accept", "text/html").status()).isEqualTo(406);

    String second = create(alice, aStory().titled("Second").build());
    assertThat(titles(alice, "limit=5")).containsExactly("Second", "First");
    assertThat(titles(alice, "limit=1")).containsExactly("Second");
    alice.json("PATCH", "/api/stories/" + first, Map.of("title", "Renamed"));
    assertThat(titles(alice, "limit=5")).containsExactly("Second", "Renamed");
    assertThat(alice.delete("/api/stories/" + second).status()).isEqualTo(204);
    assertThat(titles(alice, "limit=5")).containsExactly("Renamed");
    alice.send("POST", "/api/trash/" + trashId(alice, second) + "/restore", new byte[0]);
    assertThat(titles(alice, "limit=5")).containsExactly("Second", "Renamed");
    assertThat(titles(bob, "limit=5")).isEmpty();
  }

  private static List<String> titles(Api api, String query) {
    Api.Response page = api.get("/api/stories?" + query);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    List<String> titles = new java.util.ArrayList<>();
    page.json().get("items").forEach(s -> titles.add(s.get("title").asString()));
    return titles;
  }

  @Test
  void aStoryReadBeforeSpringMvcIsAnsweredAsTheControllerAnswersIt() {
    String image =
        alice
            .upload("/api/assets", "p.png", Media.aPng(4, 4), Map.of())
            .json()
            .get("id")
            .asString();
    String id =
        create(
            alice,
            aStory()
                .tags("sea")
                .sharedWith(bobId)
                .withPage("One.", image, null)
                .withPage("Two.")
                .build());
    for (Api reader : List.of(alice, bob, admin)) {
      Api.Response fast = reader.get("/api/stories/" + id);
      // why a query parameter: the fast path leaves requests with one to the controller
      Api.Response controller = reader.get("/api/stories/" + id + "?via=controller");
      assertThat(fast.status()).isEqualTo(200);
      assertThat(fast.text()).isEqualTo(controller.text());
      for (String header : List.of("ETag", "Cache-Control", "Content-Type"))
        assertThat(fast.header(header)).as(header).isEqualTo(controller.header(header));
      Api.Response notModified =
          reader.get("/api/stories/" + id, "If-None-Match", fast.header("ETag"));
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.body()).isEmpty();
    }
    assertThat(alice.get("/api/stories/" + id, "Accept", "text/html").status()).isEqualTo(406);
    Api carol = admin.as(newKey("carol", List.of("read")));
    assertThat(carol.get("/api/stories/" + id).status()).isEqualTo(404);
  }

  @Test
  void mergePatchChangesOnlyWhatItNames() {
    String id =
        create(
            alice,
            aStory().category("Adventure").tags("space").withPage("One.").withPage("Two.").build());
    Api.Response patched =
        alice.json(
            "PATCH",
            "/api/stories/" + id,
            Map.of("title", "A New Title", "parameters", Map.of("theme", "courage")),
            "If-Match",
            "\"v1\"");
    assertThat(patched.status()).as(patched.text()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"v2\"");
    JsonNode story = patched.json();
    assertThat(story.get("title").asString()).isEqualTo("A New Title");
    assertThat(story.get("parameters").get("theme").asString()).isEqualTo("courage");
    assertThat(story.get("category").asString()).isEqualTo("adventure");
    assertThat(story.get("content").get("pages")).hasSize(2);
    java.util.Map<String, Object> removeCategory = new java.util.HashMap<>();
    removeCategory.put("category", null);
    assertThat(
            alice
                .json("PATCH", "/api/stories/" + id, removeCategory)
                .json()
                .get("category")
                .isNull())
        .isTrue();
  }

  @Test
  void putReplacesTheDocumentAndEchoedReadOnlyFieldsAreIgnored() {
    String id = create(alice, aStory().withPage("One.").build());
    Map<String, Object> echoed =
        new java.util.LinkedHashMap<>(aStory().titled("Replaced").status("completed").build());
    echoed.put("id", "sty_somethingelse");
    echoed.put("metadata", Map.of("word_count", 999));
    Api.Response replaced = alice.json("PUT", "/api/stories/" + id, echoed);
    assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
    assertThat(replaced.json().get("id").asString()).isEqualTo(id);
    assertThat(replaced.json().get("status").asString()).isEqualTo("completed");
    assertThat(replaced.json().get("metadata").get("word_count").asInt()).isZero();
  }

  @Test
  void refusesBadDocumentsNamingTheField() {
    badRequest(alice.postJson("/api/stories", aStory().with("colour", "red").build()), "colour");
    Map<String, Object> page = Map.of("page_number", 1, "text", "x", "colour", "red");
    badRequest(
        alice.postJson(
            "/api/stories", Map.of("title", "t", "content", Map.of("pages", List.of(page)))),
        "content.pages[0].colour");
    badRequest(
        alice.postJson(
            "/api/stories",
            aStory().withPage("a").withPage("b").build().entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        e ->
                            e.getKey().equals("content")
                                ? Map.of(
                                    "pages",
                                    List.of(
                                        Map.of("page_number", 2, "text", "a"),
                                        Map.of("page_number", 2, "text", "b")))
                                : e.getValue()))),
        "content.pages");
    badRequest(
        alice.postJson(
            "/api/stories",
            Map.of("title", "t", "content", Map.of("pages", List.of(Map.of("page_number", 0))))),
        "content.pages[0].page_number");
    badRequest(alice.postJson("/api/stories", Map.of("content", Map.of())), "title");
    badRequest(alice.postJson("/api/stories", aStory().titled("x".repeat(301)).build()), "title");
    badRequest(alice.postJson("/api/stories", aStory().with("tags", "space").build()), "tags");
    badRequest(
        alice.postJson("/api/stories", aStory().with("tags", List.of("!!!")).build()), "tags");
    badRequest(
        alice.postJson(
            "/api/stories", aStory().with("bible", Map.of("villains", List.of())).build()),
        "bible.villains");
    assertThat(alice.postJson("/api/stories", aStory().status("published").build()).status())
        .isEqualTo(400);
    Api.Response deep =
        alice.send(
            "POST",
            "/api/stories",
            ("{\"title\":" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(),
            "Content-Type",
            "application/json");
    assertThat(deep.status()).isEqualTo(400);
    Api.Response huge =
        alice.postJson(
            "/api/stories",
            aStory().withPage("x".repeat(1_000_000)).withPage("y".repeat(1_100_000)).build());
    assertThat(huge.status()).isEqualTo(413);
    assertThat(alice.get("/api/stories").json().get("items")).isEmpty();
  }

  @Test
  void theBibleIsStoredAndVersionedWithTheStory() {
    Map<String, Object> bible =
        Map.of(
            "characters",
            List.of(Map.of("name", "Goku", "traits", List.of("brave"))),
            "settings",
            List.of(Map.of("name", "Capsule Corp")),
            "rules",
            List.of("Toys never talk to adults"));
    String id = create(alice, aStory().bible(bible).build());
    assertThat(
            alice
                .get("/api/stories/" + id)
                .json()
                .get("bible")
                .get("characters")
                .get(0)
                .get("name")
                .asString())
        .isEqualTo("Goku");
    alice.json(
        "PATCH", "/api/stories/" + id, Map.of("bible", Map.of("rules", List.of("Toys may talk"))));
    assertThat(
            alice
                .get("/api/stories/" + id + "/versions/1")
                .json()
                .get("bible")
                .get("rules")
                .get(0)
                .asString())
        .isEqualTo("Toys never talk to adults");
    assertThat(alice.get("/api/stories/" + id).json().get("bible").get("rules").get(0).asString())
        .isEqualTo("Toys may talk");
  }

  static void badRequest(Api.Response response, String field) {
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("field").asString()).isEqualTo(field);
    assertThat(response.json().get("detail").asString()).isNotBlank();
  }

  private void assertInvalidReference(Map<String, Object> story) {
    Api.Response refused = alice.postJson("/api/stories", story);
    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    assertThat(refused.json().get("type").asString()).endsWith("invalid-asset-reference");
    assertThat(refused.json().get("field").asString())
        .isEqualTo("content.pages[page_number=1].image_asset_id");
  }

  @Test
  void anyTextCanBeCheckedAgainstTheStorysBible() {
    String id =
        create(
            alice,
            Map.of(
                "title",
                "Bible",
                "parameters",
                Map.of("characters", List.of("goku")),
                "bible",
                Map.of(
                    "characters",
                    List.of(Map.of("name", "Woody", "traits", List.of("calm"))),
                    "rules",
                    List.of("No magic"))));
    Api.Response checked =
        alice.postJson(
            "/api/stories/" + id + "/continuity-check",
            Map.of("text", "Gokku waved. Woody was very angry about the magic.", "page", 2));
    assertThat(checked.status()).as(checked.text()).isEqualTo(200);
    String issues = checked.json().get("issues").toString();
    assertThat(issues)
        .contains("name_drift")
        .contains("personality_contradiction")
        .contains("setting_mismatch");
    assertThat(checked.json().get("corrected_text").asString()).startsWith("Goku waved.");
    assertThat(
            bob.postJson("/api/stories/" + id + "/continuity-check", Map.of("text", "x")).status())
        .isEqualTo(404);
    assertThat(alice.postJson("/api/stories/" + id + "/continuity-check", Map.of()).status())
        .isEqualTo(400);
  }

  static String create(Api api, Map<String, Object> story) {
    Api.Response created = api.postJson("/api/stories", story);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  static String asset(Api api, byte[] bytes, Map<String, String> fields) {
    Api.Response created = api.upload("/api/assets", "a.bin", bytes, fields);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asString();
  }
}
