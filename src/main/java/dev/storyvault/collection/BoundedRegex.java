package dev.storyvault.collection;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * Schema {@code pattern}s run with a time budget: a pattern that backtracks exponentially on a long
 * string (an admin's mistake, or a hostile schema) stops when the validation's deadline passes,
 * instead of holding a request thread for minutes. The deadline is set per validation by {@link
 * #within}.
 */
final class BoundedRegex implements RegularExpressionFactory {

  /** Thrown out of a match that outlived its validation's deadline. */
  static final class TooSlow extends RuntimeException {
    TooSlow() {
      super(null, null, false, false);
    }
  }

  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[1]);

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return value -> pattern.matcher(new Watched(value, DEADLINE.get()[0])).find();
  }

  /** Runs {@code work} with matches allowed until {@code budgetNanos} from now. */
  static <T> T within(long budgetNanos, java.util.function.Supplier<T> work) {
    long[] deadline = DEADLINE.get();
    long previous = deadline[0];
    deadline[0] = System.nanoTime() + budgetNanos;
    try {
      return work.get();
    } finally {
      deadline[0] = previous;
    }
  }

  /** The text a matcher reads, checking the clock every few thousand reads. */
  private static final class Watched implements CharSequence {
    private final String text;
    private final long deadline;
    private int reads;

    Watched(String text, long deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xFFF) == 0 && deadline != 0 && System.nanoTime() > deadline)
        throw new TooSlow();
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Watched(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
