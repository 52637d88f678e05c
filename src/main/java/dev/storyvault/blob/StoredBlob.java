package dev.storyvault.blob;

/** A blob the ledger has stored: its hash and size. */
public record StoredBlob(BlobId blob, long size) {}
