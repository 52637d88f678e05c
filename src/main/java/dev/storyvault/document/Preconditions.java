package dev.storyvault.document;

import dev.storyvault.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Versioned documents over HTTP: the ETag names the version ({@code "v3"}); a write sent with
 * {@code If-Match} applies only to that version, else 412 and nothing changes; without it, to the
 * version just read (a read-modify-write still cannot overwrite a concurrent change: the write is
 * conditional).
 */
public final class Preconditions {

  private Preconditions() {}

  public static String etag(long version) {
    return "\"v" + version + "\"";
  }

  /**
   * The version a write expects: the current one when If-Match is absent or {@code *} or names it;
   * else -1.
   */
  public static long expectedVersion(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.trim().equals("*")) return currentVersion;
    String wanted = etag(currentVersion);
    for (String tag : ifMatch.split(",")) {
      if (tag.trim().equals(wanted)) return currentVersion;
    }
    return -1;
  }

  /** 412: the document changed since the caller read it. */
  public static ApiProblem stale(String what) {
    return new ApiProblem(
        HttpStatus.PRECONDITION_FAILED,
        "stale-version",
        "Precondition failed",
        "The "
            + what
            + " changed since you read it; fetch it again (new ETag) and reapply your change.");
  }
}
