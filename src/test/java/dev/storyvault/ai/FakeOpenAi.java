package dev.storyvault.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server speaking the OpenAI API (chat plain and streamed, images, speech, models) that
 * misbehaves on request: 500, 429 with Retry-After, answers slower than the time limit, a stream
 * that stalls halfway, malformed JSON, a connection reset, an endless body, or 400.
 */
final class FakeOpenAi implements AutoCloseable {

  enum Mode {
    OK,
    FAIL_500,
    RATE_LIMITED,
    SLOW,
    STALL,
    MALFORMED,
    RESET,
    ENDLESS,
    REJECT_400
  }

  private final HttpServer server;
  private volatile Mode mode = Mode.OK;
  private volatile int failuresLeft = Integer.MAX_VALUE;
  private volatile long delayMillis;
  private volatile String retryAfter = "1";
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final String reply;

  FakeOpenAi(String reply) {
    this.reply = reply;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Misbehaves this way for the next {@code times} requests, then answers normally. */
  FakeOpenAi misbehave(Mode how, int times) {
    mode = how;
    failuresLeft = times;
    return this;
  }

  FakeOpenAi misbehave(Mode how) {
    return misbehave(how, Integer.MAX_VALUE);
  }

  FakeOpenAi delay(long millis) {
    delayMillis = millis;
    return this;
  }

  FakeOpenAi retryAfter(String value) {
    retryAfter = value;
    return this;
  }

  int requests() {
    return requests.get();
  }

  List<String> authorizations() {
    return authorizations;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    byte[] request = exchange.getRequestBody().readAllBytes();
    Mode now = failuresLeft-- > 0 ? mode : Mode.OK;
    try (exchange) {
      sleep(delayMillis);
      switch (now) {
        case OK -> ok(exchange, new String(request, StandardCharsets.UTF_8));
        case FAIL_500 -> send(exchange, 500, "{\"error\":\"boom, key sk-secret-provider-key\"}");
        case RATE_LIMITED -> {
          exchange.getResponseHeaders().set("Retry-After", retryAfter);
          send(exchange, 429, "{\"error\":\"slow down\"}");
        }
        case REJECT_400 -> send(exchange, 400, "{\"error\":\"bad request\"}");
        case MALFORMED -> send(exchange, 200, "{\"choices\": [ {\"message\": ");
        case SLOW -> {
          sleep(10_000);
          ok(exchange, new String(request, StandardCharsets.UTF_8));
        }
        case RESET -> {
          /* closing without an answer: the client sees the connection end */
        }
        case ENDLESS -> endless(exchange);
        case STALL -> stall(exchange);
      }
    } catch (IOException clientLeft) {
      // the client gave up (timeout, size limit): nothing to answer
    }
  }

  private void ok(HttpExchange exchange, String request) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.endsWith("/models")) send(exchange, 200, "{\"data\":[{\"id\":\"fake\"}]}");
    else if (path.endsWith("/images/generations"))
      send(
          exchange,
          200,
          "{\"data\":[{\"b64_json\":\""
              + Base64.getEncoder().encodeToString(dev.storyvault.support.Media.aPng(32, 24))
              + "\"}]}");
    else if (path.endsWith("/audio/speech")) send(exchange, 200, "ID3-fake-mp3-bytes");
    else if (request.contains("\"stream\":true")) stream(exchange, false);
    else
      send(
          exchange,
          200,
          "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\""
              + reply
              + "\"}}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":5}}");
  }

  private void stream(HttpExchange exchange, boolean stallHalfway) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    String[] words = reply.split("(?<= )");
    for (int i = 0; i < words.length; i++) {
      if (stallHalfway && i == words.length / 2) {
        sleep(15_000);
        return;
      }
      out.write(
          ("data: {\"choices\":[{\"delta\":{\"content\":\"" + words[i] + "\"}}]}\n\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
  }

  private void stall(HttpExchange exchange) throws IOException {
    stream(exchange, true);
  }

  private static void endless(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    byte[] chunk = "{\"choices\":[".repeat(1000).getBytes(StandardCharsets.UTF_8);
    for (long sent = 0; sent < 512L << 20; sent += chunk.length)
      out.write(chunk); // bounded: stops at 512 MiB
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleep(long millis) {
    if (millis <= 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
