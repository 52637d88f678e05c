package dev.storyvault.story;

import static dev.storyvault.story.StoryApiContract.create;
import static dev.storyvault.story.StoryBuilder.aStory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The StorySearch seam (FTS5 or tsvector) as clients see it: matches, filters, order, pages,
 * visibility.
 */
abstract class StorySearchContract extends ApiTestBase {

  @Autowired JdbcClient jdbc;
  @Autowired StoryIndexer indexer;
  @Autowired StorySearch search;

  private final String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

  @Test
  void findsWordsInTitlesPagesTagsAndCharacters() {
    String byTitle = create(alice, aStory().titled("The " + word + " Express").build());
    String byPage =
        create(alice, aStory().titled("Other").withPage("Deep in the " + word + " forest").build());
    String byTag = create(alice, aStory().titled("Tagged").tags(word).build());
    String byCharacter = create(alice, aStory().titled("Cast").characters(word + "man").build());
    create(alice, aStory().titled("Unrelated").withPage("Nothing here").build());
    assertThat(ids(alice, "q=" + word))
        .containsExactlyInAnyOrder(byTitle, byPage, byTag, byCharacter);
    assertThat(ids(alice, "q=" + word.substring(0, 6))).hasSize(4);
    assertThat(ids(alice, "q=" + word + "%20forest")).containsExactly(byPage);
    assertThat(ids(alice, "q=" + word.toUpperCase())).hasSize(4);
  }

  @Test
  void matchesAWordOnlyInStoriesWithAWordThatStartsWithIt() {
    String id =
        create(alice, aStory().titled(word + " alone").withPage("Cats nap all afternoon").build());
    for (String other : List.of("d", "do", "doc", "s", "h")) {
      assertThat(ids(alice, "q=" + word + "%20" + other)).as(other).isEmpty();
    }
    assertThat(ids(alice, "q=" + word + "%20na%20aft")).containsExactly(id);
  }

  @Test
  void findsAStoryByAPrefixThatManyWordsShare() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100; i++)
      text.append(word).append("x").append(Integer.toString(i, 36)).append(' ');
    String many = create(alice, aStory().titled("Many").withPage(text.toString()).build());
    String one = create(alice, aStory().titled(word + "y").build());
    assertThat(ids(alice, "q=" + word)).containsExactlyInAnyOrder(many, one);
    assertThat(ids(alice, "q=" + word + "x")).containsExactly(many);
    assertThat(ids(alice, "q=" + word + "x1z")).containsExactly(many);
    assertThat(ids(alice, "q=" + word + "&sort=relevance")).containsExactlyInAnyOrder(many, one);
  }

  @Test
  void findsWordsThatAnUpdateBroughtByTheirStart() {
    String id = create(alice, aStory().titled("Plain").build());
    alice.json("PATCH", "/api/stories/" + id, Map.of("title", "The " + word + "quokka"));
    assertThat(ids(alice, "q=" + word.substring(0, 7))).containsExactly(id);
    assertThat(ids(alice, "q=" + word + "quo")).containsExactly(id);
  }

  @Test
  void filtersByStatusTagCategoryAgeGroupAndTime() {
    String a =
        create(
            alice,
            aStory()
                .titled(word + " one")
                .status("completed")
                .tags("space")
                .category("Adventure")
                .ageGroup("6-8")
                .build());
    String b =
        create(
            alice,
            aStory()
                .titled(word + " two")
                .status("draft")
                .tags("sea")
                .category("bedtime")
                .ageGroup("3-5")
                .build());
    assertThat(ids(alice, "q=" + word + "&status=completed")).containsExactly(a);
    assertThat(ids(alice, "q=" + word + "&tag=Sea")).containsExactly(b);
    assertThat(ids(alice, "q=" + word + "&category=adventure")).containsExactly(a);
    assertThat(ids(alice, "q=" + word + "&age_group=3-5")).containsExactly(b);
    assertThat(ids(alice, "tag=space&status=completed")).contains(a).doesNotContain(b);
    assertThat(ids(alice, "q=" + word + "&created_after=2000-01-01T00:00:00Z")).hasSize(2);
    assertThat(ids(alice, "q=" + word + "&created_before=2000-01-01T00:00:00Z")).isEmpty();
    assertThat(alice.get("/api/stories?created_after=yesterday").status()).isEqualTo(400);
  }

  @Test
  void sortsAndPagesWithCursorsWithoutRepeatsOrGaps() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++)
      created.add(create(alice, aStory().titled(word + " " + (char) ('g' - i)).build()));
    assertThat(pages(alice, "q=" + word + "&sort=created_at&order=asc&limit=3"))
        .containsExactlyElementsOf(created);
    assertThat(pages(alice, "q=" + word + "&sort=created_at&limit=2"))
        .containsExactlyElementsOf(created.reversed());
    assertThat(pages(alice, "q=" + word + "&sort=title&limit=3"))
        .containsExactlyElementsOf(created.reversed());
    assertThat(new HashSet<>(pages(alice, "q=" + word + "&limit=2"))).hasSize(7);
    assertThat(alice.get("/api/stories?sort=colour").status()).isEqualTo(400);
  }

  @Test
  void rejectsACursorThatAnotherSortOrderReturned() {
    for (int i = 0; i < 3; i++) create(alice, aStory().titled(word + " " + i).build());
    for (String sort : List.of("title", "relevance", "created_at")) {
      String cursor =
          alice
              .get("/api/stories?limit=1&q=" + word + "&sort=" + sort)
              .json()
              .get("next_cursor")
              .asString();
      for (String other : List.of("title", "relevance", "created_at", "updated_at")) {
        if (other.equals(sort) || other.equals("updated_at") && sort.equals("created_at")) continue;
        Api.Response response =
            alice.get("/api/stories?limit=1&q=" + word + "&sort=" + other + "&cursor=" + cursor);
        assertThat(response.status())
            .as(sort + " cursor, " + other + " order: " + response.text())
            .isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      }
    }
  }

  @Test
  void neverShowsAStoryTheCallerMayNotSee() {
    String secret = create(alice, aStory().titled(word + " secret").build());
    for (String scope : List.of("mine", "shared", "public", "all")) {
      assertThat(ids(bob, "q=" + word + "&scope=" + scope)).doesNotContain(secret);
    }
    assertThat(ids(anonymous, "q=" + word)).doesNotContain(secret);
    assertThat(ids(bob, "owner_id=" + aliceId + "&scope=all")).doesNotContain(secret);
    assertThat(anonymous.get("/api/stories?scope=all").status()).isEqualTo(401);

    alice.json(
        "PATCH",
        "/api/stories/" + secret,
        Map.of("sharing", Map.of("shared_with", List.of(bobId))));
    assertThat(ids(bob, "q=" + word + "&scope=shared")).containsExactly(secret);
    assertThat(ids(anonymous, "q=" + word)).isEmpty();
    alice.json(
        "PATCH",
        "/api/stories/" + secret,
        Map.of("sharing", Map.of("public", true, "shared_with", List.of())));
    assertThat(ids(anonymous, "q=" + word)).containsExactly(secret);
    assertThat(ids(bob, "q=" + word + "&scope=shared")).isEmpty();
    assertThat(ids(admin, "q=" + word + "&scope=all")).containsExactly(secret);
  }

  @Test
  void queriesWithSearchSyntaxAreJustWords() {
    String id = create(alice, aStory().titled(word + " ok").build());
    for (String hostile :
        List.of(
            "%22",
            "*",
            "NEAR(a%20b)",
            "a%20OR%20b",
            "-" + word,
            "%27%3B%20DROP%20TABLE%20stories%3B--",
            "title%3A" + word,
            "%5E" + word,
            "(((",
            "%00")) {
      Api.Response response = alice.get("/api/stories?q=" + hostile);
      assertThat(response.status()).as(hostile).isEqualTo(200);
    }
    assertThat(ids(alice, "q=%22" + word + "%22*")).containsExactly(id);
    assertThat(alice.get("/api/stories/" + id).status()).isEqualTo(200);
  }

  @Test
  void searchFollowsChangesAndDeletions() {
    String id = create(alice, aStory().titled("Before").build());
    alice.json("PATCH", "/api/stories/" + id, Map.of("title", word + " after"));
    assertThat(ids(alice, "q=" + word)).containsExactly(id);
    assertThat(ids(alice, "q=before%20" + word)).isEmpty();
    alice.delete("/api/stories/" + id);
    assertThat(ids(alice, "q=" + word)).isEmpty();
  }

  @Test
  void listsEachStoryAsItReadsWithoutPagesAndBibleAlsoWhenWrittenBeforeListingsWereStored() {
    String id =
        create(
            alice,
            aStory()
                .titled(word + " listed")
                .tags("space")
                .characters("Mo")
                .bible(Map.of("rules", List.of("no magic")))
                .withPage("Once upon a time")
                .build());
    alice.json(
        "PATCH",
        "/api/stories/" + id,
        Map.of("title", word + " renamed", "sharing", Map.of("shared_with", List.of(bobId))));
    ObjectNode expected = (ObjectNode) alice.get("/api/stories/" + id).json().deepCopy();
    expected.remove(List.of("content", "bible"));
    assertThat(alice.get("/api/stories?q=" + word).json().get("items")).containsExactly(expected);

    jdbc.sql("UPDATE stories SET listing = NULL WHERE id = ?").param(id).update();
    assertThat(alice.get("/api/stories?q=" + word).json().get("items")).containsExactly(expected);
  }

  @Test
  void searchesSeeEveryAcknowledgedWriteBeforeTheIndexerTakesItIn() {
    String kept = create(alice, aStory().titled("Kept").tags("sealed").build());
    List<String> made = new ArrayList<>();
    indexer.pause(true);
    try {
      for (int i = 0; i < 5; i++)
        made.add(create(alice, aStory().titled(word + " " + i).tags(word).build()));
      alice.json("PATCH", "/api/stories/" + kept, Map.of("title", "The " + word + " kept"));
      alice.json("PATCH", "/api/stories/" + kept, Map.of("tags", List.of(word)));
      made.add(kept);
      assertThat(queued(made)).isEqualTo(search.indexesInWrite() ? 0 : made.size());

      assertThat(ids(alice, "q=" + word + "&limit=100")).containsExactlyInAnyOrderElementsOf(made);
      assertThat(queued(made)).isZero();
      assertThat(ids(alice, "tag=" + word + "&limit=100"))
          .containsExactlyInAnyOrderElementsOf(made);
      assertThat(ids(alice, "q=kept&tag=sealed")).doesNotContain(kept);
    } finally {
      indexer.pause(false);
    }
  }

  @Test
  void theIndexerTakesInWritesWithoutASearch() {
    String id = create(alice, aStory().titled(word + " alone").withPage("Quiet pages").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> queued(List.of(id)) == 0);
    assertThat(ids(alice, "q=" + word)).containsExactly(id);
  }

  private int queued(List<String> ids) {
    return (int)
        ids.stream()
            .filter(
                id ->
                    jdbc.sql("SELECT COUNT(*) FROM story_index_queue WHERE story_id = ?")
                            .param(id)
                            .query(Integer.class)
                            .single()
                        > 0)
            .count();
  }

  private static List<String> ids(Api api, String query) {
    Api.Response response = api.get("/api/stories?" + query);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }

  static List<String> pages(Api api, String query) {
    List<String> all = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get("/api/stories?" + query + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.get("items").forEach(item -> all.add(item.get("id").asString()));
      cursor = page.has("next_cursor") ? page.get("next_cursor").asString() : null;
      assertThat(cursor == null || cursors.add(cursor)).isTrue();
    } while (cursor != null);
    return all;
  }
}
