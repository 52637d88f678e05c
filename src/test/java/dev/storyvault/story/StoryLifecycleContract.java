package dev.storyvault.story;

import static dev.storyvault.story.StoryApiContract.asset;
import static dev.storyvault.story.StoryApiContract.create;
import static dev.storyvault.story.StoryBuilder.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Versions and optimistic concurrency, sharing, share links, draft expiry and domain events. */
@Import(StoryEventsRecorder.class)
abstract class StoryLifecycleContract extends ApiTestBase {

  @Autowired DraftExpiry drafts;
  @Autowired StoryEventsRecorder recorder;

  @Test
  void everyChangeMakesAVersionAndRestoringMakesAnother() {
    String id = create(alice, aStory().titled("First").build());
    alice.json("PUT", "/api/stories/" + id, aStory().titled("Second").build());
    alice.json("PATCH", "/api/stories/" + id, Map.of("title", "Third"));
    JsonNode versions = alice.get("/api/stories/" + id + "/versions").json().get("items");
    assertThat(versions).hasSize(3);
    assertThat(versions.get(2).get("title").asString()).isEqualTo("First");
    assertThat(alice.get("/api/stories/" + id + "/versions/1").json().get("title").asString())
        .isEqualTo("First");
    Api.Response restored =
        alice.send(
            "POST",
            "/api/stories/" + id + "/versions/1/restore",
            new byte[0],
            "If-Match",
            "\"v3\"");
    assertThat(restored.status()).as(restored.text()).isEqualTo(200);
    assertThat(restored.json().get("title").asString()).isEqualTo("First");
    assertThat(restored.json().get("version").asInt()).isEqualTo(4);
    assertThat(alice.get("/api/stories/" + id + "/versions/9").status()).isEqualTo(404);
  }

  @Test
  void aStaleIfMatchIsRefusedAndChangesNothing() {
    String id = create(alice, aStory().titled("Original").build());
    alice.json("PATCH", "/api/stories/" + id, Map.of("title", "Changed by someone else"));
    Api.Response stale =
        alice.json(
            "PUT", "/api/stories/" + id, aStory().titled("Mine").build(), "If-Match", "\"v1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(
            alice
                .json("PATCH", "/api/stories/" + id, Map.of("title", "x"), "If-Match", "\"v1\"")
                .status())
        .isEqualTo(412);
    assertThat(
            alice.send("DELETE", "/api/stories/" + id, new byte[0], "If-Match", "\"v1\"").status())
        .isEqualTo(412);
    Api.Response current = alice.get("/api/stories/" + id);
    assertThat(current.json().get("title").asString()).isEqualTo("Changed by someone else");
    assertThat(alice.get("/api/stories/" + id, "If-None-Match", current.header("ETag")).status())
        .isEqualTo(304);
  }

  @Test
  void ofTwoConcurrentUpdatesExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 8; round++) {
        String id = create(alice, aStory().titled("Race " + round).build());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String title : List.of("Left", "Right")) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return alice
                        .json(
                            "PUT",
                            "/api/stories/" + id,
                            aStory().titled(title).build(),
                            "If-Match",
                            "\"v1\"")
                        .status();
                  }));
        }
        start.countDown();
        List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(alice.get("/api/stories/" + id).json().get("version").asInt()).isEqualTo(2);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void storiesArePrivateUntilSharedOrPublished() {
    String image = asset(alice, Media.aUniquePng(), Map.of());
    String id = create(alice, aStory().withPage("A secret page.", image, null).build());
    assertThat(bob.get("/api/stories/" + id).status()).isEqualTo(404);
    assertThat(anonymous.get("/api/stories/" + id).status()).isEqualTo(404);
    assertThat(bob.get("/api/assets/" + image + "/content").status()).isEqualTo(404);
    assertThat(bob.json("PATCH", "/api/stories/" + id, Map.of("title", "mine now")).status())
        .isEqualTo(404);

    alice.json(
        "PATCH", "/api/stories/" + id, Map.of("sharing", Map.of("shared_with", List.of(bobId))));
    assertThat(bob.get("/api/stories/" + id).status()).isEqualTo(200);
    assertThat(bob.get("/api/assets/" + image + "/content").status()).isEqualTo(200);
    assertThat(bob.json("PATCH", "/api/stories/" + id, Map.of("title", "mine now")).status())
        .isEqualTo(403);
    assertThat(bob.delete("/api/stories/" + id).status()).isEqualTo(403);
    assertThat(anonymous.get("/api/stories/" + id).status()).isEqualTo(404);

    alice.json("PATCH", "/api/stories/" + id, Map.of("sharing", Map.of("public", true)));
    assertThat(anonymous.get("/api/stories/" + id).status()).isEqualTo(200);
    assertThat(anonymous.get("/api/assets/" + image + "/content").status()).isEqualTo(200);
    assertThat(
            alice
                .json(
                    "PATCH",
                    "/api/stories/" + id,
                    Map.of(
                        "sharing",
                        Map.of("shared_with", List.of("usr_00000000000000000000000099"))))
                .status())
        .isEqualTo(422);
  }

  @Test
  void aShareLinkOpensOneStoryUntilRevoked() {
    String image = asset(alice, Media.aUniquePng(), Map.of());
    String other = asset(alice, Media.aUniquePng(), Map.of());
    String id = create(alice, aStory().withPage("Shared page.", image, null).build());
    assertThat(bob.send("POST", "/api/stories/" + id + "/share-links", new byte[0]).status())
        .isEqualTo(404);
    Api.Response link = alice.send("POST", "/api/stories/" + id + "/share-links", new byte[0]);
    assertThat(link.status()).isEqualTo(201);
    String url = link.json().get("url").asString();
    JsonNode shared = anonymous.get(url).json();
    assertThat(shared.get("id").asString()).isEqualTo(id);
    String imageUrl = shared.get("content").get("pages").get(0).get("image_url").asString();
    assertThat(imageUrl).startsWith(url + "/assets/");
    assertThat(anonymous.get(imageUrl).status()).isEqualTo(200);
    assertThat(anonymous.get(url + "/assets/" + other + "/content").status()).isEqualTo(404);
    assertThat(alice.get("/api/stories/" + id + "/share-links").text())
        .doesNotContain(link.json().get("token").asString());

    String linkId = link.json().get("id").asString();
    assertThat(alice.delete("/api/stories/" + id + "/share-links/" + linkId).status())
        .isEqualTo(204);
    assertThat(anonymous.get(url).status()).isEqualTo(404);
    assertThat(anonymous.get(imageUrl).status()).isEqualTo(404);
    assertThat(anonymous.get("/api/shared/not-a-token").status()).isEqualTo(404);
  }

  @Test
  void untouchedDraftsExpireAndOtherStoriesStay() {
    String draft = create(alice, aStory().titled("Forgotten draft").build());
    String done = create(alice, aStory().titled("Finished").status("completed").build());
    drafts.expireOlderThan(System.currentTimeMillis() - 60_000);
    assertThat(alice.get("/api/stories/" + draft).status()).isEqualTo(200);
    drafts.expireOlderThan(System.currentTimeMillis() + 60_000);
    assertThat(alice.get("/api/stories/" + draft).status()).isEqualTo(404);
    assertThat(alice.get("/api/stories/" + done).status()).isEqualTo(200);
    assertThat(recorder.events).contains(new StoryDeleted(draft, aliceId));
  }

  @Test
  void publishesDomainEventsForOtherModules() {
    String id = create(alice, aStory().build());
    alice.json("PATCH", "/api/stories/" + id, Map.of("title", "Changed"));
    alice.delete("/api/stories/" + id);
    assertThat(recorder.events)
        .contains(
            new StoryCreated(id, aliceId),
            new StoryChanged(id, aliceId, 2),
            new StoryDeleted(id, aliceId));
  }

  /**
   * A story saved while the asset it uses is deleted: one of them wins. Either the story is kept
   * and the delete answers 409, or the asset is gone and the story is refused; never a page
   * pointing at nothing.
   */
  @Test
  void aStorySavedWhileItsAssetIsDeletedNeverPointsAtNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 40; round++) {
        int r = round;
        String image = asset(alice, Media.aPng(8 + round, 8), Map.of());
        CountDownLatch start = new CountDownLatch(1);
        Future<Api.Response> story =
            pool.submit(
                () -> {
                  start.await();
                  return alice.postJson(
                      "/api/stories",
                      aStory().titled("race " + r).withPage("p", image, null).build());
                });
        Future<Api.Response> delete =
            pool.submit(
                () -> {
                  start.await();
                  return alice.delete("/api/assets/" + image);
                });
        start.countDown();
        int stored = story.get().status();
        int deleted = delete.get().status();
        assertThat(List.of(stored, deleted))
            .as("round %d: story %d, delete %d", round, stored, deleted)
            .isIn(List.of(201, 409), List.of(422, 204));
        if (stored == 201) {
          String id = story.get().json().get("id").asString();
          assertThat(alice.get("/api/assets/" + image).status()).isEqualTo(200);
          assertThat(alice.get("/api/stories/" + id).status()).isEqualTo(200);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
