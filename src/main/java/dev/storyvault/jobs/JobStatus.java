package dev.storyvault.jobs;

import java.util.Locale;
import java.util.Set;

/** Where a job is. The stage statuses follow the seed's stages; the last four end the job. */
public enum JobStatus {
  QUEUED,
  PROCESSING,
  SCRIPT_READY,
  CONTINUITY_CHECKED,
  PREVIEW_READY,
  FINAL_READY,
  FAILED,
  CANCELLED,
  DEAD;

  static final Set<JobStatus> RUNNABLE =
      Set.of(QUEUED, PROCESSING, SCRIPT_READY, CONTINUITY_CHECKED, PREVIEW_READY);

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return !RUNNABLE.contains(this);
  }

  static JobStatus parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  static String runnableList() {
    return String.join(
        ", ", RUNNABLE.stream().map(s -> "'" + s.wireName() + "'").sorted().toList());
  }
}
