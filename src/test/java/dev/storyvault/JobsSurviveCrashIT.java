package dev.storyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.support.Api;
import dev.storyvault.support.ServerProcess;
import dev.storyvault.support.TestModes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Generation jobs under kill -9 on the packaged jar: several jobs are killed mid-stage; after the
 * restart (once the dead workers' leases ran out) every job ends final_ready, and no story has a
 * duplicate page or an asset it does not use: nothing was made twice.
 */
class JobsSurviveCrashIT {

  private static final int JOBS = 4;
  private static final int PAGES = 6;
  private static final Map<String, String> ENV =
      Map.of(
          "STORYVAULT_ADMIN_API_KEY",
          TestModes.ADMIN_KEY,
          "STORYVAULT_JOBS_LEASE",
          "PT5S",
          "STORYVAULT_JOBS_WORKERS",
          "2");

  @Test
  void jobsKilledMidStageFinishAfterTheRestartWithNothingMadeTwice() throws Exception {
    Path dataDir = Files.createTempDirectory("storyvault-jobs-").resolve("data");
    List<String> jobs = new ArrayList<>();
    ServerProcess server = ServerProcess.start(dataDir, ENV);
    Api api = new Api(server.baseUrl(), TestModes.ADMIN_KEY);
    for (int i = 0; i < JOBS; i++) {
      Api.Response created =
          api.json(
              "POST",
              "/api/jobs",
              Map.of(
                  "type",
                  "story.generate",
                  "input",
                  Map.of(
                      "characters",
                      List.of("goku", "woody", "pip" + i),
                      "pages",
                      PAGES,
                      "width",
                      1024,
                      "height",
                      768)),
              "Idempotency-Key",
              UUID.randomUUID().toString());
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      jobs.add(created.json().get("id").asString());
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                jobs.stream()
                    .anyMatch(
                        id -> api.get("/api/jobs/" + id).json().get("progress").asInt() >= 30));
    List<String> midway =
        jobs.stream()
            .filter(
                id -> {
                  String status = api.get("/api/jobs/" + id).json().get("status").asString();
                  return !status.equals("final_ready") && !status.equals("queued");
                })
            .toList();
    server.kill9();
    assertThat(midway).as("jobs killed mid-stage").isNotEmpty();

    try (ServerProcess restarted = ServerProcess.start(dataDir, ENV)) {
      Api again = new Api(restarted.baseUrl(), TestModes.ADMIN_KEY);
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  jobs.stream()
                      .allMatch(
                          id ->
                              again
                                  .get("/api/jobs/" + id)
                                  .json()
                                  .get("status")
                                  .asString()
                                  .equals("final_ready")));
      Set<String> used = new HashSet<>();
      for (String id : jobs) {
        JsonNode job = again.get("/api/jobs/" + id).json();
        JsonNode pages =
            again
                .get("/api/stories/" + job.get("result").get("story_id").asString())
                .json()
                .get("content")
                .get("pages");
        assertThat(pages).hasSize(PAGES);
        Set<Integer> numbers = new HashSet<>();
        for (JsonNode page : pages) {
          numbers.add(page.get("page_number").asInt());
          assertThat(used.add(page.get("image_asset_id").asString())).isTrue();
          assertThat(used.add(page.get("audio_asset_id").asString())).isTrue();
        }
        assertThat(numbers).hasSize(PAGES);
      }
      int assets = 0;
      String cursor = null;
      do {
        JsonNode page =
            again.get("/api/assets?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
        assets += page.get("items").size();
        cursor = page.has("next_cursor") ? page.get("next_cursor").asString() : null;
      } while (cursor != null);
      assertThat(assets)
          .as("assets: exactly those the stories use")
          .isEqualTo(used.size())
          .isEqualTo(JOBS * PAGES * 2);
    }
    System.out.println(
        "jobs crash test: " + midway.size() + " jobs killed mid-stage finished after the restart");
  }
}
