package dev.storyvault.export;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.asset.AssetFile;
import dev.storyvault.story.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * EPUB 3: a title page, one XHTML document per story page with its illustration (1600 px JPEG) and
 * its narration (MP3 or M4A, the core audio types), navigation, and nothing remote.
 */
@Component
class EpubBook implements ExportWriter {

  private final Clock clock;

  private static final Set<String> CORE_AUDIO = Set.of("audio/mpeg", "audio/mp4");

  private final AssetDirectory assets;

  EpubBook(AssetDirectory assets, Clock clock) {
    this.clock = clock;
    this.assets = assets;
  }

  @Override
  public ExportFormat format() {
    return ExportFormat.EPUB;
  }

  @Override
  public void write(Materials materials, OutputStream out)
      throws IOException, InterruptedException {
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      mimetype(zip);
      text(zip, "META-INF/container.xml", EpubDocuments.CONTAINER);
      text(zip, "EPUB/style.css", EpubDocuments.STYLE);
      List<String> manifest = new ArrayList<>();
      String language =
          EpubDocuments.language(materials.story().content().parameters().get("language"));
      text(zip, "EPUB/title.xhtml", EpubDocuments.titlePage(materials, language));
      for (Page page : materials.story().content().pages()) {
        String image = image(zip, page, materials.image(page), manifest);
        String audio = audio(zip, page, materials.audio(page), manifest);
        text(
            zip,
            "EPUB/page-" + page.pageNumber() + ".xhtml",
            EpubDocuments.page(materials, page, image, audio, language));
      }
      text(zip, "EPUB/nav.xhtml", EpubDocuments.nav(materials, language));
      text(
          zip,
          "EPUB/package.opf",
          EpubDocuments.packageDocument(
              materials, language, manifest, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }
  }

  private String image(
      ZipOutputStream zip, Page page, Optional<AssetFile> file, List<String> manifest)
      throws IOException, InterruptedException {
    if (file.isEmpty()) return null;
    Optional<byte[]> jpeg = assets.jpegFor(file.get(), false);
    if (jpeg.isEmpty()) return null;
    String name = "images/page-" + page.pageNumber() + ".jpg";
    zip.putNextEntry(new ZipEntry("EPUB/" + name));
    zip.write(jpeg.get());
    zip.closeEntry();
    manifest.add(EpubDocuments.item("img-" + page.pageNumber(), name, "image/jpeg"));
    return name;
  }

  private String audio(
      ZipOutputStream zip, Page page, Optional<AssetFile> file, List<String> manifest)
      throws IOException {
    if (file.isEmpty() || !CORE_AUDIO.contains(file.get().mimeType())) return null;
    String name = "audio/page-" + page.pageNumber() + "." + file.get().extension();
    zip.putNextEntry(new ZipEntry("EPUB/" + name));
    try (InputStream in = assets.open(file.get())) {
      in.transferTo(zip);
    }
    zip.closeEntry();
    manifest.add(EpubDocuments.item("audio-" + page.pageNumber(), name, file.get().mimeType()));
    return name;
  }

  /**
   * why stored and first: reading systems identify an EPUB by these exact first bytes of the ZIP.
   */
  private static void mimetype(ZipOutputStream zip) throws IOException {
    byte[] bytes = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
    ZipEntry entry = new ZipEntry("mimetype");
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  private static void text(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
