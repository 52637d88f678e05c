package dev.storyvault.ai;

import dev.storyvault.ai.offline.EspeakNarrator;
import dev.storyvault.ai.offline.OfflineIllustrator;
import dev.storyvault.ai.offline.OfflineWriter;
import dev.storyvault.ai.openai.OpenAiCompatible;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class AiConfiguration {

  @Bean
  AiRouters aiRouters(
      AiProperties properties,
      Clock clock,
      MeterRegistry meters,
      @Value("${storyvault.data-dir}") String dataDir) {
    List<TextProvider> text = new ArrayList<>();
    List<ImageProvider> image = new ArrayList<>();
    List<SpeechProvider> speech = new ArrayList<>();
    if (properties.offline().enabled()) {
      int priority = properties.offline().priority();
      text.add(new OfflineWriter(ProviderSettings.of("offline-text", priority)));
      image.add(new OfflineIllustrator(ProviderSettings.of("offline-illustrator", priority)));
      speech.add(
          new EspeakNarrator(
              ProviderSettings.of("offline-narrator", priority), Path.of(dataDir, "tmp")));
    }
    HttpClient client = OpenAiCompatible.defaultClient();
    for (AiProperties.Provider p : properties.providers()) {
      OpenAiCompatible provider = openAi(p, properties.limits(), client);
      if (provider.modalities().contains(Modality.TEXT)) text.add(provider);
      if (provider.modalities().contains(Modality.IMAGE)) image.add(provider);
      if (provider.modalities().contains(Modality.SPEECH)) speech.add(provider);
    }
    return new AiRouters(
        router(Modality.TEXT, text, properties, clock, meters),
        router(Modality.IMAGE, image, properties, clock, meters),
        router(Modality.SPEECH, speech, properties, clock, meters));
  }

  private static <P extends AiProvider> ModelRouter<P> router(
      Modality modality,
      List<P> providers,
      AiProperties properties,
      Clock clock,
      MeterRegistry meters) {
    RouterSettings rules =
        RouterSettings.defaults(properties.strategyFor(modality))
            .withDeadline(properties.deadline());
    return new ModelRouter<>(modality, providers, rules, clock, meters);
  }

  static OpenAiCompatible openAi(
      AiProperties.Provider p, AiProperties.Limits limits, HttpClient client) {
    if (p.id() == null || p.baseUrl() == null || p.model() == null) {
      throw new IllegalStateException(
          "storyvault.ai.providers: each provider needs id, base-url and model");
    }
    Set<Modality> modalities =
        p.modalities().stream().map(Modality::parse).collect(Collectors.toSet());
    ProviderSettings settings =
        new ProviderSettings(
            p.id(),
            p.priority(),
            p.weight(),
            p.pricePer1kTokens(),
            p.pricePerImage(),
            p.pricePer1kCharacters(),
            p.timeout(),
            p.maxConcurrent());
    return new OpenAiCompatible(
        settings,
        p.baseUrl(),
        p.model(),
        p.key(),
        modalities,
        new OpenAiCompatible.Limits(
            limits.maxTextAnswer().toBytes(),
            limits.maxImageAnswer().toBytes(),
            limits.maxSpeechAnswer().toBytes()),
        client);
  }
}
