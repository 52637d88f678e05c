package dev.storyvault.story;

import dev.storyvault.platform.ApiProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Turns a client's story document into {@link StoryContent}, or says exactly which field is wrong.
 * Read-only fields a client may echo back (id, version, metadata, urls) are ignored; unknown ones
 * are not.
 */
final class StoryValidator {

  static final int MAX_TITLE = 300;
  static final int MAX_TEXT = 20_000;
  static final int MAX_PAGES = 500;
  static final int MAX_TAGS = 50;

  private static final Set<String> TOP =
      Set.of("title", "status", "category", "tags", "parameters", "content", "bible", "sharing");
  private static final Set<String> READ_ONLY =
      Set.of("id", "owner_id", "version", "metadata", "created_at", "updated_at");
  private static final Set<String> PAGE =
      Set.of("page_number", "text", "image_asset_id", "audio_asset_id");
  private static final Set<String> PAGE_READ_ONLY = Set.of("image_url", "audio_url");
  private static final Set<String> BIBLE = Set.of("characters", "settings", "rules");
  private static final Set<String> SHARING = Set.of("public", "shared_with");
  private static final Set<String> STRING_LISTS = Set.of("universes", "characters");
  private static final Set<String> STRINGS = Set.of("theme", "moral_lesson", "length", "age_group");

  private StoryValidator() {}

  static StoryContent validate(Map<String, Object> doc) {
    onlyKnown(doc, "", TOP, READ_ONLY);
    Map<String, Object> sharing = object(doc.get("sharing"), "sharing");
    onlyKnown(sharing, "sharing.", SHARING, Set.of());
    return new StoryContent(
        title(doc.get("title")),
        doc.get("status") == null
            ? StoryStatus.DRAFT
            : StoryStatus.parse(string(doc.get("status"), "status", 20)),
        doc.get("category") == null
            ? null
            : Tags.normalize(string(doc.get("category"), "category", 100), "category"),
        tags(doc.get("tags")),
        parameters(doc.get("parameters")),
        pages(doc.get("content")),
        bible(doc.get("bible")),
        Boolean.TRUE.equals(bool(sharing.get("public"), "sharing.public")),
        strings(sharing.get("shared_with"), "sharing.shared_with", 100, 64));
  }

  private static String title(Object value) {
    if (value == null) throw invalid("title", "title is required.");
    String title = string(value, "title", MAX_TITLE).strip();
    if (title.isEmpty()) throw invalid("title", "title must not be blank.");
    return title;
  }

  private static List<String> tags(Object value) {
    List<String> raw = strings(value, "tags", MAX_TAGS, 100);
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    for (String tag : raw) tags.add(Tags.normalize(tag, "tags"));
    return List.copyOf(tags);
  }

  private static Map<String, Object> parameters(Object value) {
    Map<String, Object> parameters = new LinkedHashMap<>(object(value, "parameters"));
    for (String key : STRING_LISTS) {
      if (parameters.containsKey(key))
        parameters.put(key, strings(parameters.get(key), "parameters." + key, 100, 200));
    }
    for (String key : STRINGS) {
      if (parameters.get(key) != null) string(parameters.get(key), "parameters." + key, 200);
    }
    return parameters;
  }

  private static Map<String, Object> bible(Object value) {
    Map<String, Object> bible = object(value, "bible");
    onlyKnown(bible, "bible.", BIBLE, Set.of());
    for (String key : BIBLE) {
      if (bible.get(key) != null && !(bible.get(key) instanceof List<?>))
        throw invalid("bible." + key, "bible." + key + " must be an array.");
    }
    return bible;
  }

  private static List<Page> pages(Object value) {
    Map<String, Object> content = object(value, "content");
    onlyKnown(content, "content.", Set.of("pages"), Set.of());
    Object raw = content.get("pages");
    if (raw == null) return List.of();
    if (!(raw instanceof List<?> list))
      throw invalid("content.pages", "content.pages must be an array.");
    if (list.size() > MAX_PAGES)
      throw invalid("content.pages", "A story has at most " + MAX_PAGES + " pages.");
    List<Page> pages = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Page page = page(list.get(i), "content.pages[" + i + "]", i + 1);
      if (!numbers.add(page.pageNumber()))
        throw invalid("content.pages", "page_number " + page.pageNumber() + " appears twice.");
      pages.add(page);
    }
    pages.sort(Comparator.comparingInt(Page::pageNumber));
    return pages;
  }

  private static Page page(Object value, String path, int position) {
    Map<String, Object> page = object(value, path);
    onlyKnown(page, path + ".", PAGE, PAGE_READ_ONLY);
    Object number = page.get("page_number");
    int pageNumber = number == null ? position : integer(number, path + ".page_number");
    if (pageNumber < 1)
      throw invalid(path + ".page_number", "page_number must be a positive whole number.");
    String text =
        page.get("text") == null ? "" : string(page.get("text"), path + ".text", MAX_TEXT);
    return new Page(
        pageNumber,
        text,
        optionalId(page.get("image_asset_id"), path + ".image_asset_id"),
        optionalId(page.get("audio_asset_id"), path + ".audio_asset_id"));
  }

  private static String optionalId(Object value, String field) {
    return value == null ? null : string(value, field, 64);
  }

  static void onlyKnown(
      Map<String, Object> object, String prefix, Set<String> known, Set<String> ignored) {
    for (String key : object.keySet()) {
      if (!known.contains(key) && !ignored.contains(key)) {
        throw invalid(prefix + key, "Unknown field '" + prefix + key + "'.");
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String field) {
    if (value == null) return new LinkedHashMap<>();
    if (!(value instanceof Map<?, ?>)) throw invalid(field, field + " must be a JSON object.");
    return (Map<String, Object>) value;
  }

  static List<String> strings(Object value, String field, int maxItems, int maxLength) {
    if (value == null) return List.of();
    if (!(value instanceof List<?> list))
      throw invalid(field, field + " must be an array of strings.");
    if (list.size() > maxItems)
      throw invalid(field, field + " has at most " + maxItems + " items.");
    List<String> out = new ArrayList<>();
    for (Object item : list) out.add(string(item, field, maxLength));
    return out;
  }

  static String string(Object value, String field, int maxLength) {
    if (!(value instanceof String s)) throw invalid(field, field + " must be a string.");
    if (s.length() > maxLength)
      throw invalid(field, field + " has at most " + maxLength + " characters.");
    return s;
  }

  private static Boolean bool(Object value, String field) {
    if (value == null) return null;
    if (!(value instanceof Boolean b)) throw invalid(field, field + " must be true or false.");
    return b;
  }

  private static int integer(Object value, String field) {
    if (!(value instanceof Integer i)) throw invalid(field, field + " must be a whole number.");
    return i;
  }

  static ApiProblem invalid(String field, String detail) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "invalid-story",
        "Invalid story",
        detail,
        HttpHeaders.EMPTY,
        Map.of("field", field));
  }
}
