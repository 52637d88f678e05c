package dev.storyvault.collection;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Finds a document for a caller, as {@link CollectionAccess} allows: to read it, or to change it.
 */
@Component
class DocumentLookup {

  private final CollectionCatalog catalog;
  private final CollectionDocuments documents;
  private final CollectionAccess access;

  DocumentLookup(
      CollectionCatalog catalog, CollectionDocuments documents, CollectionAccess access) {
    this.catalog = catalog;
    this.documents = documents;
    this.access = access;
  }

  CollectionDocument readable(Caller caller, String name, String id) {
    CollectionDefinition definition = catalog.require(name).definition();
    if (!caller.isAnonymous() && definition.access().read() != AccessRule.PUBLIC)
      caller.requireScope(Scope.READ);
    return access.readable(definition, caller, find(name, id));
  }

  CollectionDocument changeable(Caller caller, String name, String id, boolean deleting) {
    CollectionDefinition definition = catalog.require(name).definition();
    return access.changeable(definition, caller, find(name, id), deleting);
  }

  private CollectionDocument find(String name, String id) {
    return documents.find(name, id).orElseThrow(() -> ApiProblem.notFound("document"));
  }
}
