package dev.storyvault.export;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out one story page: illustration on top, wrapped text below, continuing on further sheets if
 * long.
 */
final class PdfPageLayout {

  private static final float TEXT_SIZE = 15;
  private static final float LEADING = 20;
  private static final float IMAGE_HEIGHT = 320;

  private final PDDocument doc;
  private final PdfText text;
  private final int pageNumber;

  PdfPageLayout(PDDocument doc, PdfText text, int pageNumber) {
    this.doc = doc;
    this.text = text;
    this.pageNumber = pageNumber;
  }

  void layout(Optional<PDImageXObject> image, String body) throws IOException {
    float width = PdfBook.SIZE - 2 * PdfBook.MARGIN;
    List<String> lines = text.wrap(body, TEXT_SIZE, width);
    float top = PdfBook.SIZE - PdfBook.MARGIN;
    int next = 0;
    boolean first = true;
    while (first || next < lines.size()) {
      PDPage sheet = new PDPage(new PDRectangle(PdfBook.SIZE, PdfBook.SIZE));
      doc.addPage(sheet);
      try (PDPageContentStream stream = new PDPageContentStream(doc, sheet)) {
        float y = top;
        if (first && image.isPresent()) y = drawImage(stream, image.get(), width, top) - 24;
        for (; next < lines.size() && y - LEADING > PdfBook.MARGIN + 24; next++) {
          y -= LEADING;
          text.show(stream, lines.get(next), TEXT_SIZE, PdfBook.MARGIN, y);
        }
        text.centred(stream, String.valueOf(pageNumber), 11, PdfBook.MARGIN - 16);
      }
      first = false;
    }
  }

  /**
   * Draws the image scaled to fit the box under the top margin, centred; returns the y below it.
   */
  private static float drawImage(
      PDPageContentStream stream, PDImageXObject image, float maxWidth, float top)
      throws IOException {
    float scale = Math.min(maxWidth / image.getWidth(), IMAGE_HEIGHT / image.getHeight());
    float w = image.getWidth() * scale;
    float h = image.getHeight() * scale;
    stream.drawImage(image, (PdfBook.SIZE - w) / 2, top - h, w, h);
    return top - h;
  }
}
