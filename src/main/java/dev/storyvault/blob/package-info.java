/**
 * Blobs: bytes by content hash on disk or S3 ({@link dev.storyvault.blob.BlobStore}), and the blob
 * ledger that counts what uses each ({@link dev.storyvault.blob.BlobLedger}), collects the unused
 * after a grace period ({@link dev.storyvault.blob.BlobCollector}, which can be paused) and lists
 * every live blob. Owns the tables {@code blobs} and {@code blob_collection_pauses}.
 */
@ApplicationModule(allowedDependencies = {"database", "platform"})
package dev.storyvault.blob;

import org.springframework.modulith.ApplicationModule;
