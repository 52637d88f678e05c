package dev.storyvault.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.text.StringEscapeUtils;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's export as it is written: a zip streamed to its reader, each entry hashed on the way,
 * ending with {@code manifest.json} (every entry's SHA-256 and size) and a readable {@code
 * index.html}.
 */
public final class PersonalArchive {

  /**
   * Entry paths are made here from ids and cleaned names, never taken from a caller as they are.
   */
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._/-]{0,250}");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  record Entry(String path, String sha256, long sizeBytes) {}

  private final ZipOutputStream zip;
  private final List<Entry> entries = new ArrayList<>();

  public PersonalArchive(OutputStream out) {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
  }

  /** {@code value} as indented JSON at {@code path}. */
  public void json(String path, Object value) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(value);
    file(path, new java.io.ByteArrayInputStream(bytes));
  }

  /**
   * The rows {@code sql} selects, as a JSON array of objects at {@code path}; columns named {@code
   * *_at} holding epoch milliseconds become ISO instants.
   */
  public void rows(
      String path,
      org.springframework.jdbc.core.simple.JdbcClient jdbc,
      String sql,
      Object... params)
      throws IOException {
    json(path, rowsOf(jdbc, sql, params));
  }

  static List<Map<String, Object>> rowsOf(
      org.springframework.jdbc.core.simple.JdbcClient jdbc, String sql, Object... params) {
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, n) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              var meta = rs.getMetaData();
              for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnLabel(i).toLowerCase();
                Object value = rs.getObject(i);
                row.put(
                    name,
                    value instanceof Number millis && (name.endsWith("_at") || name.equals("at"))
                        ? java.time.Instant.ofEpochMilli(millis.longValue()).toString()
                        : value);
              }
              return row;
            })
        .list();
  }

  /** {@code content} copied to {@code path}. */
  public void file(String path, InputStream content) throws IOException {
    if (!PATH.matcher(path).matches() || path.contains(".."))
      throw new IllegalArgumentException("Not an archive path: " + path);
    zip.putNextEntry(new ZipEntry(path));
    MessageDigest sha256 = sha256();
    long size;
    try (InputStream in = content) {
      size = in.transferTo(new DigestOutputStream(uncloseable(), sha256));
    }
    zip.closeEntry();
    entries.add(new Entry(path, HexFormat.of().formatHex(sha256.digest()), size));
  }

  /** A file name as a person gave it, made safe for an entry path. */
  public static String cleanName(String name) {
    String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    cleaned = cleaned.replaceAll("^[._]+", "");
    return cleaned.isEmpty() ? "file" : cleaned.substring(0, Math.min(100, cleaned.length()));
  }

  /** Writes the manifest and the index page and closes the zip. */
  public void finish(Map<String, Object> about) throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>(about);
    manifest.put(
        "entries",
        entries.stream()
            .map(e -> Map.of("path", e.path(), "sha256", e.sha256(), "size_bytes", e.sizeBytes()))
            .toList());
    List<Entry> listed = List.copyOf(entries);
    json("manifest.json", manifest);
    writeRaw("index.html", indexPage(about, listed).getBytes(StandardCharsets.UTF_8));
    zip.finish();
  }

  private void writeRaw(String path, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static String indexPage(Map<String, Object> about, List<Entry> entries) {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Your StoryVault data</title></head><body>\n<h1>Your StoryVault data</h1>\n<dl>\n");
    about.forEach(
        (key, value) ->
            html.append("<dt>")
                .append(escape(key))
                .append("</dt><dd>")
                .append(escape(String.valueOf(value)))
                .append("</dd>\n"));
    html.append(
        "</dl>\n<p>Every file of this archive, with its SHA-256 (also in manifest.json):</p>\n<table>\n"
            + "<tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr>\n");
    for (Entry e : entries) {
      html.append("<tr><td><a href=\"")
          .append(escape(e.path()))
          .append("\">")
          .append(escape(e.path()))
          .append("</a></td><td>")
          .append(e.sizeBytes())
          .append("</td><td><code>")
          .append(e.sha256())
          .append("</code></td></tr>\n");
    }
    return html.append("</table>\n</body></html>\n").toString();
  }

  private static String escape(String text) {
    return StringEscapeUtils.escapeHtml4(text);
  }

  private OutputStream uncloseable() {
    return new java.io.FilterOutputStream(zip) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        zip.write(b, off, len);
      }

      @Override
      public void close() {}
    };
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
