package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes an asset with all its versions; the blobs they used lose a reference and are collected later. */
@Component
class AssetRemoval {

    private final Assets assets;
    private final BlobReferences references;
    private final ApplicationEventPublisher events;

    AssetRemoval(Assets assets, BlobReferences references, ApplicationEventPublisher events) {
        this.assets = assets;
        this.references = references;
        this.events = events;
    }

    @Transactional
    public void remove(Asset asset) {
        List<BlobId> blobs = assets.delete(asset.id());
        blobs.forEach(references::releaseReference);
        events.publishEvent(new AssetDeleted(asset.id(), asset.ownerId()));
    }
}
