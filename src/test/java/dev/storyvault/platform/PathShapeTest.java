package dev.storyvault.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathShapeTest {

  private final PathShape content = new PathShape("/api/assets/", "/content");

  @Test
  void findsTheOneSegmentBetweenPrefixAndSuffix() {
    assertThat(content.segment("/api/assets/ast_1/content")).isEqualTo("ast_1");
  }

  @Test
  void refusesOtherShapes() {
    assertThat(content.segment("/api/assets//content")).isNull();
    assertThat(content.segment("/api/assets/a/b/content")).isNull();
    assertThat(content.segment("/api/assets/ast_1/versions/1/content")).isNull();
    assertThat(content.segment("/api/assets/ast_1")).isNull();
    assertThat(content.segment("/api/assets/content")).isNull();
    assertThat(content.matches("/api/blobs/ast_1/content")).isFalse();
  }

  @Test
  void aShapeWithoutSuffixTakesTheLastSegment() {
    PathShape story = new PathShape("/api/stories/", "");
    assertThat(story.segment("/api/stories/sty_1")).isEqualTo("sty_1");
    assertThat(story.segment("/api/stories/")).isNull();
    assertThat(story.segment("/api/stories/sty_1/versions")).isNull();
  }
}
