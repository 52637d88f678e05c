package dev.storyvault.asset;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Published when a public asset is made private or deleted: its content-addressed URLs ({@code
 * /api/blobs/<hash>}) must stop answering, and caches that keep them for a year must drop them.
 */
@NamedInterface("events")
public record PublicContentWithdrawn(String assetId, String ownerId, List<String> blobHashes) {}
