package dev.storyvault.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Copies blobs a few at a time: each copy waits mostly on a write being made durable (or on a round
 * trip to S3), so several in flight use the disk and the network while one alone leaves them idle.
 */
final class ParallelCopies {

  /** One blob's copy; whether it copied anything (false: the target had it). */
  interface Copy {
    boolean run(Manifest.Entry blob) throws IOException;
  }

  private ParallelCopies() {}

  /** How many blobs were copied; the first failure, if any, is thrown once all have stopped. */
  static int run(
      List<Manifest.Entry> blobs, int parallelism, Copy copy, BiConsumer<Integer, Integer> progress)
      throws IOException {
    AtomicInteger done = new AtomicInteger();
    AtomicInteger copied = new AtomicInteger();
    try (ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, parallelism), Thread.ofVirtual().name("blob-copy-", 0).factory())) {
      List<Future<?>> all = new ArrayList<>();
      for (Manifest.Entry blob : blobs)
        all.add(
            pool.submit(
                () -> {
                  try {
                    if (copy.run(blob)) copied.incrementAndGet();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  synchronized (progress) {
                    progress.accept(done.incrementAndGet(), blobs.size());
                  }
                  return null;
                }));
      for (Future<?> f : all) await(f);
    }
    return copied.get();
  }

  private static void await(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while copying blobs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IOException(e.getCause());
    }
  }
}
