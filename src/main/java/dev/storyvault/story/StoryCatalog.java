package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The story module's API for modules that render stories (exports): read access and the document.
 */
@Component
public class StoryCatalog {

  private final StoryAccess access;

  StoryCatalog(StoryAccess access) {
    this.access = access;
  }

  /** The story if the caller may read it; 404 otherwise. */
  public Story readable(Caller caller, String id) {
    return access.readable(caller, id);
  }

  /**
   * The story document as a reader gets it, without sharing details, with no URLs (pages name asset
   * ids).
   */
  public Map<String, Object> document(Story story) {
    Map<String, Object> doc = StoryDocuments.view(story, null);
    doc.remove("sharing");
    return doc;
  }
}
