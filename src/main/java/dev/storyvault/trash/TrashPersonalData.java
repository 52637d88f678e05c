package dev.storyvault.trash;

import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a person has in the trash: listed in their export, purged at once when their data is erased
 * (after their stories and documents went there, before their assets, which those still used).
 */
@Component
@Order(75)
class TrashPersonalData implements PersonalData {

  private final Trash trash;
  private final TrashRoom room;

  TrashPersonalData(Trash trash, TrashRoom room) {
    this.trash = trash;
    this.room = room;
  }

  @Override
  public String section() {
    return "trash";
  }

  @Override
  public void export(String userId, PersonalArchive archive) throws IOException {
    archive.json(
        "trash/items.json",
        trash.where("owner_id = ? ORDER BY deleted_at", userId).stream()
            .map(TrashedItem::view)
            .toList());
  }

  @Override
  public int erase(String userId, String heir) {
    return room.purgeAllOf(userId);
  }
}
