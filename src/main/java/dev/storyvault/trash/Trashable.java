package dev.storyvault.trash;

/**
 * A module whose deleted items go to the trash: it writes them back on restore, and lets go of what
 * they held (blobs, asset references) when they are purged. Both run inside the trash's
 * transaction.
 */
public interface Trashable {

  /** The kind of item, as {@link Trash#put} was told. */
  String kind();

  /** Writes the item back as it was when it was deleted. */
  void restore(TrashedItem item);

  /** Releases what the item still held; its rows are already gone. */
  void purge(TrashedItem item);
}
