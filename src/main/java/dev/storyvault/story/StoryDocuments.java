package dev.storyvault.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editable story document as JSON-ready maps: what is stored, versioned, patched and returned.
 */
final class StoryDocuments {

  private StoryDocuments() {}

  static Map<String, Object> editable(StoryContent c) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("title", c.title());
    doc.put("status", c.status().wireName());
    doc.put("category", c.category());
    doc.put("tags", c.tags());
    doc.put("parameters", c.parameters());
    doc.put("content", Map.of("pages", pages(c.pages(), null)));
    doc.put("bible", c.bible());
    doc.put("sharing", sharing(c));
    return doc;
  }

  private static Map<String, Object> sharing(StoryContent c) {
    Map<String, Object> sharing = new LinkedHashMap<>();
    sharing.put("public", c.isPublic());
    sharing.put("shared_with", c.sharedWith());
    return sharing;
  }

  /** Pages with delivery URLs; {@code urlPrefix} null means the stored form, without URLs. */
  static List<Map<String, Object>> pages(List<Page> pages, String urlPrefix) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Page page : pages) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("page_number", page.pageNumber());
      p.put("text", page.text());
      p.put("image_asset_id", page.imageAssetId());
      p.put("audio_asset_id", page.audioAssetId());
      if (urlPrefix != null) {
        p.put(
            "image_url",
            page.imageAssetId() == null ? null : urlPrefix + page.imageAssetId() + "/content");
        p.put(
            "audio_url",
            page.audioAssetId() == null ? null : urlPrefix + page.audioAssetId() + "/content");
      }
      out.add(p);
    }
    return out;
  }

  static Map<String, Object> metadata(StoryMetadata m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("word_count", m.wordCount());
    out.put("reading_time", m.readingTime());
    out.put("image_count", m.imageCount());
    out.put("page_count", m.pageCount());
    out.put("audio_duration", m.audioDuration());
    return out;
  }

  /** The full story document a client reads; asset URLs start with {@code urlPrefix}. */
  static Map<String, Object> view(Story story, String urlPrefix) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", story.id());
    doc.put("owner_id", story.ownerId());
    doc.putAll(editable(story.content()));
    if (urlPrefix != null)
      doc.put("content", Map.of("pages", pages(story.content().pages(), urlPrefix)));
    doc.put("metadata", metadata(story.metadata()));
    doc.put("version", story.version());
    doc.put("created_at", story.createdAt().toString());
    doc.put("updated_at", story.updatedAt().toString());
    return doc;
  }

  /**
   * A listing entry: the document without pages and bible (those come with GET /api/stories/{id}).
   * why not view() minus those: listings build twenty at a time, and the pages were built only to
   * be dropped.
   */
  static Map<String, Object> summary(Story story) {
    StoryContent c = story.content();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", story.id());
    doc.put("owner_id", story.ownerId());
    doc.put("title", c.title());
    doc.put("status", c.status().wireName());
    doc.put("category", c.category());
    doc.put("tags", c.tags());
    doc.put("parameters", c.parameters());
    doc.put("sharing", sharing(c));
    doc.put("metadata", metadata(story.metadata()));
    doc.put("version", story.version());
    doc.put("created_at", story.createdAt().toString());
    doc.put("updated_at", story.updatedAt().toString());
    return doc;
  }

  /** RFC 7396 JSON Merge Patch. */
}
