package dev.storyvault.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import com.sun.net.httpserver.HttpServer;
import dev.storyvault.image.TestImages;
import dev.storyvault.support.Api;
import dev.storyvault.support.ApiTestBase;
import dev.storyvault.support.Media;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PDF, EPUB and offline exports, checked by a PDF parser, W3C epubcheck and the bundle's own
 * manifest.
 */
abstract class ExportContract extends ApiTestBase {

  static final byte[] PHOTO = TestImages.aPhoto(1200, 800, 21);
  static final byte[] TRANSPARENT = TestImages.aHalfTransparentPng(400, 300);
  static final byte[] NARRATION = TestImages.resource("../audio/narration.mp3");

  @Autowired JdbcClient jdbc;

  String photo;
  String picture;
  String narration;

  @BeforeEach
  void assets() {
    photo = id(alice.upload("/api/assets", "photo.jpg", PHOTO, Map.of()));
    picture = id(alice.upload("/api/assets", "fox.png", TRANSPARENT, Map.of()));
    narration = id(alice.upload("/api/assets", "page1.mp3", NARRATION, Map.of()));
  }

  String aStory(String title, boolean isPublic, String... texts) {
    List<Map<String, Object>> pages = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("page_number", i + 1);
      page.put("text", texts[i]);
      page.put("image_asset_id", i % 2 == 0 ? photo : picture);
      if (i == 0) page.put("audio_asset_id", narration);
      pages.add(page);
    }
    Api.Response created =
        alice.postJson(
            "/api/stories",
            Map.of(
                "title",
                title,
                "category",
                "bedtime",
                "parameters",
                Map.of("age_group", "4-6", "language", "en"),
                "content",
                Map.of("pages", pages),
                "sharing",
                Map.of("public", isPublic)));
    return id(created);
  }

  @Test
  void thePdfIsAPictureBookWithEveryPagesTextAndIllustration() throws IOException {
    String story =
        aStory(
            "Zoë and the Moon",
            false,
            "Once upon a time, Zoë looked up at the moon. ".repeat(3),
            "The moon smiled back 🌙 and said goodnight.",
            "The end.");
    Api.Response pdf = alice.get("/api/stories/" + story + "/export/pdf");
    assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(4);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "Zoë and the Moon",
              "Once upon a time, Zoë looked up at the moon.",
              "The moon smiled back",
              "and said goodnight.",
              "The end.");
      int images = 0;
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
            images++;
            assertThat(image.getImage().getWidth()).isGreaterThan(300);
          }
        }
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      assertThat(images).isEqualTo(3);
      PDFTextStripper lastPage = new PDFTextStripper();
      lastPage.setStartPage(4);
      lastPage.setEndPage(4);
      assertThat(lastPage.getText(doc)).contains("The end.").contains("3");
    }
  }

  @Test
  void theEpubPassesEpubcheckWithNoErrorsAndNoWarnings() throws IOException {
    String story =
        aStory(
            "The Fox & the \"Grapes\"",
            false,
            "A fox saw some grapes.",
            "They were sour, said the fox.");
    Api.Response epub = alice.get("/api/stories/" + story + "/export/epub");
    assertThat(epub.status()).as(epub.text()).isEqualTo(200);
    assertThat(epub.contentType()).isEqualTo("application/epub+zip");
    assertThat(new String(epub.body(), 30, 28, StandardCharsets.US_ASCII))
        .isEqualTo("mimetypeapplication/epub+zip");
    assertEpubcheckPasses(epub.body());
    Map<String, byte[]> files = unzip(epub.body());
    assertThat(files)
        .containsKeys(
            "EPUB/images/page-1.jpg",
            "EPUB/images/page-2.jpg",
            "EPUB/audio/page-1.mp3",
            "EPUB/nav.xhtml");
    assertThat(files.get("EPUB/audio/page-1.mp3")).isEqualTo(NARRATION);
    assertThat(new String(files.get("EPUB/page-2.xhtml"), StandardCharsets.UTF_8))
        .contains("They were sour, said the fox.");
  }

  @Test
  void storyTextIsEscapedAndNeverMakesTheRendererFetchAnything() throws IOException {
    AtomicInteger fetched = new AtomicInteger();
    HttpServer spy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    spy.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    spy.start();
    try {
      String url = "http://127.0.0.1:" + spy.getAddress().getPort() + "/spy.png";
      String hostile =
          "<img src=\"" + url + "\"/><script>alert(1)</script> & <link href='" + url + "'> \u0001";
      String story = aStory("<b>" + hostile + "</b>", false, hostile, "plain");
      Api.Response epub = alice.get("/api/stories/" + story + "/export/epub");
      assertThat(alice.get("/api/stories/" + story + "/export/pdf").status()).isEqualTo(200);
      Api.Response bundle = alice.send("POST", "/api/stories/" + story + "/offline", new byte[0]);
      assertEpubcheckPasses(epub.body());
      String page = new String(unzip(epub.body()).get("EPUB/page-1.xhtml"), StandardCharsets.UTF_8);
      assertThat(page)
          .contains("&lt;img src=&quot;http")
          .doesNotContain("<script")
          .doesNotContain("<img src=\"http");
      String html = new String(unzip(bundle.body()).get("index.html"), StandardCharsets.UTF_8);
      assertThat(html).contains("&lt;script&gt;").doesNotContain("<script");
      assertThat(fetched.get()).isZero();
    } finally {
      spy.stop(0);
    }
  }

  @Test
  void theOfflineBundleHoldsEverythingWithVerifiableHashes() throws IOException {
    String story = aStory("Offline", false, "Page one.", "Page two.");
    Api.Response bundle = alice.send("POST", "/api/stories/" + story + "/offline", new byte[0]);
    assertThat(bundle.status()).as(bundle.text()).isEqualTo(200);
    assertThat(bundle.contentType()).isEqualTo("application/zip");
    Map<String, byte[]> files = unzip(bundle.body());
    JsonNode manifest = JsonMapper.builder().build().readTree(files.get("manifest.json"));
    assertThat(manifest.get("files").size()).isEqualTo(files.size() - 1);
    for (JsonNode file : manifest.get("files")) {
      byte[] bytes = files.get(file.get("path").asString());
      assertThat(bytes).as(file.get("path").asString()).isNotNull();
      assertThat(Media.sha256(bytes)).isEqualTo(file.get("sha256").asString());
      assertThat((long) bytes.length).isEqualTo(file.get("size_bytes").asLong());
    }
    JsonNode doc = JsonMapper.builder().build().readTree(files.get("story.json"));
    JsonNode first = doc.get("content").get("pages").get(0);
    assertThat(files.get(first.get("image_path").asString())).isEqualTo(PHOTO);
    assertThat(files.get(first.get("audio_path").asString())).isEqualTo(NARRATION);
    assertThat(new String(files.get("index.html"), StandardCharsets.UTF_8))
        .contains("src=\"" + first.get("image_path").asString());
  }

  @Test
  void exportsAreBuiltOncePerVersionAndRebuiltAfterAChange() {
    String story = aStory("Cached", false, "First text.");
    String path = "/api/stories/" + story + "/export/pdf";
    Api.Response first = alice.get(path);
    assertThat(alice.get(path).header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(alice.get(path, "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
    assertThat(
            alice.patchJson("/api/stories/" + story, Map.of("title", "Cached, revised")).status())
        .isEqualTo(200);
    Api.Response second = alice.get(path);
    assertThat(second.header("ETag")).isNotEqualTo(first.header("ETag"));
    assertThat(exportsOf(story)).isEqualTo(1);
    assertThat(alice.delete("/api/stories/" + story).status()).isEqualTo(204);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> exportsOf(story) == 0);
  }

  @Test
  void exportsFollowTheStorysAccessRules() {
    String story = aStory("Private", false, "Secret.");
    for (String path : List.of("/export/pdf", "/export/epub")) {
      assertThat(bob.get("/api/stories/" + story + path).status()).isEqualTo(404);
      assertThat(anonymous.get("/api/stories/" + story + path).status()).isEqualTo(404);
      assertThat(alice.get("/api/stories/" + story + path).header("Cache-Control"))
          .isEqualTo("private, no-store");
    }
    assertThat(bob.send("POST", "/api/stories/" + story + "/offline", new byte[0]).status())
        .isEqualTo(404);
    String open = aStory("Public", true, "Everyone may read this.");
    Api.Response shared = anonymous.get("/api/stories/" + open + "/export/pdf");
    assertThat(shared.status()).isEqualTo(200);
    assertThat(shared.header("Cache-Control")).startsWith("public, max-age=60");
    assertThat(shared.header("Surrogate-Key")).contains("story-" + open, "asset-" + photo);
  }

  long exportsOf(String story) {
    return jdbc.sql("SELECT COUNT(*) FROM story_exports WHERE story_id = ?")
        .param(story)
        .query(Long.class)
        .single();
  }

  static void assertEpubcheckPasses(byte[] epub) throws IOException {
    Path file = Files.createTempFile("story-", ".epub");
    try {
      Files.write(file, epub);
      DefaultReportImpl report = new DefaultReportImpl(file.toString());
      new EpubCheck(file.toFile(), report).doValidate();
      assertThat(
              List.of(
                  report.getFatalErrorCount(), report.getErrorCount(), report.getWarningCount()))
          .as("epubcheck fatal errors, errors, warnings (details on stderr)")
          .containsExactly(0, 0, 0);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; )
        files.put(entry.getName(), in.readAllBytes());
    }
    return files;
  }

  static String id(Api.Response created) {
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  @Autowired dev.storyvault.coordination.ClusterSlots clusterSlots;

  @Test
  void anExportWaitsForAClusterSlotAndIsRefusedWithRetryAfterWhenNoneFrees() {
    String id =
        alice
            .postJson(
                "/api/stories",
                Map.of(
                    "title",
                    "Busy day",
                    "content",
                    Map.of("pages", List.of(Map.of("page_number", 1, "text", "Busy.")))))
            .json()
            .get("id")
            .asString();
    List<dev.storyvault.coordination.ClusterSlots.Slot> held = new ArrayList<>();
    // every export slot of the cluster is taken (as by builds on other instances)
    for (java.util.Optional<dev.storyvault.coordination.ClusterSlots.Slot> slot;
        (slot = clusterSlots.tryAcquire("exports", 8, java.time.Duration.ofMinutes(1)))
            .isPresent(); ) held.add(slot.get());
    assertThat(held).hasSize(8);
    Api.Response refused = alice.get("/api/stories/" + id + "/export/pdf");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isNotBlank();
    assertThat(refused.contentType()).startsWith("application/problem+json");

    held.forEach(dev.storyvault.coordination.ClusterSlots.Slot::close);
    assertThat(alice.get("/api/stories/" + id + "/export/pdf").status()).isEqualTo(200);
  }
}
