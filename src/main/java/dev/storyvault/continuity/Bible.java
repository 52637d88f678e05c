package dev.storyvault.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a story bible says, read leniently from its JSON: characters (name, aliases, traits, status
 * — {@code alive}, {@code dead} or {@code absent}), settings, and rules such as "no magic".
 */
public record Bible(List<Character> characters, List<String> settings, List<String> rules) {

  public record Character(String name, List<String> aliases, List<String> traits, String status) {
    List<String> names() {
      List<String> all = new ArrayList<>(List.of(name));
      all.addAll(aliases);
      return all;
    }

    boolean gone() {
      return status.equals("dead") || status.equals("absent");
    }
  }

  /** This bible plus the characters of {@code cast} it does not list (a story's parameters). */
  public Bible withCast(List<String> cast) {
    List<Character> all = new ArrayList<>(characters);
    for (String name : cast) {
      if (all.stream().noneMatch(c -> c.name().equalsIgnoreCase(name)))
        all.add(ofNames(List.of(name)).characters().getFirst());
    }
    return new Bible(all, settings, rules);
  }

  /** A bible with just these characters (a brief's cast). */
  public static Bible ofNames(List<String> names) {
    return new Bible(
        names.stream()
            .map(n -> new Character(capitalize(n), List.of(), List.of(), "alive"))
            .toList(),
        List.of(),
        List.of());
  }

  public static Bible of(Map<String, Object> bible) {
    List<Character> characters = new ArrayList<>();
    if (bible != null && bible.get("characters") instanceof List<?> list) {
      for (Object c : list) {
        if (c instanceof String name)
          characters.add(new Character(name, List.of(), List.of(), "alive"));
        if (c instanceof Map<?, ?> m && m.get("name") instanceof String name) {
          characters.add(
              new Character(
                  name,
                  strings(m.get("aliases")),
                  strings(m.get("traits")),
                  m.get("status") instanceof String s ? s.toLowerCase(Locale.ROOT) : "alive"));
        }
      }
    }
    List<String> settings = new ArrayList<>();
    if (bible != null && bible.get("settings") instanceof List<?> list) {
      for (Object s : list) {
        if (s instanceof String name) settings.add(name);
        if (s instanceof Map<?, ?> m && m.get("name") instanceof String name) settings.add(name);
      }
    }
    return new Bible(characters, settings, bible == null ? List.of() : strings(bible.get("rules")));
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> list)) return List.of();
    return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  private static String capitalize(String name) {
    return name.isEmpty()
        ? name
        : java.lang.Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
