package dev.storyvault.asset;

import dev.storyvault.blob.BlobStore;
import dev.storyvault.identity.Caller;
import dev.storyvault.image.Fit;
import dev.storyvault.image.ImageFormat;
import dev.storyvault.image.ImageRequest;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The asset module's API for documents that reference assets (stories, collections). */
@Component
public class AssetDirectory {

  private final Assets assets;
  private final AssetAccess access;
  private final AssetReferences references;
  private final AssetDelivery delivery;
  private static final ImageRequest EBOOK =
      new dev.storyvault.image.ImageRequest(1600, 1600, Fit.CONTAIN, ImageFormat.JPEG, 85);
  private final BlobStore blobs;
  private final VariantCatalog catalog;
  private final Renderings renderings;
  private final Uploads uploads;

  AssetDirectory(
      Assets assets,
      AssetAccess access,
      AssetReferences references,
      AssetDelivery delivery,
      dev.storyvault.blob.BlobStore blobs,
      VariantCatalog catalog,
      Renderings renderings,
      Uploads uploads) {
    this.uploads = uploads;
    this.blobs = blobs;
    this.catalog = catalog;
    this.renderings = renderings;
    this.assets = assets;
    this.access = access;
    this.references = references;
    this.delivery = delivery;
  }

  /**
   * Stores bytes another module made for the caller (a generated illustration or narration) as a
   * new asset of theirs, through the same checks as an upload (format from the bytes, size limits,
   * quota).
   */
  public AssetView storeGenerated(
      Caller caller, String filename, byte[] bytes, String storyId, boolean isPublic)
      throws IOException {
    return uploads.create(
        caller,
        new UploadRequest(Optional.empty(), storyId, filename, isPublic, null),
        new java.io.ByteArrayInputStream(bytes));
  }

  /** The asset as the caller may see it: empty when it does not exist or is not theirs to use. */
  public Optional<AssetFacts> visibleTo(Caller caller, String assetId) {
    return access.findReadable(caller, assetId).flatMap(this::facts);
  }

  /**
   * Records that {@code referrer} now uses exactly these assets, in the caller's transaction,
   * checking there that they still exist (a concurrent delete either waits for it or is seen).
   * Returns the ids that do not exist; then nothing was recorded and the caller must not commit its
   * document.
   */
  public Set<String> recordReferences(
      String referrerType, String referrerId, Collection<String> assetIds) {
    return references.replace(referrerType, referrerId, assetIds);
  }

  public List<String> referrers(String referrerType, String assetId) {
    return references.referrers(referrerType, assetId);
  }

  /**
   * Serves the current content of an asset whose access the calling module has already decided (a
   * share link): private caching only, since the decision was not the URL's alone.
   */
  public void deliverGranted(
      String assetId, HttpServletRequest request, HttpServletResponse response) throws IOException {
    Asset asset = assets.find(assetId).orElseThrow(() -> ApiProblem.notFound("asset"));
    delivery.sendGranted(request, response, access.current(asset));
  }

  /**
   * The current content of an asset (the caller has decided access through the document that uses
   * it).
   */
  public Optional<AssetFile> file(String assetId) {
    return assets
        .find(assetId)
        .map(
            asset -> {
              AssetVersion v = access.current(asset);
              return new AssetFile(
                  asset.id(),
                  asset.kind(),
                  asset.isPublic(),
                  v.blob(),
                  v.mimeType(),
                  v.format().extension(),
                  v.sizeBytes(),
                  v.filename());
            });
  }

  public InputStream open(AssetFile file) throws IOException {
    return blobs.open(file.blob(), 0, file.sizeBytes());
  }

  /**
   * An image as JPEG for a document: the stored {@code print} variant (full resolution) or a 1600
   * px rendition for e-books; upright, without metadata, transparency on white. Empty when it
   * cannot be rendered.
   */
  public Optional<byte[]> jpegFor(AssetFile file, boolean fullResolution)
      throws IOException, InterruptedException {
    if (file.kind() != AssetKind.IMAGE) return Optional.empty();
    Asset asset =
        assets
            .find(file.id())
            .orElseThrow(() -> dev.storyvault.platform.ApiProblem.notFound("asset"));
    var spec = fullResolution ? catalog.variant("print").orElseThrow() : EBOOK;
    String name = fullResolution ? "print" : TransformParameters.name(EBOOK);
    try {
      StoredVariant variant = renderings.obtainInBackground(access.current(asset), name, spec);
      try (var in = blobs.open(variant.blob(), 0, variant.sizeBytes())) {
        return Optional.of(in.readAllBytes());
      }
    } catch (dev.storyvault.platform.ApiProblem unrenderable) {
      return Optional.empty();
    }
  }

  /** Empty when the asset was deleted since it was found (its versions went with it). */
  private Optional<AssetFacts> facts(Asset asset) {
    return assets
        .version(asset.id(), asset.currentVersion())
        .map(
            current ->
                new AssetFacts(
                    asset.id(),
                    asset.ownerId(),
                    asset.kind(),
                    asset.isPublic(),
                    current.durationMs()));
  }
}
