package dev.storyvault.export;

import dev.storyvault.asset.AssetFile;
import dev.storyvault.story.Page;
import dev.storyvault.story.Story;
import java.util.Map;
import java.util.Optional;

/** A story and the current content of every asset its pages use, as one export sees them. */
record Materials(Story story, Map<String, Object> document, Map<String, AssetFile> assets) {

  Optional<AssetFile> image(Page page) {
    return Optional.ofNullable(page.imageAssetId()).map(assets::get);
  }

  Optional<AssetFile> audio(Page page) {
    return Optional.ofNullable(page.audioAssetId()).map(assets::get);
  }

  String title() {
    return story.content().title();
  }
}
