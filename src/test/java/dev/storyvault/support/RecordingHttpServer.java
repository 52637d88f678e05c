package dev.storyvault.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for a cache that accepts purges: it answers 200 (or 503 when told)
 * and remembers each request.
 */
public final class RecordingHttpServer implements AutoCloseable {

  /** One request as received: method, path and the Surrogate-Key header (or null). */
  public record Received(String method, String path, String surrogateKey) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger failures =
      new java.util.concurrent.atomic.AtomicInteger();

  public RecordingHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Surrogate-Key")));
          exchange.sendResponseHeaders(
              failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200, -1);
          exchange.close();
        });
    server.start();
  }

  /** The next {@code count} requests are answered 503 (and still recorded). */
  public void failNext(int count) {
    failures.set(count);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
