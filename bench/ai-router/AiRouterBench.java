import com.sun.net.httpserver.HttpServer;
import dev.storyvault.ai.Modality;
import dev.storyvault.ai.ModelRouter;
import dev.storyvault.ai.ProviderSettings;
import dev.storyvault.ai.RouterSettings;
import dev.storyvault.ai.RoutingStrategy;
import dev.storyvault.ai.SpeechRequest;
import dev.storyvault.ai.TextProvider;
import dev.storyvault.ai.TextRequest;
import dev.storyvault.ai.TextResult;
import dev.storyvault.ai.ImageRequest;
import dev.storyvault.ai.StoryBrief;
import dev.storyvault.ai.offline.EspeakNarrator;
import dev.storyvault.ai.offline.OfflineIllustrator;
import dev.storyvault.ai.offline.OfflineWriter;
import dev.storyvault.ai.openai.OpenAiCompatible;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** See run.sh. Prints per-call time direct and routed, the difference, and offline throughput. */
public class AiRouterBench {

  static final int CALLERS = Integer.getInteger("callers", 64);
  static final Duration TIME = Duration.ofSeconds(Long.getLong("seconds", 8));
  static final TextRequest HELLO = new TextRequest(List.of(new TextRequest.Message("user", "Hello")), 64, 1, null);

  public static void main(String[] args) throws Exception {
    System.out.printf("router overhead, %d concurrent callers, %d s per case (2 cores shared by callers and stub)%n",
        CALLERS, TIME.toSeconds());
    TextProvider noop = new TextProvider() {
      final ProviderSettings settings = ProviderSettings.of("noop", 1).withMaxConcurrent(1024);
      public ProviderSettings settings() { return settings; }
      public TextResult complete(TextRequest r, Duration t) { return new TextResult("ok", 1, 1); }
    };
    compare("in-process no-op provider", noop);
    HttpServer stub = stub();
    OpenAiCompatible http = new OpenAiCompatible(ProviderSettings.of("stub", 1).withMaxConcurrent(1024),
        "http://127.0.0.1:" + stub.getAddress().getPort(), "m", "k", Set.of(Modality.TEXT),
        OpenAiCompatible.Limits.defaults(), OpenAiCompatible.defaultClient());
    compare("OpenAI-compatible stub over loopback HTTP", http);
    stub.stop(0);
    offline();
  }

  static void compare(String name, TextProvider provider) throws Exception {
    ModelRouter<TextProvider> router = new ModelRouter<>(Modality.TEXT, List.of(provider),
        RouterSettings.defaults(RoutingStrategy.PRIORITY), Clock.systemUTC(), new SimpleMeterRegistry());
    Supplier<Object> direct = () -> provider.complete(HELLO, Duration.ofSeconds(30));
    Supplier<Object> routed = () -> router.call(Duration.ofSeconds(30), (p, limit) -> p.complete(HELLO, limit), (p, r) -> 0.0);
    run(direct, Duration.ofSeconds(3)); // warm-up
    run(routed, Duration.ofSeconds(3));
    double[] d = run(direct, TIME);
    double[] r = run(routed, TIME);
    System.out.printf("%-44s direct %9.0f calls/s  mean %8.3f ms | routed %9.0f calls/s  mean %8.3f ms | added %.3f ms (%.1f%%)%n",
        name, d[0], d[1], r[0], r[1], r[1] - d[1], (r[1] - d[1]) / d[1] * 100);
  }

  /** Calls/s and mean ms per call with CALLERS threads in a closed loop. */
  static double[] run(Supplier<Object> call, Duration time) throws Exception {
    AtomicLong calls = new AtomicLong();
    AtomicLong nanos = new AtomicLong();
    long end = System.nanoTime() + time.toNanos();
    try (var pool = Executors.newFixedThreadPool(CALLERS)) {
      for (int i = 0; i < CALLERS; i++) pool.submit(() -> {
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          call.get();
          nanos.addAndGet(System.nanoTime() - start);
          calls.incrementAndGet();
        }
      });
    }
    return new double[] {calls.get() / (time.toNanos() / 1e9), nanos.get() / 1e6 / Math.max(1, calls.get())};
  }

  static HttpServer stub() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    byte[] body = "{\"choices\":[{\"message\":{\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}"
        .getBytes(StandardCharsets.UTF_8);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  static void offline() throws Exception {
    System.out.println("offline providers, one thread");
    OfflineWriter writer = new OfflineWriter(ProviderSettings.of("w", 1));
    int pages = 0;
    long start = System.nanoTime();
    for (int i = 0; System.nanoTime() - start < TIME.toNanos(); i++) {
      writer.complete(new TextRequest(List.of(), 2048, i, new StoryBrief(null, List.of("Toy Story"),
          List.of("Goku", "Woody"), "friendship", "Friends help each other", 10, "6-8", null, null, null)), Duration.ofSeconds(5));
      pages += 10;
    }
    System.out.printf("  text: %.0f pages/s%n", pages / ((System.nanoTime() - start) / 1e9));
    OfflineIllustrator illustrator = new OfflineIllustrator(ProviderSettings.of("i", 1));
    int images = 0;
    start = System.nanoTime();
    for (int i = 0; System.nanoTime() - start < TIME.toNanos(); i++, images++) {
      illustrator.generate(new ImageRequest("p", List.of("Goku", "Woody"), "moon", 1024, 768, null, i), Duration.ofSeconds(5));
    }
    System.out.printf("  illustrations (1024x768 PNG): %.1f/s%n", images / ((System.nanoTime() - start) / 1e9));
    EspeakNarrator narrator = new EspeakNarrator(ProviderSettings.of("n", 1), Files.createTempDirectory("bench-speech"));
    if (!narrator.available()) {
      System.out.println("  narration: espeak-ng not installed");
      return;
    }
    String text = "Once upon a time, in a castle made of clouds, Goku and Woody found a glowing map and followed it to the sea.";
    long audioMs = 0;
    long children = childCpuTicks();
    start = System.nanoTime();
    while (System.nanoTime() - start < TIME.toNanos()) audioMs += narrator.speak(new SpeechRequest(text, null), Duration.ofSeconds(30)).durationMs();
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (childCpuTicks() - children) / 100.0;
    System.out.printf("  narration (espeak-ng + lame MP3): %.1f s of audio per s of wall time, %.1f s per s of child CPU%n",
        audioMs / 1000.0 / wall, audioMs / 1000.0 / Math.max(0.01, cpu));
  }

  /** CPU of finished child processes (espeak-ng, lame), in clock ticks, from /proc. */
  static long childCpuTicks() throws Exception {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
  }
}
