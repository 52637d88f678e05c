package dev.storyvault.export;

import static dev.storyvault.export.Markup.escape;

import dev.storyvault.story.Page;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The XML documents of an EPUB 3 book. Every piece of story text goes through {@link Markup}. */
final class EpubDocuments {

  static final String CONTAINER =
      """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles>
                <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
              </rootfiles>
            </container>
            """;

  static final String STYLE =
      """
            body { font-family: serif; margin: 1em; line-height: 1.5; }
            h1 { text-align: center; margin-top: 30%; }
            .about { text-align: center; }
            img { display: block; max-width: 100%; max-height: 60vh; margin: 0 auto 1em; }
            audio { display: block; margin: 1em auto; }
            """;

  private EpubDocuments() {}

  /** A BCP 47-looking tag from the story's parameters, else English. */
  static String language(Object requested) {
    return requested instanceof String tag && tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
        ? tag
        : "en";
  }

  static String item(String id, String href, String mediaType) {
    return "<item id=\"" + id + "\" href=\"" + href + "\" media-type=\"" + mediaType + "\"/>";
  }

  static String titlePage(Materials m, String lang) {
    var c = m.story().content();
    String about =
        String.join(
            " · ",
            Stream.of(c.category(), c.ageGroup()).filter(s -> s != null && !s.isBlank()).toList());
    return xhtml(
        m.title(),
        lang,
        "<h1>"
            + escape(m.title())
            + "</h1>\n"
            + (about.isEmpty() ? "" : "<p class=\"about\">" + escape(about) + "</p>\n"));
  }

  static String page(Materials m, Page page, String image, String audio, String lang) {
    StringBuilder body = new StringBuilder("<section>\n");
    if (image != null) {
      body.append("<img src=\"")
          .append(image)
          .append("\" alt=\"Illustration for page ")
          .append(page.pageNumber())
          .append("\"/>\n");
    }
    body.append(Markup.paragraphs(page.text()));
    if (audio != null) {
      body.append("<audio controls=\"controls\" src=\"")
          .append(audio)
          .append("\">")
          .append("<p>Narration for page ")
          .append(page.pageNumber())
          .append("</p></audio>\n");
    }
    return xhtml(
        m.title() + " - page " + page.pageNumber(), lang, body.append("</section>\n").toString());
  }

  static String nav(Materials m, String lang) {
    StringBuilder list =
        new StringBuilder("<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n<ol>\n");
    list.append("<li><a href=\"title.xhtml\">").append(escape(m.title())).append("</a></li>\n");
    for (Page page : m.story().content().pages()) {
      list.append("<li><a href=\"page-")
          .append(page.pageNumber())
          .append(".xhtml\">Page ")
          .append(page.pageNumber())
          .append("</a></li>\n");
    }
    return xhtml("Contents", lang, list.append("</ol>\n</nav>\n").toString());
  }

  static String packageDocument(Materials m, String lang, List<String> media, Instant modified) {
    StringBuilder manifest = new StringBuilder();
    manifest
        .append(
            item("nav", "nav.xhtml", "application/xhtml+xml")
                .replace("/>", " properties=\"nav\"/>"))
        .append('\n');
    manifest.append(item("style", "style.css", "text/css")).append('\n');
    manifest.append(item("title", "title.xhtml", "application/xhtml+xml")).append('\n');
    StringBuilder spine = new StringBuilder("<itemref idref=\"title\"/>\n");
    for (Page page : m.story().content().pages()) {
      manifest
          .append(
              item(
                  "page-" + page.pageNumber(),
                  "page-" + page.pageNumber() + ".xhtml",
                  "application/xhtml+xml"))
          .append('\n');
      spine.append("<itemref idref=\"page-").append(page.pageNumber()).append("\"/>\n");
    }
    media.forEach(i -> manifest.append(i).append('\n'));
    return """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="%s">
                <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="book-id">urn:storyvault:%s:v%d</dc:identifier>
                <dc:title>%s</dc:title>
                <dc:language>%s</dc:language>
                <meta property="dcterms:modified">%s</meta>
                </metadata>
                <manifest>
                %s</manifest>
                <spine>
                %s</spine>
                </package>
                """
        .formatted(
            lang,
            m.story().id(),
            m.story().version(),
            escape(m.title()),
            lang,
            modified,
            manifest,
            spine);
  }

  private static String xhtml(String title, String lang, String body) {
    return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="%s" lang="%s">
                <head>
                <meta charset="utf-8"/>
                <title>%s</title>
                <link rel="stylesheet" type="text/css" href="style.css"/>
                </head>
                <body>
                %s</body>
                </html>
                """
        .formatted(lang, lang, escape(title), body);
  }
}
