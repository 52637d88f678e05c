package dev.storyvault.ai.offline;

import dev.storyvault.ai.ProviderSettings;
import dev.storyvault.ai.StoryBrief;
import dev.storyvault.ai.TextProvider;
import dev.storyvault.ai.TextRequest;
import dev.storyvault.ai.TextResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Text without a network: stories from templates. A brief gives a titled story of the requested
 * number of pages (one paragraph each, sentences sized for the age group) in which every named
 * character takes part; a continuation writes the next page from the bible, the recent pages and
 * the reader's wish. The same request and seed always give the same text.
 */
public final class OfflineWriter implements TextProvider {

  private final ProviderSettings settings;

  public OfflineWriter(ProviderSettings settings) {
    this.settings = settings;
  }

  @Override
  public ProviderSettings settings() {
    return settings;
  }

  @Override
  public TextResult complete(TextRequest request, Duration timeout) {
    String text = write(request);
    return new TextResult(
        text, Math.max(1, request.characters() / 4), Math.max(1, text.length() / 4));
  }

  @Override
  public TextResult stream(TextRequest request, Duration timeout, Consumer<String> onToken) {
    TextResult result = complete(request, timeout);
    for (String word : result.text().split("(?<= )")) onToken.accept(word);
    return result;
  }

  String write(TextRequest request) {
    StoryBrief brief = request.story();
    Random random =
        new Random(
            request.seed() * 31
                + request.messages().hashCode()
                + (brief == null ? 0 : brief.hashCode()));
    if (brief == null) return answer(request, random);
    return brief.isContinuation() ? StoryTemplates.nextPage(brief, random) : story(brief, random);
  }

  private static String story(StoryBrief brief, Random random) {
    List<String> cast =
        brief.characters() == null || brief.characters().isEmpty()
            ? List.of("Pip")
            : brief.characters().stream().map(StoryTemplates::displayName).toList();
    int pages = Math.max(1, Math.min(brief.pages(), 100));
    StoryTemplates.Voice voice = StoryTemplates.Voice.forAge(brief.ageGroup());
    String place = StoryTemplates.place(brief.universes(), random);
    List<String> paragraphs = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      paragraphs.add(
          StoryTemplates.page(
              page, pages, cast, place, brief.theme(), brief.moralLesson(), voice, random));
    }
    String title =
        brief.title() != null && !brief.title().isBlank()
            ? brief.title()
            : StoryTemplates.title(cast, brief.theme());
    return title + "\n\n" + String.join("\n\n", paragraphs);
  }

  private static String answer(TextRequest request, Random random) {
    String last = request.messages().isEmpty() ? "" : request.messages().getLast().content();
    String topic = last.length() > 120 ? last.substring(0, 120) : last;
    return "Here is a little tale about "
        + topic.toLowerCase(Locale.ROOT).replaceAll("[\\r\\n]+", " ").strip()
        + ". "
        + StoryTemplates.sentence(
            List.of("Pip"), "the meadow", StoryTemplates.Voice.forAge(null), random);
  }
}
