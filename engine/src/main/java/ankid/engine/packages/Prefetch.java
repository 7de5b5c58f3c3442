package ankid.engine.packages;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the package's rows on a thread of their own while the caller writes them into the
 * collection: the two are separate SQLite connections, and reading 100,000 notes (a JNI call per
 * column, UTF-8 decoding) is a fifth of an import's work, which a second core then does alongside.
 * Rows are handed over in order, in batches, with at most a few batches waiting, so memory stays
 * flat. The package's collection must not be used by anyone else meanwhile.
 */
final class Prefetch<T> {
  private static final int BATCH = 512;
  /** Marks the end (compared by identity; batches are never empty). */
  private static final List<Object> END = new ArrayList<>(0);

  private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(8);
  private volatile boolean cancelled;
  private volatile Throwable failure;

  private Prefetch() {}

  /** Calls {@code consumer} with every item {@code producer} yields, in order, the producer running on another thread. */
  static <T> void forEach(Consumer<Consumer<T>> producer, Consumer<T> consumer) {
    new Prefetch<T>().run(producer, consumer);
  }

  private void run(Consumer<Consumer<T>> producer, Consumer<T> consumer) {
    Thread reader = new Thread(() -> produce(producer), "ankid-import-read");
    reader.setDaemon(true);
    reader.start();
    try {
      consume(consumer);
    } finally {
      cancelled = true;
      queue.clear(); // unblocks a reader waiting for room
      joinUninterruptibly(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private void consume(Consumer<T> consumer) {
    while (true) {
      List<?> batch = take();
      if (batch == END) {
        if (failure != null) rethrow(failure);
        return;
      }
      for (Object item : batch) consumer.accept((T) item);
    }
  }

  private void produce(Consumer<Consumer<T>> producer) {
    try {
      Batcher batcher = new Batcher();
      producer.accept(batcher);
      if (!batcher.items.isEmpty()) put(batcher.items);
    } catch (Cancelled e) {
      return;
    } catch (Throwable t) {
      failure = t;
    }
    try {
      put(END);
    } catch (Cancelled e) {
      // nobody is waiting any more
    }
  }

  private void put(List<?> batch) {
    try {
      while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
        if (cancelled) throw new Cancelled();
      }
      if (cancelled) throw new Cancelled();
    } catch (InterruptedException e) {
      throw new Cancelled();
    }
  }

  private List<?> take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PackageException.io("interrupted while reading the package", e);
    }
  }

  /** Waits for {@code t} to end even when interrupted (the interrupt is kept for the caller). */
  static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException e) throw e;
    if (t instanceof Error e) throw e;
    throw new IllegalStateException(t);
  }

  private final class Batcher implements Consumer<T> {
    List<T> items = new ArrayList<>(BATCH);

    @Override
    public void accept(T item) {
      items.add(item);
      if (items.size() == BATCH) {
        put(items);
        items = new ArrayList<>(BATCH);
      }
    }
  }

  /** Stops the reader once the caller has given up. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }
}
