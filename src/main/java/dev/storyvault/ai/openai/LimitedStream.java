package dev.storyvault.ai.openai;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than {@code max} bytes were read: a provider that sends without end is cut off.
 */
final class LimitedStream extends FilterInputStream {

  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  private final long max;
  private final String operation;
  private long read;

  LimitedStream(InputStream in, long max, String operation) {
    super(in);
    this.max = max;
    this.operation = operation;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) count(1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) count(n);
    return n;
  }

  private void count(int n) throws TooLarge {
    read += n;
    if (read > max) throw new TooLarge(operation + ": the answer exceeded " + max + " bytes");
  }
}
