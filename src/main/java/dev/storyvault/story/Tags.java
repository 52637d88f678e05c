package dev.storyvault.story;

import java.text.Normalizer;
import java.util.Locale;

/** Tags and categories compare as lowercase words joined by hyphens: "Space Pirates " is "space-pirates". */
final class Tags {

    private Tags() {}

    static String normalize(String raw, String field) {
        String tag = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_]+", "-").replaceAll("[^\\p{L}\\p{N}-]", "").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        if (tag.isEmpty()) throw StoryValidator.invalid(field, "'" + raw + "' is not a usable tag: use letters and digits.");
        if (tag.length() > 50) throw StoryValidator.invalid(field, "A tag has at most 50 characters.");
        return tag;
    }
}
