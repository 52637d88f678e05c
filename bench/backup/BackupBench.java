import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads ASSETS random files of SIZE bytes and STORIES stories, then times story creates (8 clients)
 * without a backup and while one runs; prints p50/p99 of both, the backup's wall time and size, and
 * its id on the last line ("backup <id> <bytes> <seconds>") for run.sh.
 */
public class BackupBench {

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static String base;
  static String key;

  public static void main(String[] args) throws Exception {
    base = args[0];
    key = args[1];
    int assets = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    int stories = Integer.parseInt(args[4]);
    int seconds = Integer.getInteger("seconds", 10);
    load(assets, size, stories);
    List<Long> quiet = creates(seconds, null);
    long[] backup = new long[2];
    String[] id = new String[1];
    List<Long> during =
        creates(
            0,
            () -> {
              long start = System.nanoTime();
              String body = send("POST", "/api/admin/backups", "");
              backup[0] = System.nanoTime() - start;
              id[0] = field(body, "id");
              backup[1] =
                  Long.parseLong(field(body, "blob_bytes")) + Long.parseLong(field(body, "snapshot_bytes"));
            });
    System.out.printf(
        "story creates, 8 clients: without a backup p50 %.1f ms p99 %.1f ms (%d); during the backup p50 %.1f ms p99 %.1f ms (%d)%n",
        pct(quiet, 50), pct(quiet, 99), quiet.size(), pct(during, 50), pct(during, 99), during.size());
    System.out.printf("backup %s %d %.3f%n", id[0], backup[1], backup[0] / 1e9);
  }

  static void load(int assets, int size, int stories) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<?>> done = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < assets; i++) {
      byte[] bytes = wav(size, random);
      done.add(CompletableFuture.runAsync(() -> upload(bytes), pool));
    }
    for (int i = 0; i < stories; i++) {
      int n = i;
      done.add(CompletableFuture.runAsync(() -> send("POST", "/api/stories", story("Loaded " + n)), pool));
    }
    done.forEach(CompletableFuture::join);
    pool.shutdown();
  }

  /** A mono 16-bit WAV of random samples: incompressible, and stored as it is (no variants). */
  static byte[] wav(int size, Random random) {
    int data = size - 44;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(22050).putInt(44100);
    b.putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(data);
    byte[] samples = new byte[data];
    random.nextBytes(samples);
    b.put(samples);
    return b.array();
  }

  /** Story creates from 8 clients for {@code seconds}, or for as long as {@code during} runs. */
  static List<Long> creates(int seconds, Runnable during) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean going = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int n = 0; going.get(); n++) {
                      long start = System.nanoTime();
                      send("POST", "/api/stories", story("Timed " + n));
                      latencies.add(System.nanoTime() - start);
                    }
                  }));
    }
    if (during == null) Thread.sleep(seconds * 1000L);
    else {
      Thread.sleep(1000);
      during.run();
    }
    going.set(false);
    for (Thread t : clients) t.join();
    return latencies;
  }

  static String story(String title) {
    return "{\"title\":\"" + title + "\",\"content\":{\"pages\":[{\"page_number\":1,\"text\":\"Once upon a time there was a lighthouse keeper who counted the waves.\"}]}}";
  }

  static void upload(byte[] bytes) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/api/assets"))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "audio/wav")
              .header("X-Filename", "noise.wav")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build();
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) throw new IllegalStateException(r.statusCode() + " " + r.body());
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  static String send(String method, String path, String json) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(json))
              .build();
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) throw new IllegalStateException(r.statusCode() + " " + r.body());
      return r.body();
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":");
    int start = at + name.length() + 3;
    if (json.charAt(start) == '"') return json.substring(start + 1, json.indexOf('"', start + 1));
    int end = start;
    while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '.')) end++;
    return json.substring(start, end);
  }

  static double pct(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) return 0;
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
  }
}
