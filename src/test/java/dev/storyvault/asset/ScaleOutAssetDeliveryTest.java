package dev.storyvault.asset;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutAssetDeliveryTest extends AssetDeliveryContract {}
