package dev.storyvault.asset;

import dev.storyvault.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The asset module's API for documents that reference assets (stories, collections). */
@Component
public class AssetDirectory {

    private final Assets assets;
    private final AssetAccess access;
    private final AssetReferences references;
    private final AssetDelivery delivery;

    AssetDirectory(Assets assets, AssetAccess access, AssetReferences references, AssetDelivery delivery) {
        this.assets = assets;
        this.access = access;
        this.references = references;
        this.delivery = delivery;
    }

    /** The asset as the caller may see it: empty when it does not exist or is not theirs to use. */
    public Optional<AssetFacts> visibleTo(Caller caller, String assetId) {
        return access.findReadable(caller, assetId).map(this::facts);
    }

    /** Records that {@code referrer} now uses exactly these assets (in the caller's transaction). */
    public void recordReferences(String referrerType, String referrerId, Collection<String> assetIds) {
        references.replace(referrerType, referrerId, assetIds);
    }

    public List<String> referrers(String referrerType, String assetId) {
        return references.referrers(referrerType, assetId);
    }

    /**
     * Serves the current content of an asset whose access the calling module has already decided
     * (a share link): private caching only, since the decision was not the URL's alone.
     */
    public void deliverGranted(String assetId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Asset asset = assets.find(assetId).orElseThrow(() -> dev.storyvault.platform.ApiProblem.notFound("asset"));
        delivery.sendGranted(request, response, access.current(asset));
    }

    private AssetFacts facts(Asset asset) {
        AssetVersion current = access.current(asset);
        return new AssetFacts(asset.id(), asset.ownerId(), asset.kind(), asset.isPublic(), current.durationMs());
    }
}
