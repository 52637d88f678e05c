package dev.storyvault.story;

import java.util.List;
import java.util.Map;

/**
 * Everything a client writes about a story, validated: the editable document. Metadata, ids, owner,
 * version and times are the server's.
 */
public record StoryContent(
    String title,
    StoryStatus status,
    String category,
    List<String> tags,
    Map<String, Object> parameters,
    List<Page> pages,
    Map<String, Object> bible,
    boolean isPublic,
    List<String> sharedWith) {

  public String ageGroup() {
    Object value = parameters.get("age_group");
    return value instanceof String s ? s : null;
  }

  @SuppressWarnings("unchecked")
  public List<String> characters() {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    if (parameters.get("characters") instanceof List<?> list)
      list.forEach(c -> names.add(String.valueOf(c)));
    if (bible.get("characters") instanceof List<?> list) {
      for (Object c : list) {
        names.add(
            c instanceof Map<?, ?> m && m.get("name") != null
                ? String.valueOf(m.get("name"))
                : String.valueOf(c));
      }
    }
    return names;
  }

  public List<String> assetIds() {
    return pages.stream()
        .flatMap(p -> java.util.stream.Stream.of(p.imageAssetId(), p.audioAssetId()))
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }
}
