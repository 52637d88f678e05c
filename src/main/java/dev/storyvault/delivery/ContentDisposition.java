package dev.storyvault.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A Content-Disposition that no filename can break out of: ASCII fallback plus RFC 5987 UTF-8 form.
 */
final class ContentDisposition {

  private ContentDisposition() {}

  static String inline(String filename) {
    String name = filename == null || filename.isBlank() ? "download" : filename;
    StringBuilder ascii = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
