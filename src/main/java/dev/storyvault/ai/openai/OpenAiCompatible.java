package dev.storyvault.ai.openai;

import dev.storyvault.ai.ImageProvider;
import dev.storyvault.ai.ImageRequest;
import dev.storyvault.ai.ImageResult;
import dev.storyvault.ai.Modality;
import dev.storyvault.ai.ProviderFailure;
import dev.storyvault.ai.ProviderFailure.Reason;
import dev.storyvault.ai.ProviderSettings;
import dev.storyvault.ai.SpeechProvider;
import dev.storyvault.ai.SpeechRequest;
import dev.storyvault.ai.SpeechResult;
import dev.storyvault.ai.TextProvider;
import dev.storyvault.ai.TextRequest;
import dev.storyvault.ai.TextResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider that speaks the OpenAI API (OpenAI, Ollama, vLLM, LocalAI, …): chat completions (plain
 * and streamed as server-sent events), image generations ({@code b64_json}), speech, and {@code GET
 * /v1/models} as the probe. Its URL and key come from the operator's configuration only.
 */
public final class OpenAiCompatible implements TextProvider, ImageProvider, SpeechProvider {

  /** Largest answers accepted, per kind. */
  public record Limits(long textBytes, long imageBytes, long speechBytes) {
    public static Limits defaults() {
      return new Limits(2L << 20, 32L << 20, 64L << 20);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ProviderSettings settings;
  private final String baseUrl;
  private final String model;
  private final Set<Modality> modalities;
  private final Limits limits;
  private final HttpCall http;
  private final boolean keyed;

  public OpenAiCompatible(
      ProviderSettings settings,
      String baseUrl,
      String model,
      String apiKey,
      Set<Modality> modalities,
      Limits limits,
      HttpClient client) {
    this.settings = settings;
    this.baseUrl = baseUrl;
    this.model = model;
    this.modalities = Set.copyOf(modalities);
    this.limits = limits;
    this.http = new HttpCall(client, apiKey);
    this.keyed = apiKey != null && !apiKey.isBlank();
  }

  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public Set<Modality> modalities() {
    return modalities;
  }

  public boolean hasKey() {
    return keyed;
  }

  @Override
  public ProviderSettings settings() {
    return settings;
  }

  @Override
  public TextResult complete(TextRequest request, Duration timeout) {
    String op = "chat completion";
    try (HttpCall.Body body =
        http.send(
            op, post("/v1/chat/completions", chat(request, false)), timeout, limits.textBytes())) {
      JsonNode answer = parse(op, body);
      String text = answer.path("choices").path(0).path("message").path("content").asString(null);
      if (text == null) throw malformed(op, "no choices[0].message.content");
      return new TextResult(
          text,
          answer.path("usage").path("prompt_tokens").asInt(estimate(request.characters())),
          answer.path("usage").path("completion_tokens").asInt(estimate(text.length())));
    }
  }

  @Override
  public TextResult stream(TextRequest request, Duration timeout, Consumer<String> onToken) {
    String op = "streamed chat completion";
    StringBuilder text = new StringBuilder();
    try (HttpCall.Body body =
        http.send(
            op, post("/v1/chat/completions", chat(request, true)), timeout, limits.textBytes())) {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(body.stream(), StandardCharsets.UTF_8));
      for (String line; (line = readLine(op, body, lines)) != null; ) {
        if (!line.startsWith("data:")) continue;
        String data = line.substring(5).trim();
        if (data.equals("[DONE]")) {
          return new TextResult(
              text.toString(), estimate(request.characters()), estimate(text.length()));
        }
        String token =
            parseText(op, data).path("choices").path(0).path("delta").path("content").asString("");
        text.append(token);
        if (!token.isEmpty()) onToken.accept(token);
      }
      throw malformed(op, "the stream ended without [DONE]");
    }
  }

  @Override
  public ImageResult generate(ImageRequest request, Duration timeout) {
    String op = "image generation";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", model);
    payload.put("prompt", request.prompt());
    payload.put("n", 1);
    payload.put("size", request.width() + "x" + request.height());
    payload.put("response_format", "b64_json");
    if (request.style() != null) payload.put("style", request.style());
    try (HttpCall.Body body =
        http.send(op, post("/v1/images/generations", payload), timeout, limits.imageBytes())) {
      String b64 = parse(op, body).path("data").path(0).path("b64_json").asString(null);
      if (b64 == null) throw malformed(op, "no data[0].b64_json");
      try {
        return new ImageResult(Base64.getDecoder().decode(b64), "image/png");
      } catch (IllegalArgumentException e) {
        throw malformed(op, "b64_json is not base64");
      }
    }
  }

  @Override
  public SpeechResult speak(SpeechRequest request, Duration timeout) {
    String op = "speech";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", model);
    payload.put("input", request.text());
    payload.put(
        "voice", request.voice() == null || request.voice().isBlank() ? "alloy" : request.voice());
    payload.put("response_format", "mp3");
    try (HttpCall.Body body =
        http.send(op, post("/v1/audio/speech", payload), timeout, limits.speechBytes())) {
      byte[] audio = readAll(op, body);
      if (audio.length == 0) throw malformed(op, "empty audio");
      return new SpeechResult(audio, "audio/mpeg", "mp3", -1);
    }
  }

  @Override
  public void probe(Duration timeout) {
    String op = "models probe";
    try (HttpCall.Body body =
        http.send(
            op,
            HttpRequest.newBuilder(HttpCall.uri(baseUrl, "/v1/models")).GET(),
            timeout,
            limits.textBytes())) {
      if (!parse(op, body).path("data").isArray()) throw malformed(op, "no data list");
    }
  }

  private Map<String, Object> chat(TextRequest request, boolean stream) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", model);
    payload.put(
        "messages",
        PromptWriter.messages(request).stream()
            .map(m -> Map.of("role", m.role(), "content", m.content()))
            .toList());
    payload.put("max_tokens", request.maxTokens());
    payload.put("seed", request.seed());
    if (stream) payload.put("stream", true);
    return payload;
  }

  private HttpRequest.Builder post(String path, Object payload) {
    return HttpRequest.newBuilder(HttpCall.uri(baseUrl, path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload)));
  }

  private static JsonNode parse(String op, HttpCall.Body body) {
    return parseText(op, new String(readAll(op, body), StandardCharsets.UTF_8));
  }

  private static JsonNode parseText(String op, String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      throw malformed(op, "not JSON");
    }
  }

  private static byte[] readAll(String op, HttpCall.Body body) {
    try {
      return body.stream().readAllBytes();
    } catch (IOException e) {
      throw HttpCall.readFailure(op, body, e);
    }
  }

  private static String readLine(String op, HttpCall.Body body, BufferedReader lines) {
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw HttpCall.readFailure(op, body, e);
    }
  }

  private static ProviderFailure malformed(String op, String what) {
    return new ProviderFailure(Reason.MALFORMED, op + ": malformed answer (" + what + ")");
  }

  /** About four characters a token, where the provider does not say. */
  static int estimate(int characters) {
    return Math.max(1, characters / 4);
  }
}
