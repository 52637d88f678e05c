package dev.storyvault.delivery;

import dev.storyvault.blob.BlobStore;
import dev.storyvault.platform.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Serves a stored blob with full HTTP semantics: validators, conditional requests, single and
 * multiple ranges, HEAD. Local blobs above a threshold go out by sendfile, never through the heap.
 */
@Component
@EnableConfigurationProperties(DeliveryProperties.class)
public class BlobResponder {

  private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

  private final BlobStore store;
  private final SmallBlobCache smallBlobs;
  private final DeliveryProperties properties;
  private final Counter bytesServed;
  private final Counter conditionalHits;
  private final Counter conditionalMisses;

  BlobResponder(
      BlobStore store,
      SmallBlobCache smallBlobs,
      DeliveryProperties properties,
      MeterRegistry meters) {
    this.store = store;
    this.smallBlobs = smallBlobs;
    this.properties = properties;
    this.bytesServed = meters.counter("storyvault.delivery.bytes");
    this.conditionalHits =
        meters.counter("storyvault.delivery.conditional", "result", "not-modified");
    this.conditionalMisses =
        meters.counter("storyvault.delivery.conditional", "result", "modified");
  }

  public void respond(HttpServletRequest request, HttpServletResponse response, Representation rep)
      throws IOException {
    if (Conditions.failsIfMatch(request, rep)) {
      throw new ApiProblem(
          HttpStatus.PRECONDITION_FAILED,
          "precondition-failed",
          "Precondition failed",
          "If-Match does not name the current representation.");
    }
    boolean conditional =
        request.getHeader("If-None-Match") != null
            || request.getHeader("If-Modified-Since") != null;
    if (Conditions.notModified(request, rep)) {
      conditionalHits.increment();
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      response.setHeader(HttpHeaders.ETAG, rep.etag());
      response.setHeader(HttpHeaders.CACHE_CONTROL, rep.cacheControl());
      return;
    }
    writeValidators(response, rep);
    if (conditional) conditionalMisses.increment();
    String rangeHeader = request.getHeader(HttpHeaders.RANGE);
    if (rangeHeader == null || !Conditions.rangeStillValid(request, rep)) {
      sendWhole(request, response, rep);
      return;
    }
    ByteRange.Parsed parsed = ByteRange.parse(rangeHeader, rep.size(), properties.maxRanges());
    if (parsed.failure() == ByteRange.Outcome.IGNORE) {
      sendWhole(request, response, rep);
    } else if (parsed.failure() != null) {
      throw unsatisfiable(rep, parsed.failure());
    } else if (parsed.ranges().size() == 1) {
      sendRange(request, response, rep, parsed.ranges().getFirst());
    } else {
      new MultipartRanges(store, rep, parsed.ranges()).send(request, response, bytesServed);
    }
  }

  private void writeValidators(HttpServletResponse response, Representation rep) {
    response.setHeader(HttpHeaders.ETAG, rep.etag());
    response.setDateHeader(HttpHeaders.LAST_MODIFIED, rep.lastModified().toEpochMilli());
    response.setHeader(HttpHeaders.CACHE_CONTROL, rep.cacheControl());
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline(rep.filename()));
  }

  private void sendWhole(
      HttpServletRequest request, HttpServletResponse response, Representation rep)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    send(request, response, rep, 0, rep.size());
  }

  private void sendRange(
      HttpServletRequest request, HttpServletResponse response, Representation rep, ByteRange range)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
    response.setHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(rep.size()));
    send(request, response, rep, range.first(), range.length());
  }

  private void send(
      HttpServletRequest request,
      HttpServletResponse response,
      Representation rep,
      long offset,
      long length)
      throws IOException {
    response.setContentType(rep.mimeType());
    response.setContentLengthLong(length);
    if ("HEAD".equals(request.getMethod())) return;
    if (smallBlobs.accepts(rep.size())) {
      response
          .getOutputStream()
          .write(smallBlobs.bytes(rep.blob(), rep.size()), (int) offset, (int) length);
      bytesServed.increment(length);
      return;
    }
    Optional<Path> local =
        length >= properties.sendfileThreshold() ? store.localFile(rep.blob()) : Optional.empty();
    if (local.isPresent() && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
      request.setAttribute("org.apache.tomcat.sendfile.filename", local.get().toString());
      request.setAttribute("org.apache.tomcat.sendfile.start", offset);
      request.setAttribute("org.apache.tomcat.sendfile.end", offset + length);
    } else {
      try (InputStream in = store.open(rep.blob(), offset, length)) {
        copy(in, response.getOutputStream(), length);
      }
    }
    bytesServed.increment(length);
  }

  static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(length, 1))];
    long remaining = length;
    while (remaining > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) throw new IOException("Blob ended early");
      out.write(buffer, 0, n);
      remaining -= n;
    }
  }

  private static ApiProblem unsatisfiable(Representation rep, ByteRange.Outcome outcome) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + rep.size());
    String detail =
        outcome == ByteRange.Outcome.TOO_MANY
            ? "Too many ranges in one request; ask for fewer."
            : "No requested range starts before the end of the "
                + rep.size()
                + "-byte representation.";
    return new ApiProblem(
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
        "range-not-satisfiable",
        "Range not satisfiable",
        detail,
        headers,
        Map.of("size", rep.size()));
  }
}
