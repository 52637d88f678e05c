package dev.storyvault.export;

/** What a story can be exported as. */
enum ExportFormat {
  PDF("application/pdf", "pdf"),
  EPUB("application/epub+zip", "epub"),
  OFFLINE("application/zip", "zip");

  private final String mimeType;
  private final String extension;

  ExportFormat(String mimeType, String extension) {
    this.mimeType = mimeType;
    this.extension = extension;
  }

  String mimeType() {
    return mimeType;
  }

  String extension() {
    return extension;
  }
}
