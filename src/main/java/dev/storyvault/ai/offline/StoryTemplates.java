package dev.storyvault.ai.offline;

import dev.storyvault.ai.StoryBrief;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** The sentences offline stories are made of, chosen by a seeded random, sized for an age group. */
final class StoryTemplates {

  /** How long and how many sentences a page has for an age group. */
  enum Voice {
    LITTLE(2, false),
    MIDDLE(3, true),
    OLDER(5, true);

    final int sentences;
    final boolean flourish;

    Voice(int sentences, boolean flourish) {
      this.sentences = sentences;
      this.flourish = flourish;
    }

    static Voice forAge(String ageGroup) {
      if (ageGroup == null) return MIDDLE;
      String digits = ageGroup.replaceAll("[^0-9].*$", "");
      int from = digits.isEmpty() ? 6 : Integer.parseInt(digits);
      return from <= 5 ? LITTLE : from <= 8 ? MIDDLE : OLDER;
    }
  }

  private static final List<String> PLACES =
      List.of(
          "a starlit harbour",
          "the whispering forest",
          "a city of kites",
          "the moon's quiet valley",
          "a castle made of clouds",
          "the bottom of a friendly sea");
  private static final List<String> DEEDS =
      List.of(
          "found a glowing map",
          "heard a tiny voice asking for help",
          "built a bridge out of moonbeams",
          "shared the last apple",
          "followed a trail of silver footprints",
          "solved the riddle of the old door",
          "sang until the storm grew calm",
          "carried a lantern through the dark");
  private static final List<String> FEELINGS =
      List.of("brave", "curious", "kind", "patient", "cheerful", "clever");
  private static final List<String> FLOURISHES =
      List.of(
          "The wind hummed an old tune.",
          "Far away, a bell rang twice.",
          "Fireflies drew circles in the air.",
          "Somewhere, a kettle began to sing.");

  private StoryTemplates() {}

  static String displayName(String name) {
    String clean = name.strip();
    return clean.isEmpty() ? "Pip" : Character.toUpperCase(clean.charAt(0)) + clean.substring(1);
  }

  static String title(List<String> cast, String theme) {
    String who =
        cast.size() == 1
            ? cast.getFirst()
            : String.join(", ", cast.subList(0, cast.size() - 1)) + " and " + cast.getLast();
    return who
        + (theme == null || theme.isBlank()
            ? " and the Great Adventure"
            : " and the " + titleCase(theme));
  }

  static String place(List<String> universes, Random random) {
    if (universes != null && !universes.isEmpty())
      return "the world of " + universes.get(random.nextInt(universes.size()));
    return PLACES.get(random.nextInt(PLACES.size()));
  }

  /**
   * Page {@code n} of {@code total}: the first brings everyone in, the last says the lesson, each
   * names someone.
   */
  static String page(
      int n,
      int total,
      List<String> cast,
      String place,
      String theme,
      String moral,
      Voice voice,
      Random random) {
    List<String> lines = new ArrayList<>();
    if (n == 1) {
      lines.add("Once upon a time, in " + place + ", lived " + list(cast) + ".");
      if (theme != null && !theme.isBlank())
        lines.add("It was a day for " + theme.toLowerCase(Locale.ROOT) + ".");
    }
    String hero = cast.get((n - 1) % cast.size());
    while (lines.size() < voice.sentences) lines.add(sentence(List.of(hero), place, voice, random));
    if (n == total) {
      lines.add(
          "In the end, "
              + list(cast)
              + " smiled together"
              + (moral == null || moral.isBlank()
                  ? "."
                  : ", because " + lowerFirst(moral.strip().replaceAll("[.!]+$", "")) + "."));
    }
    return String.join(" ", lines);
  }

  static String sentence(List<String> who, String place, Voice voice, Random random) {
    String hero = who.get(random.nextInt(who.size()));
    String text =
        hero
            + " felt "
            + FEELINGS.get(random.nextInt(FEELINGS.size()))
            + " and "
            + DEEDS.get(random.nextInt(DEEDS.size()))
            + ".";
    if (voice.flourish && random.nextInt(3) == 0)
      text += " " + FLOURISHES.get(random.nextInt(FLOURISHES.size()));
    return text;
  }

  /**
   * The next page of a story: the bible's characters, the reader's wish, and a thread to the last
   * page.
   */
  static String nextPage(StoryBrief brief, Random random) {
    List<String> cast = castOf(brief);
    String wish =
        brief.continuation() == null || brief.continuation().isBlank()
            ? null
            : brief.continuation().strip();
    List<String> lines = new ArrayList<>();
    lines.add("The next morning, " + list(cast) + " remembered what had happened.");
    if (wish != null) lines.add("Then " + lowerFirst(wish.replaceAll("[.!]+$", "")) + ".");
    lines.add(sentence(cast, "", Voice.MIDDLE, random));
    return String.join(" ", lines);
  }

  @SuppressWarnings("unchecked")
  private static List<String> castOf(StoryBrief brief) {
    List<String> cast = new ArrayList<>();
    if (brief.bible() != null && brief.bible().get("characters") instanceof List<?> characters) {
      for (Object c : characters) {
        if (c instanceof Map<?, ?> m && m.get("name") instanceof String name)
          cast.add(displayName(name));
        else if (c instanceof String name) cast.add(displayName(name));
      }
    }
    if (cast.isEmpty() && brief.characters() != null)
      brief.characters().forEach(c -> cast.add(displayName(c)));
    return cast.isEmpty() ? List.of("Pip") : cast;
  }

  private static String list(List<String> names) {
    if (names.size() == 1) return names.getFirst();
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
  }

  private static String titleCase(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (!out.isEmpty()) out.append(' ');
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
