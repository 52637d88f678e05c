package dev.storyvault.story;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.asset.AssetFacts;
import dev.storyvault.asset.AssetKind;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Inspects a story's pages: checks the assets they reference and measures them into the story's
 * metadata. A page may use an image or audio asset that the story's owner owns, or a public one;
 * anything else is refused, naming the page.
 */
@Component
class PageInspector {

  private final AssetDirectory assets;

  PageInspector(AssetDirectory assets) {
    this.assets = assets;
  }

  StoryMetadata inspect(Caller caller, String ownerId, StoryContent content) {
    int words = 0;
    int images = 0;
    long audioMs = 0;
    for (Page page : content.pages()) {
      words += StoryMetadata.countWords(page.text());
      if (page.imageAssetId() != null) {
        usable(caller, ownerId, page, page.imageAssetId(), AssetKind.IMAGE, "image_asset_id");
        images++;
      }
      if (page.audioAssetId() != null) {
        AssetFacts audio =
            usable(caller, ownerId, page, page.audioAssetId(), AssetKind.AUDIO, "audio_asset_id");
        audioMs += audio.durationMs() == null ? 0 : audio.durationMs();
      }
    }
    return new StoryMetadata(
        words,
        StoryMetadata.readingMinutes(words),
        images,
        content.pages().size(),
        audioMs / 1000.0);
  }

  private AssetFacts usable(
      Caller caller, String ownerId, Page page, String assetId, AssetKind kind, String field) {
    Optional<AssetFacts> facts =
        assets
            .visibleTo(caller, assetId)
            .filter(f -> f.ownerId().equals(ownerId) || caller.isAdmin() || f.isPublic());
    String where = "content.pages[page_number=" + page.pageNumber() + "]." + field;
    if (facts.isEmpty())
      throw invalid(
          where,
          "Page "
              + page.pageNumber()
              + " references asset '"
              + assetId
              + "', which does not exist or which this story may not use.");
    if (facts.get().kind() != kind)
      throw invalid(
          where,
          "Page "
              + page.pageNumber()
              + " needs an "
              + kind.wireName()
              + " asset as "
              + field
              + ", but '"
              + assetId
              + "' is "
              + facts.get().kind().wireName()
              + ".");
    return facts.get();
  }

  static ApiProblem invalid(String field, String detail) {
    return new dev.storyvault.platform.ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-asset-reference",
        "Invalid asset reference",
        detail,
        HttpHeaders.EMPTY,
        Map.of("field", field));
  }
}
