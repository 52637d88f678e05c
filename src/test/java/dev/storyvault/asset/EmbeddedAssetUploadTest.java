package dev.storyvault.asset;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedAssetUploadTest extends AssetUploadContract {}
