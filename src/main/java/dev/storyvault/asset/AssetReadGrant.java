package dev.storyvault.asset;

import dev.storyvault.identity.Caller;

/**
 * Lets another module open an asset to a caller who is not its owner, for example a reader of a
 * story shared with them that uses the asset. Implemented by the modules that own such documents.
 */
public interface AssetReadGrant {

    boolean allows(Caller caller, String assetId);
}
