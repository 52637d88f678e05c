package dev.storyvault.ai;

import java.util.List;

/** The three routers, one per modality. */
public record AiRouters(
    ModelRouter<TextProvider> text,
    ModelRouter<ImageProvider> image,
    ModelRouter<SpeechProvider> speech) {

  public List<ModelRouter<?>> all() {
    return List.of(text, image, speech);
  }

  public ModelRouter<?> of(Modality modality) {
    return switch (modality) {
      case TEXT -> text;
      case IMAGE -> image;
      case SPEECH -> speech;
    };
  }
}
