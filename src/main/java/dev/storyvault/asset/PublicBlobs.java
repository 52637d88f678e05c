package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which blobs a public asset uses, remembered for a few seconds: content-addressed URLs are the hot
 * path of delivery, and the answer only changes when an asset is published or withdrawn.
 */
@Component
class PublicBlobs {

    private static final long TTL_MILLIS = 5_000;
    private static final int MAX_ENTRIES = 100_000;

    private record Entry(Optional<AssetVersion> version, long expires) {}

    private final Assets assets;
    private final ConcurrentHashMap<BlobId, Entry> cache = new ConcurrentHashMap<>();

    PublicBlobs(Assets assets) {
        this.assets = assets;
    }

    Optional<AssetVersion> find(BlobId blob) {
        long now = System.currentTimeMillis();
        Entry entry = cache.get(blob);
        if (entry != null && entry.expires() > now) return entry.version();
        Optional<AssetVersion> version = assets.publicVersionOf(blob);
        if (cache.size() >= MAX_ENTRIES) cache.clear();
        cache.put(blob, new Entry(version, now + TTL_MILLIS));
        return version;
    }

    void forget(BlobId blob) {
        cache.remove(blob);
    }
}
