package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.delivery.BlobResponder;
import dev.storyvault.delivery.CacheTags;
import dev.storyvault.delivery.Representation;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.SignedUrls;
import dev.storyvault.image.ImageFormat;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bytes of assets. {@code /api/blobs/{sha256}} is the immutable, content-addressed URL of
 * public content that a CDN may keep forever; the asset URLs follow the asset's current version and
 * its access rules.
 */
@RestController
class AssetDelivery {

  private final Clock clock;

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String PUBLIC_MUTABLE = "public, max-age=60, stale-while-revalidate=600";
  static final String PRIVATE = "private, max-age=0, must-revalidate";
  static final String PRIVATE_IMMUTABLE = "private, max-age=31536000, immutable";

  private final AssetAccess access;
  private final PublicBlobs publicBlobs;
  private final BlobResponder responder;
  private final SignedUrls signedUrls;

  AssetDelivery(
      AssetAccess access,
      PublicBlobs publicBlobs,
      BlobResponder responder,
      SignedUrls signedUrls,
      Clock clock) {
    this.clock = clock;
    this.access = access;
    this.publicBlobs = publicBlobs;
    this.responder = responder;
    this.signedUrls = signedUrls;
  }

  @RequestMapping(
      path = "/api/assets/{id}/content",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void current(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (request.getParameter("sig") != null) {
      Asset asset = signed(id, request);
      send(request, response, access.current(asset), signedCaching(request));
      return;
    }
    sendCurrent(request, response, access.readableNow(caller, id));
  }

  void sendCurrent(HttpServletRequest request, HttpServletResponse response, Assets.Current current)
      throws IOException {
    send(
        request,
        response,
        current.version(),
        current.asset().isPublic() ? PUBLIC_MUTABLE : PRIVATE);
  }

  @RequestMapping(
      path = "/api/assets/{id}/versions/{version}/content",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void version(
      Caller caller,
      @PathVariable String id,
      @PathVariable int version,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (request.getParameter("sig") != null) {
      send(request, response, access.version(signed(id, request), version), signedCaching(request));
      return;
    }
    Asset asset = access.readable(caller, id);
    send(
        request,
        response,
        access.version(asset, version),
        asset.isPublic() ? IMMUTABLE : PRIVATE_IMMUTABLE);
  }

  @RequestMapping(
      path = "/api/blobs/{hash}",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void contentAddressed(
      @PathVariable String hash, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!BlobId.isValid(hash)) throw ApiProblem.notFound("public content");
    AssetVersion version =
        publicBlobs.find(BlobId.of(hash)).orElseThrow(() -> ApiProblem.notFound("public content"));
    sendImmutable(request, response, version);
  }

  /** A signed URL stands in for the caller: it names exactly one path, until it expires. */
  private Asset signed(String id, HttpServletRequest request) {
    signedUrls.verify(
        request.getRequestURI(),
        request.getParameter("expires"),
        request.getParameter("kid"),
        request.getParameter("sig"));
    return access.existing(id);
  }

  /**
   * why public: the signature is in the URL, so a CDN may cache it under that key, but not past
   * expiry.
   */
  private String signedCaching(HttpServletRequest request) {
    long remaining = Long.parseLong(request.getParameter("expires")) - clock.millis() / 1000;
    return "public, max-age=" + Math.max(0, Math.min(remaining, 3600));
  }

  void sendGranted(HttpServletRequest request, HttpServletResponse response, AssetVersion version)
      throws IOException {
    send(request, response, version, PRIVATE);
  }

  void sendImmutable(HttpServletRequest request, HttpServletResponse response, AssetVersion version)
      throws IOException {
    send(request, response, version, IMMUTABLE);
  }

  /** Pinned variant URLs never change; unpinned ones follow the current version. */
  void sendVariant(
      HttpServletRequest request,
      HttpServletResponse response,
      Asset asset,
      StoredVariant variant,
      boolean pinned)
      throws IOException {
    String cacheControl =
        pinned
            ? (asset.isPublic() ? IMMUTABLE : PRIVATE_IMMUTABLE)
            : (asset.isPublic() ? PUBLIC_MUTABLE : PRIVATE);
    CacheTags.tag(response, CacheTags.asset(asset.id()));
    String filename =
        Filenames.stem(asset.filename())
            + "-"
            + variant.name().replaceAll("[^a-z0-9]+", "-")
            + "."
            + extension(variant.mimeType());
    responder.respond(
        request,
        response,
        new Representation(
            variant.blob(),
            variant.sizeBytes(),
            variant.mimeType(),
            variant.createdAt(),
            filename,
            cacheControl));
  }

  private static String extension(String mimeType) {
    return ImageFormat.parse(mimeType.substring(mimeType.indexOf('/') + 1))
        .map(dev.storyvault.image.ImageFormat::extension)
        .orElse("bin");
  }

  private void send(
      HttpServletRequest request,
      HttpServletResponse response,
      AssetVersion version,
      String cacheControl)
      throws IOException {
    CacheTags.tag(response, CacheTags.asset(version.assetId()));
    responder.respond(
        request,
        response,
        new Representation(
            version.blob(),
            version.sizeBytes(),
            version.mimeType(),
            version.createdAt(),
            version.filename(),
            cacheControl));
  }
}
