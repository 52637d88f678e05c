package dev.storyvault.ai;

import java.time.Duration;

/** Text and a voice in; audio out. */
public interface SpeechProvider extends AiProvider {

  SpeechResult speak(SpeechRequest request, Duration timeout);
}
