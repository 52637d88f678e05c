package dev.storyvault.export;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.asset.AssetFile;
import dev.storyvault.platform.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ZIP for reading offline: {@code story.json} (pages point at files in the bundle), every asset's
 * original bytes under {@code assets/}, a static {@code index.html} reader that needs no server or
 * script, and {@code manifest.json} with the SHA-256 and size of every other file.
 */
@Component
class OfflineBundle implements ExportWriter {

  private final AssetDirectory assets;
  private final JsonMapper json = JsonMapper.builder().build();

  OfflineBundle(AssetDirectory assets) {
    this.assets = assets;
  }

  @Override
  public ExportFormat format() {
    return ExportFormat.OFFLINE;
  }

  @Override
  public void write(Materials materials, OutputStream out) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    Map<String, String> paths = new LinkedHashMap<>();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (AssetFile file : materials.assets().values()) {
        String path = "assets/" + file.blob().hex() + "." + file.extension();
        paths.put(file.id(), path);
        try (InputStream in = assets.open(file)) {
          files.add(entry(zip, path, file.mimeType(), in));
        }
      }
      byte[] story =
          json.writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(OfflineReader.story(materials, paths));
      files.add(entry(zip, "story.json", "application/json", new ByteArrayInputStream(story)));
      byte[] html = OfflineReader.html(materials, paths).getBytes(StandardCharsets.UTF_8);
      files.add(entry(zip, "index.html", "text/html", new ByteArrayInputStream(html)));
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("story_id", materials.story().id());
      manifest.put("version", materials.story().version());
      manifest.put("title", materials.title());
      manifest.put("files", files);
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      zip.closeEntry();
    }
  }

  private static Map<String, Object> entry(
      ZipOutputStream zip, String path, String type, InputStream in) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    MessageDigest sha256 = Digests.newSha256();
    long size;
    try (DigestOutputStream digest =
        new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
      size = in.transferTo(new Tee(zip, digest));
    }
    zip.closeEntry();
    return Map.of(
        "path",
        path,
        "media_type",
        type,
        "size_bytes",
        size,
        "sha256",
        HexFormat.of().formatHex(sha256.digest()));
  }

  /** Writes to the ZIP entry and the digest; closing it leaves the ZIP open. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
