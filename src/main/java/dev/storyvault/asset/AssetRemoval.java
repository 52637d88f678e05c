package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes an asset with all its versions; the blobs they used lose a reference and are collected later. */
@Component
class AssetRemoval {

    private final Assets assets;
    private final BlobReferences references;
    private final ApplicationEventPublisher events;
    private final AssetReferences assetReferences;
    private final Variants variants;

    AssetRemoval(Assets assets, BlobReferences references, ApplicationEventPublisher events,
                 AssetReferences assetReferences, Variants variants) {
        this.variants = variants;
        this.assets = assets;
        this.references = references;
        this.events = events;
        this.assetReferences = assetReferences;
    }

    @Transactional
    public void remove(Asset asset) {
        List<Map<String, String>> users = assetReferences.all(asset.id());
        if (!users.isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "asset-in-use", "Asset in use",
                    "This asset is used by " + users.size() + " document(s); remove it from them first.",
                    HttpHeaders.EMPTY, Map.of("used_by", users));
        }
        List<BlobId> blobs = new ArrayList<>(variants.deleteAll(asset.id()));
        blobs.addAll(assets.delete(asset.id()));
        blobs.forEach(references::releaseReference);
        events.publishEvent(new AssetDeleted(asset.id(), asset.ownerId()));
    }
}
