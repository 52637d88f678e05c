package dev.storyvault.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

  @Test
  void theQuickNameCheckAgreesWithThePattern() {
    for (String name :
        List.of(
            "animations",
            "analytics-snapshots",
            "a",
            "a1-",
            "",
            "1abc",
            "-abc",
            "Abc",
            "abc_def",
            "abc def",
            "abc/def",
            "x'; drop",
            "a".repeat(40),
            "a".repeat(41),
            "ünïcode")) {
      assertThat(DefinitionReader.isName(name))
          .as(name)
          .isEqualTo(DefinitionReader.NAME.matcher(name).matches());
    }
  }
}
