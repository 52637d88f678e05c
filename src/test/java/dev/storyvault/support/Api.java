package dev.storyvault.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the server under test, speaking as one credential (or none). */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final String token;

  public Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  public Api as(String otherToken) {
    return new Api(base, otherToken);
  }

  public Api anonymous() {
    return new Api(base, null);
  }

  public String token() {
    return token;
  }

  public String base() {
    return base;
  }

  public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Response get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public Response head(String path, String... headers) {
    return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response postJson(String path, Object body) {
    return send(
        request(path, "Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Response json(String method, String path, Object body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send(
        request(path, all)
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Response patchJson(String path, Object body) {
    return send(
        request(path, "Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Response send(String method, String path, byte[] body, String... headers) {
    return send(
        request(path, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart/form-data POST: the file part named "file", then plain fields. */
  public Response upload(String path, String filename, byte[] content, Map<String, String> fields) {
    return multipart("POST", path, filename, content, fields);
  }

  public Response multipart(
      String method, String path, String filename, byte[] content, Map<String, String> fields) {
    String boundary = "sv" + UUID.randomUUID().toString().replace("-", "");
    List<byte[]> parts = new ArrayList<>();
    fields.forEach(
        (name, value) ->
            parts.add(
                ascii(
                    "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")));
    parts.add(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    parts.add(content);
    parts.add(ascii("\r\n--" + boundary + "--\r\n"));
    return send(
        request(path, "Content-Type", "multipart/form-data; boundary=" + boundary)
            .method(method, HttpRequest.BodyPublishers.ofByteArrays(parts)));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) builder.header("Authorization", "Bearer " + token);
    for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
    return builder;
  }

  private static Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
