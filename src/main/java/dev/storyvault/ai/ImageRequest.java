package dev.storyvault.ai;

import java.util.List;

/** What to draw: the prompt, the characters to show, the setting, a size, a style and a seed. */
public record ImageRequest(
    String prompt,
    List<String> characters,
    String setting,
    int width,
    int height,
    String style,
    long seed) {}
