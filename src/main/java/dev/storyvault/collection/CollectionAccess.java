package dev.storyvault.collection;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * A collection's access rules applied to a caller. What the caller may not see answers 404 (the
 * collection, when they may neither list nor read it; a document they may not read); what they see
 * but may not change answers 403; a write without a credential 401.
 */
@Component
class CollectionAccess {

  static boolean satisfies(AccessRule rule, Caller caller, String ownerId) {
    return switch (rule) {
      case PUBLIC -> true;
      case AUTHENTICATED -> !caller.isAnonymous();
      case OWNER -> caller.isAdmin() || (ownerId != null && ownerId.equals(caller.userId()));
      case ADMINS -> caller.isAdmin();
    };
  }

  /**
   * Whose documents a listing shows: null for all, else the caller's id. Refuses a caller the rule
   * leaves out.
   */
  String listedOwner(CollectionDefinition definition, Caller caller) {
    AccessRule rule = definition.access().list();
    if (rule == AccessRule.PUBLIC) return null;
    caller.requireScope(Scope.READ);
    return switch (rule) {
      case OWNER -> caller.isAdmin() ? null : caller.userId();
      case ADMINS -> {
        if (!caller.isAdmin()) throw ApiProblem.notFound("collection");
        yield null;
      }
      default -> null;
    };
  }

  CollectionDocument readable(
      CollectionDefinition definition, Caller caller, CollectionDocument doc) {
    if (!satisfies(definition.access().read(), caller, doc.ownerId()))
      throw ApiProblem.notFound("document");
    return doc;
  }

  void mayCreate(CollectionDefinition definition, Caller caller) {
    caller.requireScope(Scope.WRITE);
    if (satisfies(definition.access().create(), caller, caller.userId())) return;
    throw seesCollection(definition, caller)
        ? ApiProblem.forbidden(
            "Only " + definition.access().create().wireName() + " may add documents here.")
        : ApiProblem.notFound("collection");
  }

  /** For an update ({@code deleting} false) or a delete of a document. */
  CollectionDocument changeable(
      CollectionDefinition definition, Caller caller, CollectionDocument doc, boolean deleting) {
    caller.requireAuthenticated();
    readable(definition, caller, doc);
    caller.requireScope(Scope.WRITE);
    AccessRule rule = deleting ? definition.access().delete() : definition.access().update();
    if (!satisfies(rule, caller, doc.ownerId()))
      throw ApiProblem.forbidden(
          "Only "
              + rule.wireName()
              + " may "
              + (deleting ? "delete" : "change")
              + " this document.");
    return doc;
  }

  private static boolean seesCollection(CollectionDefinition definition, Caller caller) {
    AccessRule list = definition.access().list();
    AccessRule read = definition.access().read();
    return list != AccessRule.ADMINS || read != AccessRule.ADMINS || caller.isAdmin();
  }
}
