package dev.storyvault.ai.openai;

import dev.storyvault.ai.StoryBrief;
import dev.storyvault.ai.TextRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat messages a model receives: a story brief becomes a system instruction before the
 * caller's messages.
 */
final class PromptWriter {

  private PromptWriter() {}

  static List<TextRequest.Message> messages(TextRequest request) {
    List<TextRequest.Message> messages = new ArrayList<>();
    StoryBrief story = request.story();
    if (story != null) messages.add(new TextRequest.Message("system", instruction(story)));
    messages.addAll(request.messages());
    return messages;
  }

  private static String instruction(StoryBrief s) {
    StringBuilder text = new StringBuilder("You write children's stories. ");
    if (s.isContinuation()) {
      text.append(
          "Write the next page of the story. Keep every character as the story bible describes them.\n");
      if (s.bible() != null) text.append("Story bible: ").append(s.bible()).append('\n');
      text.append("Recent pages:\n");
      s.recentPages().forEach(p -> text.append(p).append('\n'));
      if (s.continuation() != null)
        text.append("What happens next: ").append(s.continuation()).append('\n');
      return text.toString();
    }
    text.append("Write a titled story of ")
        .append(Math.max(1, s.pages()))
        .append(" pages for ages ")
        .append(s.ageGroup() == null ? "6-8" : s.ageGroup())
        .append(". Every one of these characters takes part: ")
        .append(String.join(", ", s.characters()))
        .append('.');
    if (s.universes() != null && !s.universes().isEmpty())
      text.append(" Universes: ").append(String.join(", ", s.universes())).append('.');
    if (s.theme() != null) text.append(" Theme: ").append(s.theme()).append('.');
    if (s.moralLesson() != null) text.append(" Moral lesson: ").append(s.moralLesson()).append('.');
    text.append(" Answer with the title on the first line, then one paragraph per page.");
    return text.toString();
  }
}
