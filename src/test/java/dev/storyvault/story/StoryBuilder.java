package dev.storyvault.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test builder: {@code aStory().titled("x").withPage("text").build()} gives a request body. */
final class StoryBuilder {

  private final Map<String, Object> doc = new LinkedHashMap<>();
  private final List<Map<String, Object>> pages = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final Map<String, Object> sharing = new LinkedHashMap<>();

  static StoryBuilder aStory() {
    return new StoryBuilder().titled("Goku and Woody's Big Adventure");
  }

  StoryBuilder titled(String title) {
    doc.put("title", title);
    return this;
  }

  StoryBuilder status(String status) {
    doc.put("status", status);
    return this;
  }

  StoryBuilder category(String category) {
    doc.put("category", category);
    return this;
  }

  StoryBuilder tags(String... tags) {
    doc.put("tags", List.of(tags));
    return this;
  }

  StoryBuilder characters(String... names) {
    parameters.put("characters", List.of(names));
    return this;
  }

  StoryBuilder ageGroup(String ageGroup) {
    parameters.put("age_group", ageGroup);
    return this;
  }

  StoryBuilder withPage(String text) {
    return withPage(text, null, null);
  }

  StoryBuilder withPage(String text, String imageAssetId, String audioAssetId) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("page_number", pages.size() + 1);
    page.put("text", text);
    if (imageAssetId != null) page.put("image_asset_id", imageAssetId);
    if (audioAssetId != null) page.put("audio_asset_id", audioAssetId);
    pages.add(page);
    return this;
  }

  StoryBuilder bible(Map<String, Object> bible) {
    doc.put("bible", bible);
    return this;
  }

  StoryBuilder publicly() {
    sharing.put("public", true);
    return this;
  }

  StoryBuilder sharedWith(String... userIds) {
    sharing.put("shared_with", List.of(userIds));
    return this;
  }

  StoryBuilder with(String field, Object value) {
    doc.put(field, value);
    return this;
  }

  Map<String, Object> build() {
    Map<String, Object> out = new LinkedHashMap<>(doc);
    out.put("parameters", parameters);
    out.put("content", Map.of("pages", pages));
    if (!sharing.isEmpty()) out.put("sharing", sharing);
    return out;
  }
}
