package dev.storyvault.export;

import dev.storyvault.asset.AssetDirectory;
import dev.storyvault.asset.AssetFile;
import dev.storyvault.story.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

/**
 * A picture book: a title page, then per story page its illustration above its text, wrapped, with
 * the page number at the foot. Square 8.5 in pages; the Unicode font (Liberation Sans, shipped with
 * PDFBox) is embedded as a subset; images are the stored print JPEGs, embedded without re-encoding.
 */
@Component
class PdfBook implements ExportWriter {

  static final float SIZE = 612;
  static final float MARGIN = 48;

  private final AssetDirectory assets;

  PdfBook(AssetDirectory assets) {
    this.assets = assets;
  }

  @Override
  public ExportFormat format() {
    return ExportFormat.PDF;
  }

  @Override
  public void write(Materials materials, OutputStream out)
      throws IOException, InterruptedException {
    try (PDDocument doc = new PDDocument()) {
      doc.getDocumentInformation().setTitle(materials.title());
      doc.getDocumentInformation().setCreator("StoryVault");
      PdfText text = new PdfText(font(doc));
      titlePage(doc, text, materials);
      for (Page page : materials.story().content().pages()) {
        Optional<PDImageXObject> image = illustration(doc, materials.image(page));
        new PdfPageLayout(doc, text, page.pageNumber()).layout(image, page.text());
      }
      doc.save(out);
    }
  }

  private static PDType0Font font(PDDocument doc) throws IOException {
    try (InputStream ttf =
        PDDocument.class.getResourceAsStream(
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
      return PDType0Font.load(doc, ttf);
    }
  }

  private static void titlePage(PDDocument doc, PdfText text, Materials materials)
      throws IOException {
    PDPage page = new PDPage(new PDRectangle(SIZE, SIZE));
    doc.addPage(page);
    try (var stream = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
      float y = SIZE * 0.62f;
      for (String line : text.wrap(materials.title(), 30, SIZE - 2 * MARGIN)) {
        text.centred(stream, line, 30, y);
        y -= 38;
      }
      String about =
          String.join(
              " · ",
              Stream.of(
                      materials.story().content().category(),
                      materials.story().content().ageGroup())
                  .filter(s -> s != null && !s.isBlank())
                  .toList());
      if (!about.isEmpty()) text.centred(stream, about, 14, y - 20);
    }
  }

  private Optional<PDImageXObject> illustration(PDDocument doc, Optional<AssetFile> file)
      throws IOException, InterruptedException {
    if (file.isEmpty()) return Optional.empty();
    Optional<byte[]> jpeg = assets.jpegFor(file.get(), true);
    return jpeg.isEmpty()
        ? Optional.empty()
        : Optional.of(JPEGFactory.createFromByteArray(doc, jpeg.get()));
  }
}
