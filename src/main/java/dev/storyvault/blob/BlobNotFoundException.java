package dev.storyvault.blob;

import java.io.IOException;

public class BlobNotFoundException extends IOException {
  public BlobNotFoundException(BlobId id) {
    super("No blob " + id);
  }
}
