package dev.storyvault.delivery;

import dev.storyvault.blob.BlobStore;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A 206 with several ranges: multipart/byteranges, with an exact Content-Length computed up front.
 */
final class MultipartRanges {

  private final BlobStore store;
  private final Representation rep;
  private final List<ByteRange> ranges;
  private final String boundary = UUID.randomUUID().toString().replace("-", "");

  MultipartRanges(BlobStore store, Representation rep, List<ByteRange> ranges) {
    this.store = store;
    this.rep = rep;
    this.ranges = ranges;
  }

  void send(HttpServletRequest request, HttpServletResponse response, Counter bytesServed)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
    response.setContentType("multipart/byteranges; boundary=" + boundary);
    response.setContentLengthLong(contentLength());
    if ("HEAD".equals(request.getMethod())) return;
    OutputStream out = response.getOutputStream();
    for (ByteRange range : ranges) {
      out.write(partHeader(range));
      try (InputStream in = store.open(rep.blob(), range.first(), range.length())) {
        BlobResponder.copy(in, out, range.length());
      }
      out.write(ascii("\r\n"));
      bytesServed.increment(range.length());
    }
    out.write(closing());
  }

  private long contentLength() {
    long total = closing().length;
    for (ByteRange range : ranges) total += partHeader(range).length + range.length() + 2;
    return total;
  }

  private byte[] partHeader(ByteRange range) {
    return ascii(
        "--"
            + boundary
            + "\r\nContent-Type: "
            + rep.mimeType()
            + "\r\nContent-Range: "
            + range.contentRange(rep.size())
            + "\r\n\r\n");
  }

  private byte[] closing() {
    return ascii("--" + boundary + "--\r\n");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
