package dev.storyvault.privacy;

import dev.storyvault.identity.PersonalArchive;
import dev.storyvault.identity.PersonalData;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Writes a person's export: every module's part, then the manifest and the index page. */
@Component
class PersonalDataExport {

  static final String FORMAT = "storyvault-personal-data/1";

  private final List<PersonalData> parts;
  private final Clock clock;
  private final String backupRetention;

  PersonalDataExport(
      List<PersonalData> parts,
      Clock clock,
      @Value(
              "${storyvault.backups.keep-daily:7} daily and ${storyvault.backups.keep-weekly:4} weekly")
          String backupRetention) {
    this.parts = parts;
    this.clock = clock;
    this.backupRetention = backupRetention;
  }

  void write(String userId, OutputStream out) throws IOException {
    PersonalArchive archive = new PersonalArchive(out);
    for (PersonalData part : parts) part.export(userId, archive);
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("format", FORMAT);
    about.put("user_id", userId);
    about.put("made_at", clock.instant().toString());
    about.put("sections", parts.stream().map(PersonalData::section).toList());
    about.put(
        "backups",
        "Backups keep copies of this data until they are pruned (kept: "
            + backupRetention
            + " backups).");
    archive.finish(about);
  }

  long sizeBytes(String userId) {
    return parts.stream().mapToLong(p -> p.sizeBytes(userId)).sum();
  }
}
