package dev.storyvault.privacy;

import dev.storyvault.support.ScaleOutMode;
import java.util.List;

@ScaleOutMode
class ScaleOutPersonalDataTest extends PersonalDataContract {

  @Override
  List<String> tables() {
    return jdbc.sql(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
        .query(String.class)
        .list();
  }
}
