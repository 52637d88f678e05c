package dev.storyvault.privacy;

import dev.storyvault.support.EmbeddedMode;
import java.util.List;

@EmbeddedMode
class EmbeddedPersonalDataTest extends PersonalDataContract {

  @Override
  List<String> tables() {
    return jdbc.sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .query(String.class)
        .list();
  }
}
