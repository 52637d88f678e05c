package dev.storyvault.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyvault.platform.ApiProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document kernel's pieces, each against what a caller would send. */
class DocumentKernelTest {

  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A test document", 1_000, 4));

  @Test
  void readsOneObjectWithinItsLimits() throws Exception {
    assertThat(json.readObject(body("{\"a\":{\"b\":[1,2]},\"c\":null}"))).containsKeys("a", "c");
  }

  @Test
  void refusesWhatIsTooLargeTooDeepOrNotAnObjectWithAProblemNamingTheLimit() {
    assertRefused("{\"a\":\"" + "x".repeat(2_000) + "\"}", 413, "content-too-large");
    assertRefused("{\"a\":[[[[[1]]]]]}", 400, "json-too-deep");
    assertRefused("[1,2]", 400, "invalid-json");
    assertRefused("", 400, "invalid-json");
    assertRefused("{\"a\":", 400, "invalid-json");
    assertRefused("null", 400, "invalid-json");
  }

  @Test
  void aLongStringIsRefusedWhileParsingNotAfter() {
    BoundedJson strict =
        new BoundedJson(
            new JsonLimits(
                "A field",
                10_000,
                8,
                100,
                org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-json",
                "json-too-deep"));
    assertThatThrownBy(() -> strict.readObject("{\"a\":\"" + "x".repeat(500) + "\"}"))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(422));
  }

  @Test
  void mergePatchFollowsRfc7396() {
    Map<String, Object> target =
        new LinkedHashMap<>(
            Map.of(
                "title",
                "Goodbye!",
                "author",
                Map.of("givenName", "John", "familyName", "Doe"),
                "tags",
                List.of("example", "sample")));
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("title", "Hello!");
    patch.put("author", new LinkedHashMap<>(Map.of()));
    ((Map<String, Object>) patch.get("author")).put("familyName", null);
    patch.put("tags", List.of("example"));
    Map<String, Object> merged = MergePatch.applyToObject(target, patch);
    assertThat(merged).containsEntry("title", "Hello!").containsEntry("tags", List.of("example"));
    assertThat(merged.get("author")).isEqualTo(Map.of("givenName", "John"));
    assertThat(MergePatch.apply(Map.of("a", 1), List.of(1))).isEqualTo(List.of(1));
  }

  @Test
  void ifMatchAcceptsTheCurrentVersionAmongOthersOrAStar() {
    assertThat(Preconditions.etag(3)).isEqualTo("\"v3\"");
    assertThat(Preconditions.expectedVersion(null, 3)).isEqualTo(3);
    assertThat(Preconditions.expectedVersion("*", 3)).isEqualTo(3);
    assertThat(Preconditions.expectedVersion("\"v2\", \"v3\"", 3)).isEqualTo(3);
    assertThat(Preconditions.expectedVersion("\"v2\"", 3)).isEqualTo(-1);
    assertThat(Preconditions.stale("story").status().value()).isEqualTo(412);
  }

  @Test
  void cursorsCarryAnyTextAndRefuseForgeries() {
    List<String> parts = List.of("s", "a|b:c 12:", "sty_1");
    assertThat(Cursors.decode(Cursors.encode(parts))).isEqualTo(parts);
    for (String forged : List.of("!!!", "OTk5Onh4", "x".repeat(5_000))) {
      assertThatThrownBy(() -> Cursors.decode(forged))
          .isInstanceOfSatisfying(
              ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(400));
    }
  }

  @Test
  void sqlConditionsNeverHoldAValue() {
    SqlConditions sql =
        new SqlConditions()
            .append("SELECT 1 FROM t WHERE 1 = 1")
            .and("name = ?", "x'; DROP TABLE t; --")
            .andIn("id", List.of("a", "b"))
            .andIn("other", List.of());
    assertThat(sql.sql())
        .isEqualTo("SELECT 1 FROM t WHERE 1 = 1 AND name = ? AND id IN (?, ?) AND 1 = 0");
    assertThat(sql.params()).containsExactly("x'; DROP TABLE t; --", "a", "b");
  }

  private void assertRefused(String body, int status, String type) {
    assertThatThrownBy(() -> json.readObject(body(body)))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status().value()).isEqualTo(status);
              assertThat(p.slug()).isEqualTo(type);
            });
  }

  private static ByteArrayInputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
