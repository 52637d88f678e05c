package dev.storyvault.export;

import static dev.storyvault.export.Markup.escape;

import dev.storyvault.story.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The offline bundle's story.json and its static, script-free index.html reader. */
final class OfflineReader {

  private OfflineReader() {}

  /**
   * The story document with each page's {@code image_path}/{@code audio_path} inside the bundle.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> story(Materials m, Map<String, String> paths) {
    Map<String, Object> doc = new LinkedHashMap<>(m.document());
    List<Map<String, Object>> pages = new ArrayList<>();
    Object content = doc.get("content");
    List<Map<String, Object>> stored =
        content instanceof Map<?, ?> c && c.get("pages") instanceof List<?> l
            ? (List<Map<String, Object>>) l
            : List.of();
    for (Map<String, Object> page : stored) {
      Map<String, Object> p = new LinkedHashMap<>(page);
      p.put("image_path", paths.get(String.valueOf(page.get("image_asset_id"))));
      p.put("audio_path", paths.get(String.valueOf(page.get("audio_asset_id"))));
      pages.add(p);
    }
    doc.put("content", Map.of("pages", pages));
    return doc;
  }

  static String html(Materials m, Map<String, String> paths) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(escape(m.title())).append("</h1>\n");
    for (Page page : m.story().content().pages()) {
      body.append("<section id=\"page-").append(page.pageNumber()).append("\">\n");
      String image = page.imageAssetId() == null ? null : paths.get(page.imageAssetId());
      if (image != null)
        body.append("<img src=\"")
            .append(image)
            .append("\" alt=\"Page ")
            .append(page.pageNumber())
            .append("\">\n");
      body.append(Markup.paragraphs(page.text()));
      String audio = page.audioAssetId() == null ? null : paths.get(page.audioAssetId());
      if (audio != null)
        body.append("<audio controls src=\"").append(audio).append("\"></audio>\n");
      body.append("<p class=\"n\">").append(page.pageNumber()).append("</p>\n</section>\n");
    }
    return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'">
                <title>%s</title>
                <style>body{font-family:serif;max-width:40em;margin:auto;padding:1em;line-height:1.5}img{max-width:100%%}section{margin:2em 0}.n{text-align:center;color:#888}</style>
                </head>
                <body>
                %s</body>
                </html>
                """
        .formatted(escape(m.title()), body);
  }
}
