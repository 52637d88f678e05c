package dev.storyvault.backup;

import dev.storyvault.blob.BlobProperties;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code storyvault.backups.*}: where backups go ({@code store} {@code disk} with {@code folder},
 * or {@code s3} with a bucket that is not the live one), when they run, how many are kept.
 *
 * @param dailyAt the time of day (UTC) of the scheduled backup, {@code HH:mm}
 * @param keepDaily the newest backup of each of this many days is kept
 * @param keepWeekly and the newest of each of this many ISO weeks
 * @param collectorPause the longest a backup may hold the blob collector paused
 * @param parallelCopies how many blobs a backup, restore or migration copies at a time
 */
@ConfigurationProperties("storyvault.backups")
public record BackupProperties(
    String store,
    String folder,
    BlobProperties.S3 s3,
    boolean scheduled,
    String dailyAt,
    int keepDaily,
    int keepWeekly,
    Duration collectorPause,
    Integer parallelCopies) {

  int parallelCopiesOrDefault() {
    return parallelCopies == null || parallelCopies < 1 ? 4 : parallelCopies;
  }
}
