package dev.storyvault.collection;

import dev.storyvault.platform.ApiProblem;
import java.util.Arrays;

/** Who may do one thing to a collection's documents. */
enum AccessRule {
  /** Admins only. */
  ADMINS("admins"),
  /** The document's owner (and admins); a list shows the caller's own documents. */
  OWNER("owner"),
  /** Any caller who sent a credential. */
  AUTHENTICATED("authenticated"),
  /** Anyone, without a credential too (reads only). */
  PUBLIC("public");

  private final String wireName;

  AccessRule(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  static AccessRule fromWire(Object name, String where) {
    return Arrays.stream(values())
        .filter(r -> r.wireName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ApiProblem.badRequest(
                    "invalid-collection",
                    where + ": use one of admins, owner, authenticated, public."));
  }
}
