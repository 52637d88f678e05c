package dev.storyvault.story;

/**
 * Computed from the pages: word count, reading time (minutes, at 200 words a minute), images,
 * narration.
 */
public record StoryMetadata(
    int wordCount, int readingTime, int imageCount, int pageCount, double audioDuration) {

  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) words++;
      inWord = letter;
    }
    return words;
  }

  static int readingMinutes(int words) {
    return words == 0 ? 0 : (words + 199) / 200;
  }
}
