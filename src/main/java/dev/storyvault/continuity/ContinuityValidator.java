package dev.storyvault.continuity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The seed's continuity validator, rule-based against the story bible: names that drifted from the
 * bible's spelling (Jaro-Winkler), characters the bible does not know, traits contradicted by their
 * opposites, characters the bible marks dead or absent who act, and the bible's rules ("no magic").
 */
public final class ContinuityValidator {

  private static final double DRIFT = 0.88;
  private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{L}'-]{1,30}");
  private static final Pattern SPEAKER =
      Pattern.compile(
          "\\b(\\p{Lu}[\\p{L}'-]{1,30}) (?:said|asked|shouted|whispered|replied|laughed|cried|answered|smiled|ran|walked|arrived)\\b"
              + "|\\bnamed (\\p{Lu}[\\p{L}'-]{1,30})\\b");
  private static final Map<String, List<String>> OPPOSITES =
      Map.ofEntries(
          Map.entry("brave", List.of("cowardly", "afraid", "scared", "fearful")),
          Map.entry("kind", List.of("cruel", "mean", "unkind", "nasty")),
          Map.entry("happy", List.of("sad", "miserable", "gloomy")),
          Map.entry("honest", List.of("dishonest", "lying", "deceitful")),
          Map.entry("calm", List.of("angry", "furious", "frantic")),
          Map.entry("clever", List.of("foolish", "stupid", "dim")),
          Map.entry("shy", List.of("bold", "loud", "boastful")),
          Map.entry("generous", List.of("greedy", "selfish", "stingy")),
          Map.entry("patient", List.of("impatient")),
          Map.entry("cheerful", List.of("grumpy", "gloomy")));
  private static final Set<String> REMEMBRANCE =
      Set.of(
          "remembered",
          "remember",
          "missed",
          "memory",
          "memories",
          "grave",
          "photo",
          "portrait",
          "dreamed",
          "dreamt",
          "thought of");
  private static final Set<String> COMMON =
      Set.of(
          "The",
          "A",
          "An",
          "And",
          "But",
          "Then",
          "When",
          "Once",
          "In",
          "On",
          "At",
          "It",
          "He",
          "She",
          "They",
          "We",
          "I",
          "You",
          "His",
          "Her",
          "Their",
          "There",
          "This",
          "That",
          "So",
          "One",
          "Every",
          "Far",
          "Somewhere",
          "After",
          "Before",
          "Suddenly",
          "Finally",
          "Next",
          "Everyone",
          "Nobody",
          "Later",
          "Soon",
          "With",
          "Together",
          "What",
          "Why",
          "How",
          "Who",
          "Where",
          "Yes",
          "No",
          "Oh",
          "Good",
          "Hello",
          "Goodbye");

  private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

  public List<ContinuityIssue> check(String text, Bible bible, int page) {
    List<ContinuityIssue> issues = new ArrayList<>();
    Set<String> known = known(bible);
    nameDrift(text, bible, page, known, issues);
    newCharacters(text, page, known, issues);
    traits(text, bible, page, issues);
    absent(text, bible, page, issues);
    rules(text, bible, page, issues);
    return issues;
  }

  /** Fixes what can be fixed without a writer: drifted names back to the bible's spelling. */
  public String autoCorrect(String text, List<ContinuityIssue> issues) {
    StringBuilder out = new StringBuilder(text);
    issues.stream()
        .filter(i -> i.type().equals("name_drift"))
        .sorted((a, b) -> Integer.compare(b.start(), a.start()))
        .forEach(i -> out.replace(i.start(), i.end(), i.suggestion()));
    return out.toString();
  }

  private void nameDrift(
      String text, Bible bible, int page, Set<String> known, List<ContinuityIssue> issues) {
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group();
      if (known.contains(word) || COMMON.contains(word)) continue;
      for (Bible.Character c : bible.characters()) {
        for (String name : c.names()) {
          if (similarity.apply(word.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))
              >= DRIFT) {
            issues.add(
                new ContinuityIssue(
                    "name_drift",
                    "warning",
                    "'" + word + "' looks like a misspelling of " + name + ".",
                    page,
                    m.start(),
                    m.end(),
                    name));
            known.add(
                word); // why: one issue per drifted spelling and occurrence is reported once per
            // place
          }
        }
      }
    }
  }

  private static void newCharacters(
      String text, int page, Set<String> known, List<ContinuityIssue> issues) {
    Matcher m = SPEAKER.matcher(text);
    Set<String> reported = new HashSet<>();
    while (m.find()) {
      int group = m.group(1) != null ? 1 : 2;
      String name = m.group(group);
      if (known.contains(name) || COMMON.contains(name) || !reported.add(name)) continue;
      issues.add(
          new ContinuityIssue(
              "new_character",
              "warning",
              name + " is not in the story bible.",
              page,
              m.start(group),
              m.end(group),
              "Add " + name + " to the bible, or use a character it names."));
    }
  }

  private static void traits(String text, Bible bible, int page, List<ContinuityIssue> issues) {
    for (Bible.Character c : bible.characters()) {
      for (String trait : c.traits()) {
        for (String opposite : OPPOSITES.getOrDefault(trait.toLowerCase(Locale.ROOT), List.of())) {
          for (String name : c.names()) {
            Matcher m =
                Pattern.compile(
                        "\\b"
                            + Pattern.quote(name)
                            + "\\b[^.!?]{0,40}?\\b(?:was|felt|looked|seemed|became|got|acted)\\s+(?:very\\s+|so\\s+)?("
                            + opposite
                            + ")\\b",
                        Pattern.CASE_INSENSITIVE)
                    .matcher(text);
            while (m.find()) {
              issues.add(
                  new ContinuityIssue(
                      "personality_contradiction",
                      "error",
                      name + " is " + trait + " in the bible but " + opposite + " here.",
                      page,
                      m.start(1),
                      m.end(1),
                      "Show " + name + " as " + trait + ", or explain the change."));
            }
          }
        }
      }
    }
  }

  private static void absent(String text, Bible bible, int page, List<ContinuityIssue> issues) {
    for (Bible.Character c : bible.characters()) {
      if (!c.gone()) continue;
      for (String name : c.names()) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text);
        while (m.find()) {
          String sentence = sentenceAround(text, m.start()).toLowerCase(Locale.ROOT);
          if (REMEMBRANCE.stream().anyMatch(sentence::contains)) continue;
          issues.add(
              new ContinuityIssue(
                  "timeline_error",
                  "error",
                  name + " is " + c.status() + " in the bible but takes part here.",
                  page,
                  m.start(),
                  m.end(),
                  "Leave " + name + " out, or make it a memory."));
        }
      }
    }
  }

  private static void rules(String text, Bible bible, int page, List<ContinuityIssue> issues) {
    for (String rule : bible.rules()) {
      Matcher forbidden =
          Pattern.compile("^no\\s+(\\p{L}+)", Pattern.CASE_INSENSITIVE).matcher(rule.strip());
      if (!forbidden.find()) continue;
      String thing = forbidden.group(1).toLowerCase(Locale.ROOT);
      String stem = thing.length() > 4 ? thing.substring(0, thing.length() - 1) : thing;
      Matcher m =
          Pattern.compile("\\b(" + Pattern.quote(stem) + "\\p{L}*)\\b", Pattern.CASE_INSENSITIVE)
              .matcher(text);
      while (m.find()) {
        issues.add(
            new ContinuityIssue(
                "setting_mismatch",
                "error",
                "The bible's rule '" + rule + "' is broken here.",
                page,
                m.start(1),
                m.end(1),
                "Remove '" + m.group(1) + "' or change the bible's rules."));
      }
    }
  }

  private static Set<String> known(Bible bible) {
    Set<String> known = new HashSet<>();
    bible.characters().forEach(c -> known.addAll(c.names()));
    for (String setting : bible.settings()) known.addAll(List.of(setting.split("\\s+")));
    return known;
  }

  private static String sentenceAround(String text, int at) {
    int start =
        Math.max(
                Math.max(text.lastIndexOf('.', at), text.lastIndexOf('!', at)),
                text.lastIndexOf('?', at))
            + 1;
    int end = text.length();
    for (char stop : new char[] {'.', '!', '?'}) {
      int i = text.indexOf(stop, at);
      if (i >= 0) end = Math.min(end, i + 1);
    }
    return text.substring(start, end);
  }
}
