package dev.storyvault.privacy;

import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The person's own exports, ready or not: removed with their data (an export is a copy of it). */
@Component
@Order(70)
class ExportPersonalData implements PersonalData {

  private final ExportRemoval removal;

  ExportPersonalData(ExportRemoval removal) {
    this.removal = removal;
  }

  @Override
  public String section() {
    return "exports";
  }

  @Override
  public void export(String userId, PersonalArchive archive) {}

  @Override
  public int erase(String userId, String heir) {
    return removal.of(userId);
  }
}
