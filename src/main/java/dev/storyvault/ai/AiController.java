package dev.storyvault.ai;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.asset.AssetView;
import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import dev.storyvault.identity.AuditLog;
import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import dev.storyvault.platform.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router, usable directly: generate text (plain, or streamed as server-sent events), an
 * illustration or narration (stored as the caller's asset); rate what was made; health per
 * modality; optimize (admins).
 */
@RestController
@RequestMapping("/api/ai")
class AiController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("An AI request", 256 * 1024, 16));
  private final Generation generation;
  private final AiRequests requests;
  private final AssetDirectory assets;
  private final AiRouters routers;
  private final AiQuality quality;
  private final AiRequestLog log;
  private final AuditLog audit;
  private final ClientAddresses addresses;
  private final Duration deadline;

  AiController(
      Generation generation,
      AiProperties properties,
      AssetDirectory assets,
      AiRouters routers,
      AiQuality quality,
      AiRequestLog log,
      AuditLog audit,
      ClientAddresses addresses) {
    this.generation = generation;
    this.requests = new AiRequests(properties.limits());
    this.assets = assets;
    this.routers = routers;
    this.quality = quality;
    this.log = log;
    this.audit = audit;
    this.addresses = addresses;
    this.deadline = properties.deadline();
  }

  @PostMapping("/generate/text")
  void text(Caller caller, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    caller.requireScope(Scope.WRITE);
    Parsed<TextRequest> parsed = parse(caller, Modality.TEXT, request, requests::text);
    boolean stream =
        Boolean.TRUE.equals(parsed.body().get("stream"))
            || String.valueOf(request.getHeader("Accept")).contains("text/event-stream");
    if (stream) {
      streamed(caller, parsed, response);
      return;
    }
    Routed<TextResult> routed =
        call(
            () ->
                log.logged(
                    caller,
                    Modality.TEXT,
                    parsed.size(),
                    () -> generation.text(parsed.request(), deadline, null),
                    r -> r,
                    r -> null));
    Map<String, Object> out = meta(routed);
    out.put("text", routed.result().text());
    out.put(
        "tokens",
        Map.of(
            "prompt", routed.result().promptTokens(),
            "completion", routed.result().completionTokens()));
    response.setContentType("application/json");
    response.getOutputStream().write(JSON.writeValueAsBytes(out));
  }

  @PostMapping("/generate/image")
  ResponseEntity<Map<String, Object>> image(Caller caller, HttpServletRequest request)
      throws IOException {
    caller.requireScope(Scope.WRITE);
    Parsed<ImageRequest> parsed = parse(caller, Modality.IMAGE, request, requests::image);
    Map<String, Object> out =
        call(
            () ->
                log.logged(
                    caller,
                    Modality.IMAGE,
                    parsed.size(),
                    () -> generation.image(parsed.request(), deadline),
                    routed ->
                        stored(
                            caller,
                            routed,
                            "illustration.png",
                            routed.result().bytes(),
                            parsed.body()),
                    made -> ((AssetView) made.get("asset")).id()));
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  @PostMapping("/generate/speech")
  ResponseEntity<Map<String, Object>> speech(Caller caller, HttpServletRequest request)
      throws IOException {
    caller.requireScope(Scope.WRITE);
    Parsed<SpeechRequest> parsed = parse(caller, Modality.SPEECH, request, requests::speech);
    Map<String, Object> out =
        call(
            () ->
                log.logged(
                    caller,
                    Modality.SPEECH,
                    parsed.size(),
                    () -> generation.speech(parsed.request(), deadline),
                    routed ->
                        stored(
                            caller,
                            routed,
                            "narration." + routed.result().extension(),
                            routed.result().bytes(),
                            parsed.body()),
                    made -> ((AssetView) made.get("asset")).id()));
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  /** A request read and checked; a refusal is logged as rejected before it is answered. */
  record Parsed<Q>(Map<String, Object> body, Q request, int size) {}

  private <Q> Parsed<Q> parse(
      Caller caller,
      Modality modality,
      HttpServletRequest request,
      java.util.function.Function<Map<String, Object>, Q> read)
      throws IOException {
    byte[] raw = request.getInputStream().readNBytes(256 * 1024 + 1);
    try {
      Map<String, Object> body = json.readObject(new java.io.ByteArrayInputStream(raw));
      Q parsed = read.apply(body);
      if (modality != Modality.TEXT) storyId(body);
      return new Parsed<>(body, parsed, raw.length);
    } catch (dev.storyvault.platform.ApiProblem refused) {
      log.rejected(caller, modality, raw.length, refused);
      throw refused;
    }
  }

  private Map<String, Object> stored(
      Caller caller, Routed<?> routed, String filename, byte[] bytes, Map<String, Object> body) {
    try {
      AssetView asset =
          assets.storeGenerated(caller, filename, bytes, storyId(body), isPublic(body));
      Map<String, Object> out = meta(routed);
      out.put("asset", asset);
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @PostMapping("/ratings")
  ResponseEntity<Map<String, Object>> rate(Caller caller, HttpServletRequest request)
      throws IOException {
    caller.requireScope(Scope.WRITE);
    Map<String, Object> body = json.readObject(request.getInputStream());
    Modality modality = modality(body.get("modality"));
    Object provider = body.get("provider");
    if (!(provider instanceof String id)
        || routers.of(modality).providers().stream().noneMatch(p -> p.id().equals(id))) {
      throw AiRequests.invalid(
          "provider", "provider names a configured " + modality.wireName() + " provider.");
    }
    if (!(body.get("score") instanceof Integer score) || score < 1 || score > 5) {
      throw AiRequests.invalid("score", "score is a whole number from 1 to 5.");
    }
    Object target = body.get("target");
    quality.rate(
        caller.userId(),
        modality,
        id,
        score,
        target instanceof String t && t.length() <= 100 ? t : null);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("modality", modality.wireName(), "provider", id, "score", score));
  }

  @PostMapping("/optimize")
  Map<String, Object> optimize(Caller caller, HttpServletRequest request) {
    caller.requireAdmin();
    Map<String, Map<String, Map<String, Object>>> changes = quality.optimize();
    audit.record(
        caller.userId(),
        "ai.optimize",
        JSON.writeValueAsString(weights(changes)),
        addresses.of(request));
    return Map.of("weights", changes);
  }

  @GetMapping("/health")
  Map<String, Object> health(
      Caller caller, @RequestParam(name = "probe", defaultValue = "false") boolean probe) {
    if (probe) caller.requireAdmin();
    Map<String, Object> modalities = new LinkedHashMap<>();
    for (ModelRouter<?> router : routers.all()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("up", router.anyAvailable());
      if (caller.isAdmin()) {
        entry.put("strategy", router.rules().strategy().name().toLowerCase(java.util.Locale.ROOT));
        entry.put("providers", router.health());
        if (probe) entry.put("probes", Probes.run(router.providers()));
      }
      modalities.put(router.modality().wireName(), entry);
    }
    return Map.of("modalities", modalities);
  }

  private void streamed(Caller caller, Parsed<TextRequest> parsed, HttpServletResponse response)
      throws IOException {
    TextRequest text = parsed.request();
    response.setContentType("text/event-stream");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Accel-Buffering", "no");
    OutputStream out = response.getOutputStream();
    try {
      Routed<TextResult> routed =
          log.logged(
              caller,
              Modality.TEXT,
              parsed.size(),
              () ->
                  generation.text(
                      text, deadline, token -> send(out, "token", Map.of("text", token))),
              r -> r,
              r -> null);
      Map<String, Object> done = meta(routed);
      done.put(
          "tokens",
          Map.of(
              "prompt",
              routed.result().promptTokens(),
              "completion",
              routed.result().completionTokens()));
      send(out, "done", done);
    } catch (ProviderFailure | NoProviderLeft e) {
      var problem = AiProblems.of(e);
      send(
          out,
          "error",
          Map.of(
              "type",
              "urn:storyvault:problem:" + problem.slug(),
              "title",
              problem.title(),
              "status",
              problem.status().value(),
              "detail",
              problem.getMessage() == null ? "" : problem.getMessage()));
    }
  }

  private static void send(OutputStream out, String event, Object data) {
    try {
      out.write(
          ("event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> T call(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ProviderFailure | NoProviderLeft e) {
      throw AiProblems.of(e);
    }
  }

  private static Map<String, Object> meta(Routed<?> routed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("provider", routed.provider());
    out.put("fallbacks", routed.failedBefore());
    out.put("cost", routed.cost());
    out.put("latency_ms", routed.latencyMs());
    return out;
  }

  private static Modality modality(Object value) {
    try {
      return Modality.parse(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw AiRequests.invalid("modality", "modality is text, image or speech.");
    }
  }

  private static String storyId(Map<String, Object> body) {
    Object story = body.get("story_id");
    if (story == null) return null;
    if (!(story instanceof String s) || !s.matches("[A-Za-z0-9_-]{1,64}")) {
      throw AiRequests.invalid("story_id", "story_id is 1-64 letters, digits, '-' or '_'.");
    }
    return s;
  }

  private static boolean isPublic(Map<String, Object> body) {
    return Boolean.TRUE.equals(body.get("public"));
  }

  private static Map<String, Map<String, Object>> weights(
      Map<String, Map<String, Map<String, Object>>> changes) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    changes.forEach(
        (modality, providers) -> {
          Map<String, Object> perProvider = new LinkedHashMap<>();
          providers.forEach(
              (id, change) ->
                  perProvider.put(
                      id, change.get("old_weight") + " -> " + change.get("new_weight")));
          out.put(modality, perProvider);
        });
    return out;
  }
}
