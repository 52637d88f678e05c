package dev.storyvault.asset;

import dev.storyvault.identity.Caller;
import java.util.List;

/**
 * Lets another module open an asset to a caller who is not its owner, for example a reader of a
 * story shared with them that uses the asset. Implemented by the modules that own such documents;
 * the asset module looks up which of their documents use the asset (its references), the owner
 * decides.
 */
public interface AssetReadGrant {

  /** The referrer type this module records its references under ({@code story}, …). */
  String referrerType();

  /** Whether the caller may read at least one of these documents. */
  boolean allowsAny(Caller caller, List<String> documentIds);
}
