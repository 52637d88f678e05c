package dev.storyvault.asset;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.Ids;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds assets as a given caller may see them: what they may not see does not exist (404). */
@Component
class AssetAccess {

  private final Assets assets;
  private final List<AssetReadGrant> grants;
  private final AssetReferences references;

  AssetAccess(Assets assets, List<AssetReadGrant> grants, AssetReferences references) {
    this.assets = assets;
    this.grants = grants;
    this.references = references;
  }

  Asset readable(Caller caller, String id) {
    return findReadable(caller, id).orElseThrow(() -> ApiProblem.notFound("asset"));
  }

  /**
   * Owners, admins and everyone for public assets; others when a document shared with them uses it.
   */
  Optional<Asset> findReadable(Caller caller, String id) {
    if (!Ids.looksValid(id)) return Optional.empty();
    return assets.find(id).filter(asset -> mayRead(caller, asset));
  }

  /** The asset's current version as {@code caller} may read it now (remembered; for reads only). */
  Assets.Current readableNow(Caller caller, String id) {
    return findReadableNow(caller, id).orElseThrow(() -> ApiProblem.notFound("asset"));
  }

  Optional<Assets.Current> findReadableNow(Caller caller, String id) {
    if (!Ids.looksValid(id)) return Optional.empty();
    return assets.current(id).filter(current -> mayRead(caller, current.asset()));
  }

  /**
   * Like {@link #findReadableNow} without asking the grants: the caller reads it as its owner, an
   * admin or the public.
   */
  Optional<Assets.Current> findReadableDirectly(Caller caller, String id) {
    if (!Ids.looksValid(id)) return Optional.empty();
    return assets.current(id).filter(current -> readsDirectly(caller, current.asset()));
  }

  private static boolean readsDirectly(Caller caller, Asset asset) {
    return caller.canRead(asset.ownerId(), asset.isPublic());
  }

  private boolean mayRead(Caller caller, Asset asset) {
    return readsDirectly(caller, asset)
        || grants.stream().anyMatch(grant -> granted(grant, caller, asset.id()));
  }

  private boolean granted(AssetReadGrant grant, Caller caller, String assetId) {
    List<String> users = references.referrers(grant.referrerType(), assetId);
    return !users.isEmpty() && grant.allowsAny(caller, users);
  }

  Asset writable(Caller caller, String id) {
    caller.requireScope(Scope.WRITE);
    Asset asset = readable(caller, id);
    if (!caller.canWrite(asset.ownerId()))
      throw ApiProblem.forbidden("Only the owner may change this asset.");
    return asset;
  }

  Asset existing(String id) {
    if (!Ids.looksValid(id)) throw ApiProblem.notFound("asset");
    return assets.find(id).orElseThrow(() -> ApiProblem.notFound("asset"));
  }

  AssetVersion current(Asset asset) {
    return version(asset, asset.currentVersion());
  }

  AssetVersion version(Asset asset, int version) {
    return assets
        .version(asset.id(), version)
        .orElseThrow(() -> ApiProblem.notFound("asset version"));
  }
}
