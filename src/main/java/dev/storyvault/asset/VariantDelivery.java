package dev.storyvault.asset;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.SignedUrls;
import dev.storyvault.image.ImageRequest;
import dev.storyvault.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Variants and transforms of image assets, with the same delivery rules as content. Standard
 * variants and named presets need no signature; any other size needs the server's signature over
 * its parameters, handed out by {@code POST /api/assets/{id}/transforms}, so nobody can make the
 * server render arbitrary sizes.
 */
@RestController
class VariantDelivery {

  private final AssetAccess access;
  private final VariantCatalog catalog;
  private final Renderings renderings;
  private final AssetDelivery delivery;
  private final SignedUrls signatures;

  VariantDelivery(
      AssetAccess access,
      VariantCatalog catalog,
      Renderings renderings,
      AssetDelivery delivery,
      SignedUrls signatures) {
    this.access = access;
    this.catalog = catalog;
    this.renderings = renderings;
    this.delivery = delivery;
    this.signatures = signatures;
  }

  @RequestMapping(
      path = "/api/assets/{id}/variants/{variant}",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void variant(
      Caller caller,
      @PathVariable String id,
      @PathVariable String variant,
      @RequestParam(name = "v", required = false) Integer pinned,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Asset asset = image(caller, id);
    ImageRequest spec = catalog.variant(variant).orElseThrow(() -> ApiProblem.notFound("variant"));
    send(asset, pinned, variant, spec, request, response);
  }

  @RequestMapping(
      path = "/api/assets/{id}/transform",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void transform(
      Caller caller,
      @PathVariable String id,
      @RequestParam Map<String, String> query,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Asset asset = image(caller, id);
    Integer pinned = version(query.get("v"));
    ImageRequest spec =
        query.containsKey("preset")
            ? catalog.preset(query.get("preset")).orElseThrow(() -> ApiProblem.notFound("preset"))
            : signed(asset, pinned, query);
    send(asset, pinned, TransformParameters.name(spec), spec, request, response);
  }

  /** Hands out a signed transform URL pinned to the current version. */
  @PostMapping("/api/assets/{id}/transforms")
  Map<String, Object> sign(
      Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
    Asset asset = image(caller, id);
    ImageRequest spec = TransformParameters.fromJson(body);
    int version = asset.currentVersion();
    String token =
        signatures.signParameters(TransformParameters.canonical(asset.id(), version, spec));
    String url =
        "/api/assets/"
            + asset.id()
            + "/transform?"
            + TransformParameters.query(version, spec)
            + "&sig="
            + token;
    return Map.of(
        "url",
        url,
        "width",
        spec.width(),
        "height",
        spec.height(),
        "fit",
        spec.fit().wireName(),
        "format",
        spec.format().wireName(),
        "quality",
        spec.quality());
  }

  private ImageRequest signed(Asset asset, Integer pinned, Map<String, String> query) {
    ImageRequest spec =
        TransformParameters.parse(
            query.get("w"), query.get("h"), query.get("fit"), query.get("format"), query.get("q"));
    boolean valid =
        pinned != null
            && signatures.parametersSigned(
                TransformParameters.canonical(asset.id(), pinned, spec), query.get("sig"));
    if (!valid) {
      throw new ApiProblem(
          HttpStatus.FORBIDDEN,
          "unsigned-transform",
          "Transform not signed",
          "Use a named preset, or ask POST /api/assets/"
              + asset.id()
              + "/transforms for a signed URL.");
    }
    return spec;
  }

  private void send(
      Asset asset,
      Integer pinned,
      String name,
      ImageRequest spec,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    AssetVersion source = access.version(asset, pinned != null ? pinned : asset.currentVersion());
    StoredVariant variant = renderings.obtain(source, name, spec);
    delivery.sendVariant(request, response, asset, variant, pinned != null);
  }

  private Asset image(Caller caller, String id) {
    Asset asset = access.readable(caller, id);
    if (asset.kind() != AssetKind.IMAGE) {
      throw new ApiProblem(
          HttpStatus.NOT_FOUND, "not-found", "Not found", "Only image assets have variants.");
    }
    return asset;
  }

  private static Integer version(String value) {
    if (value == null) return null;
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("invalid-version", "v must be a version number.");
    }
  }
}
