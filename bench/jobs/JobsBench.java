import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See run.sh. Arguments: base URL, admin key, number of no-op jobs, the server's pid (for its memory). */
public class JobsBench {

  static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static String base;
  static String key;

  public static void main(String[] args) throws Exception {
    base = args[0];
    key = args[1];
    int jobs = Integer.parseInt(args[2]);
    long pid = Long.parseLong(args[3]);
    noops(500, false);
    noops(jobs, true);
    preview();
    streams(1000, pid);
  }

  /** Submits no-op jobs from 16 clients; jobs/s from the first submit to the last completion. */
  static void noops(int count, boolean report) throws Exception {
    List<Long> accept = Collections.synchronizedList(new ArrayList<>());
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try (var pool = Executors.newFixedThreadPool(16)) {
      for (int c = 0; c < 16; c++) pool.submit(() -> {
        while (next.getAndIncrement() < count) {
          long t = System.nanoTime();
          String body = post("/api/jobs", "{\"type\":\"noop\",\"input\":{}}");
          accept.add(System.nanoTime() - t);
          ids.add(field(body, "id"));
        }
        return null;
      });
    }
    String last = ids.getLast();
    while (!get("/api/jobs/" + last).contains("\"final_ready\"") || get("/api/jobs?status=queued&limit=1").contains("job_")
        || get("/api/jobs?status=processing&limit=1").contains("job_")) Thread.sleep(20);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!report) return;
    Collections.sort(accept);
    System.out.printf("no-op jobs: %d in %.2f s = %.0f jobs/s (create -> run -> complete)%n", count, seconds, count / seconds);
    System.out.printf("job accepted: p50 %.2f ms, p99 %.2f ms%n", accept.get(accept.size() / 2) / 1e6,
        accept.get((int) (accept.size() * 0.99)) / 1e6);
  }

  /** A 10-page story with the offline providers: time to the first readable page, and to the end. */
  static void preview() throws Exception {
    long start = System.nanoTime();
    String id = field(post("/api/jobs", "{\"type\":\"story.generate\",\"input\":{\"characters\":[\"goku\",\"woody\"],"
        + "\"pages\":10,\"width\":768,\"height\":512}}"), "id");
    var lines = http.send(request("/api/jobs/" + id + "/events").GET().build(), HttpResponse.BodyHandlers.ofLines()).body();
    double preview = -1;
    for (String line : (Iterable<String>) lines::iterator) {
      if (preview < 0 && line.contains("\"preview_ready\"")) preview = (System.nanoTime() - start) / 1e9;
      if (line.startsWith("event: completed")) break;
    }
    System.out.printf("10-page story, offline providers: preview_ready after %.2f s, final_ready after %.2f s%n",
        preview, (System.nanoTime() - start) / 1e9);
  }

  /** Opens {@code count} event streams on a running job; the server's resident memory before and with them. */
  static void streams(int count, long pid) throws Exception {
    String id = field(post("/api/jobs", "{\"type\":\"story.generate\",\"input\":{\"characters\":[\"goku\",\"woody\",\"elsa\"],"
        + "\"pages\":20,\"width\":1536,\"height\":1024}}"), "id");
    long before = rss(pid);
    AtomicInteger open = new AtomicInteger();
    List<CompletableFuture<HttpResponse<java.io.InputStream>>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(http.sendAsync(request("/api/jobs/" + id + "/events").GET().build(), HttpResponse.BodyHandlers.ofInputStream())
          .whenComplete((r, e) -> { if (e == null) open.incrementAndGet(); }));
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (open.get() < count && System.nanoTime() < deadline) Thread.sleep(50);
    Thread.sleep(1000);
    long with = rss(pid);
    boolean running = !get("/api/jobs/" + id).contains("\"final_ready\"");
    System.out.printf("%d event streams open (job still running: %s): server RSS %d MB before, %d MB with them (%.0f KB each)%n",
        open.get(), running, before / 1024, with / 1024, (with - before) / (double) Math.max(1, open.get()));
    for (var f : all) f.thenAccept(r -> { try { r.body().close(); } catch (Exception ignored) { } });
  }

  static long rss(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return -1;
  }

  static String post(String path, String json) throws Exception {
    return http.send(request(path).header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static String get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).timeout(Duration.ofMinutes(5));
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
    return m.group(1);
  }
}
