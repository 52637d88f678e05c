package dev.storyvault.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Text in one embedded font: characters it lacks become '?', lines wrap at word boundaries. */
final class PdfText {

  private final PDType0Font font;
  private final Map<Integer, Boolean> encodable = new HashMap<>();

  PdfText(PDType0Font font) {
    this.font = font;
  }

  /**
   * why: showText throws on a character the font has no glyph for (emoji, scripts it does not
   * cover).
   */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isWhitespace(c) || Character.isISOControl(c)) out.append(' ');
              else if (encodable.computeIfAbsent(c, this::canEncode)) out.appendCodePoint(c);
              else out.append('?');
            });
    return out.toString();
  }

  private boolean canEncode(int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  float width(String text, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  List<String> wrap(String text, float size, float maxWidth) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : (text == null ? "" : text).split("\\R")) {
      StringBuilder line = new StringBuilder();
      for (String word : printable(paragraph).split(" +")) {
        if (word.isEmpty()) continue;
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, size) <= maxWidth || line.isEmpty()) {
          line.setLength(0);
          line.append(candidate);
        } else {
          lines.add(line.toString());
          line.setLength(0);
          line.append(word);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  void show(PDPageContentStream stream, String line, float size, float x, float y)
      throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, y);
    stream.showText(line);
    stream.endText();
  }

  void centred(PDPageContentStream stream, String line, float size, float y) throws IOException {
    String printable = printable(line);
    show(stream, printable, size, (PdfBook.SIZE - width(printable, size)) / 2, y);
  }
}
