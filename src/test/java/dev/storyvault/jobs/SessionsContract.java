package dev.storyvault.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Interactive sessions: pinned story, turns made by jobs, compare-and-set, one turn per continue,
 * expiry, guests.
 */
abstract class SessionsContract extends ApiTestBase {

  @Test
  void aSessionFromAStoryPinsItsVersionAndPlaysTurnsInOrder() {
    String story =
        alice
            .postJson(
                "/api/stories",
                Map.of(
                    "title",
                    "Kites",
                    "parameters",
                    Map.of("characters", List.of("goku")),
                    "bible",
                    Map.of("characters", List.of(Map.of("name", "Goku"), Map.of("name", "Woody"))),
                    "content",
                    Map.of(
                        "pages",
                        List.of(Map.of("page_number", 1, "text", "Goku met Woody by the sea.")))))
            .json()
            .get("id")
            .asString();
    Api.Response started = alice.postJson("/api/sessions", Map.of("story_id", story));
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    String id = started.json().get("id").asString();
    assertThat(started.json().get("story_version").asInt()).isEqualTo(1);

    play(alice, id, Map.of("choice", "Fly a kite"), started.header("ETag"));
    JsonNode afterOne = alice.get("/api/sessions/" + id).json();
    assertThat(afterOne.get("turn_count").asInt()).isEqualTo(1);
    JsonNode first = afterOne.get("turns").get(0);
    assertThat(first.get("kind").asString()).isEqualTo("choice");
    assertThat(first.get("text").asString()).contains("fly a kite");
    assertThat(first.get("job_id").asString()).startsWith("job_");

    Api.Response stale =
        alice.json(
            "POST",
            "/api/sessions/" + id + "/continue",
            Map.of("text", "Swim"),
            "If-Match",
            "\"v1\"");
    assertThat(stale.status()).isEqualTo(412);
    play(
        alice,
        id,
        Map.of("text", "They swim home"),
        alice.get("/api/sessions/" + id).header("ETag"));
    assertThat(alice.get("/api/story/session/" + id).json().get("turn_count").asInt()).isEqualTo(2);
    assertThat(bob.get("/api/sessions/" + id).status()).isEqualTo(404);
  }

  @Test
  void theSameContinueSentTwiceMakesOneTurn() {
    String id =
        alice
            .postJson("/api/sessions", Map.of("characters", List.of("pip")))
            .json()
            .get("id")
            .asString();
    Map<String, Object> wish = Map.of("text", "Pip finds a door", "expected_turn", 1);
    Api.Response first = alice.postJson("/api/sessions/" + id + "/continue", wish);
    Api.Response second = alice.postJson("/api/sessions/" + id + "/continue", wish);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    alice.get("/api/jobs/" + first.json().get("id").asString() + "/events");
    Api.Response again = alice.postJson("/api/sessions/" + id + "/continue", wish);
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(alice.get("/api/sessions/" + id).json().get("turn_count").asInt()).isEqualTo(1);
    assertThat(
            alice
                .postJson(
                    "/api/sessions/" + id + "/continue",
                    Map.of("text", "Other", "expected_turn", 1))
                .status())
        .isEqualTo(412);
  }

  static void play(Api api, String session, Map<String, Object> wish, String ifMatch) {
    Api.Response job =
        ifMatch == null
            ? api.postJson("/api/sessions/" + session + "/continue", wish)
            : api.json("POST", "/api/sessions/" + session + "/continue", wish, "If-Match", ifMatch);
    assertThat(job.status()).as(job.text()).isEqualTo(201);
    String events = api.get("/api/jobs/" + job.json().get("id").asString() + "/events").text();
    assertThat(events).contains("\"status\":\"final_ready\"");
  }
}
