package dev.storyvault.collection;

import static dev.storyvault.collection.CollectionFixtures.aMonster;
import static dev.storyvault.collection.CollectionFixtures.aName;
import static dev.storyvault.collection.CollectionFixtures.create;
import static dev.storyvault.collection.CollectionFixtures.documents;
import static dev.storyvault.collection.CollectionFixtures.monsters;
import static dev.storyvault.collection.CollectionFixtures.openAccess;
import static dev.storyvault.collection.CollectionFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The filter grammar, sorting, pages and fields; hostile queries; and that queries use indexes. */
abstract class CollectionQueriesContract extends ApiTestBase {

  @Autowired JdbcClient jdbc;
  @Autowired DocumentFinder finder;
  @Autowired CollectionCatalog catalog;

  String name;
  Map<String, String> ids = new LinkedHashMap<>();

  @BeforeEach
  void monstersToQuery() {
    name = aName();
    admin.postJson("/api/collections", monsters(name, openAccess()));
    add("ember", 3, "fire", "2026-01-01T10:00:00Z", true, "boss", "hot");
    add("blaze", 7, "fire", "2026-01-02T10:00:00+02:00", false, "hot");
    add("drip", 1, "water", "2026-01-03T00:00:00.5Z", false);
    add("tide", 5, "water", null, true, "boss");
    add("pebble", 2, "earth", "2025-12-31T23:59:59Z", null);
    add("gust", 9, null, "2026-02-01T00:00:00Z", false, "fast");
  }

  private void add(
      String key, int level, String element, String seenAt, Boolean boss, String... tags) {
    Map<String, Object> doc = aMonster(key, level, element, tags);
    if (element == null) doc.remove("element");
    if (seenAt != null) doc.put("seen_at", seenAt);
    if (boss != null) doc.put("boss", boss);
    ids.put(key, create(alice, name, doc));
  }

  static List<Object[]> filters() {
    return List.of(
        new Object[] {"element = 'fire'", "blaze,ember"},
        new Object[] {"level >= 3 && element = 'fire'", "blaze,ember"},
        new Object[] {"(level >= 3 && element = 'fire') || tags ?= 'boss'", "blaze,ember,tide"},
        new Object[] {"level > 2 && level < 7", "ember,tide"},
        new Object[] {"level <= 2", "drip,pebble"},
        new Object[] {"element != 'fire'", "drip,gust,pebble,tide"},
        new Object[] {"element = null", "gust"},
        new Object[] {"element != null && level > 4", "blaze,tide"},
        new Object[] {"name ~ 'laz'", "blaze"},
        new Object[] {"name ~ 'e'", "blaze,ember,pebble,tide"},
        new Object[] {"name ~ 'ti%'", "tide"},
        new Object[] {"tags ?= 'hot'", "blaze,ember"},
        new Object[] {"tags ?= 'hot' && tags ?= 'boss'", "ember"},
        new Object[] {"boss = true", "ember,tide"},
        new Object[] {"boss != true", "blaze,drip,gust,pebble"},
        new Object[] {"seen_at > '2026-01-01T12:00:00Z'", "blaze,drip,gust"},
        new Object[] {"seen_at < '2026-01-02T09:00:00+01:00'", "ember,pebble"},
        new Object[] {"seen_at <= '2026-01-02T09:00:00+01:00'", "blaze,ember,pebble"},
        new Object[] {"seen_at = null", "tide"},
        new Object[] {"level = 3.0", "ember"},
        new Object[] {"level >= -1e3 && name = \"gust\"", "gust"},
        new Object[] {"name = 'it\\'s' || name = \"gu\\\"st\"", ""},
        new Object[] {"((((element = 'water'))))", "drip,tide"},
        new Object[] {"element = 'water' || element = 'earth' && level > 1", "drip,pebble,tide"});
  }

  @ParameterizedTest
  @MethodSource("filters")
  void aFilterReturnsExactlyTheDocumentsItDescribes(String filter, String expected) {
    Api.Response found = alice.get(documents(name) + query(filter) + "&sort=name&limit=50");
    assertThat(found.status()).as(filter + " → " + found.text()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    found.json().get("items").forEach(item -> names.add(item.get("data").get("name").asString()));
    assertThat(String.join(",", names)).as(filter).isEqualTo(expected);
  }

  @Test
  void sortsByFieldsWithAbsentValuesFirstAscendingAndLastDescending() {
    assertThat(names("?sort=-level")).isEqualTo("gust,blaze,tide,ember,pebble,drip");
    assertThat(names("?sort=element,-level")).isEqualTo("gust,pebble,blaze,ember,tide,drip");
    assertThat(names("?sort=-element,level")).isEqualTo("drip,tide,ember,blaze,pebble,gust");
    // blaze was seen at 08:00Z on Jan 2 (10:00+02:00): instants compare, not texts
    assertThat(names("?sort=seen_at")).isEqualTo("tide,pebble,ember,blaze,drip,gust");
  }

  @Test
  void pagesThroughEveryDocumentOnceWithCursors() {
    for (String sort :
        List.of("-level", "element,-level", "-seen_at", "name", "-created_at", "id")) {
      List<String> seen = new ArrayList<>();
      String next = documents(name) + "?sort=" + sort + "&limit=2";
      while (next != null) {
        JsonNode page = alice.get(next).json();
        page.get("items").forEach(item -> seen.add(item.get("data").get("name").asString()));
        next =
            page.has("next_cursor")
                ? documents(name)
                    + "?sort="
                    + sort
                    + "&limit=2&cursor="
                    + page.get("next_cursor").asString()
                : null;
      }
      assertThat(String.join(",", seen)).as(sort).isEqualTo(names("?sort=" + sort + "&limit=50"));
      assertThat(seen).hasSize(6);
    }
  }

  @Test
  void picksFieldsAndCountsOnlyWhenAsked() {
    JsonNode page = alice.get(documents(name) + "?fields=name,level&sort=name&limit=1").json();
    assertThat(page.get("items").get(0).get("data").propertyNames())
        .containsExactly("name", "level");
    assertThat(page.has("total")).isFalse();
    JsonNode counted =
        alice.get(documents(name) + query("element = 'fire'") + "&total=true").json();
    assertThat(counted.get("total").asInt()).isEqualTo(2);
  }

  static List<String> hostileFilters() {
    List<String> filters = new ArrayList<>();
    filters.add("name = 'x' OR 1=1");
    filters.add("name = ''; DROP TABLE collection_documents; --'");
    filters.add("document = 'x'");
    filters.add("stats.hp > 1");
    filters.add("level) > 1");
    filters.add("(level > 1");
    filters.add("level > 1)");
    filters.add("level >");
    filters.add("level = 'three'");
    filters.add("name > 3");
    filters.add("tags = 'boss'");
    filters.add("name ?= 'x'");
    filters.add("boss > true");
    filters.add("seen_at > 'yesterday'");
    filters.add("name = 'unterminated");
    filters.add("level ~ 3");
    filters.add("json_extract(document, '$.x') = 1");
    filters.add("level = 1e999999999");
    filters.add("&& level = 1");
    filters.add("(".repeat(5_000) + "level = 1" + ")".repeat(5_000));
    filters.add("(".repeat(30) + "level = 1" + ")".repeat(30));
    filters.add(String.join(" || ", java.util.Collections.nCopies(10_000, "level = 1")));
    filters.add(String.join(" || ", java.util.Collections.nCopies(100, "level = 1")));
    return filters;
  }

  @ParameterizedTest
  @MethodSource("hostileFilters")
  void hostileFiltersAnswer400WithNothingRun(String filter) {
    Api.Response refused = alice.get(documents(name) + query(filter));
    assertThat(refused.status())
        .as(filter.substring(0, Math.min(80, filter.length())))
        .isIn(400, 414);
    if (refused.status() == 400)
      assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(alice.get(documents(name)).json().get("items")).hasSize(6);
  }

  @Test
  void unknownSortFieldsAndBadParametersAreRefusedNamingThem() {
    Api.Response unknown = alice.get(documents(name) + "?sort=stats.hp");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("detail").asString()).contains("stats.hp", "level");
    assertThat(alice.get(documents(name) + "?sort=tags").status()).isEqualTo(400);
    assertThat(alice.get(documents(name) + "?limit=0").status()).isEqualTo(400);
    assertThat(alice.get(documents(name) + "?limit=5000").status()).isEqualTo(400);
    assertThat(alice.get(documents(name) + "?cursor=bm9wZQ").status()).isEqualTo(400);
    assertThat(alice.get(documents(name) + "?fields=a;b").status()).isEqualTo(400);
    assertThat(alice.get(documents(name) + "?order=name").status()).isEqualTo(400);
    String cursor =
        alice.get(documents(name) + "?sort=name&limit=1").json().get("next_cursor").asString();
    assertThat(alice.get(documents(name) + "?sort=-level&cursor=" + cursor).status())
        .isEqualTo(400);
  }

  @Test
  void filtersAndSortsRunOnIndexes() {
    String big = aName();
    admin.postJson("/api/collections", monsters(big, openAccess()));
    fill(big, 3_000);
    CollectionDefinition definition = catalog.require(big).definition();
    assertUsesAnIndex(plan(definition, "element = 'fire' && level > 2", "level"));
    assertUsesAnIndex(plan(definition, "name = 'm17'", "name"));
    assertUsesAnIndex(plan(definition, "seen_at > '2026-01-01T00:00:00Z'", "seen_at"));
    assertUsesAnIndex(plan(definition, "name ~ 'm1%'", "-name"));
    assertUsesAnIndex(plan(definition, null, "-level"));
    String tags = plan(definition, "tags ?= 't7'", "name");
    assertUsesAnIndex(tags);
    assertThat(tags).containsAnyOf("SEARCH v", "Bitmap Index Scan on cdx_");
  }

  private String plan(CollectionDefinition definition, String filter, String sort) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (filter != null) parameters.put("filter", filter);
    parameters.put("sort", sort);
    DocumentQuery query = DocumentQuery.parse(definition, parameters);
    var statement = finder.statement(definition, query, null);
    return filter + " / " + sort + ":\n" + explain(statement.sql(), statement.params());
  }

  /** Adds {@code count} monsters straight into the table (an API loop would take minutes). */
  abstract void fill(String collection, int count);

  /** Fails when the plan reads the whole table instead of an index. */
  abstract void assertUsesAnIndex(String plan);

  /** The database's plan of a query, as one text. */
  abstract String explain(String sql, List<Object> params);

  private String names(String parameters) {
    List<String> names = new ArrayList<>();
    alice
        .get(documents(name) + parameters)
        .json()
        .get("items")
        .forEach(i -> names.add(i.get("data").get("name").asString()));
    return String.join(",", names);
  }
}
