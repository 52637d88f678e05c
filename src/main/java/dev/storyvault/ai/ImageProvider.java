package dev.storyvault.ai;

import java.time.Duration;

/** A prompt, size and style in; image bytes out. */
public interface ImageProvider extends AiProvider {

  ImageResult generate(ImageRequest request, Duration timeout);
}
