package ankid.server.gui;

/**
 * A counter open pages wait on: bumped whenever UI state changes or an API request may have
 * changed the collection, so each page's event stream re-checks what it shows.
 */
public final class UiEvents {
  private long count;
  private boolean closed;

  public synchronized void signal() {
    count++;
    notifyAll();
  }

  public synchronized long count() {
    return count;
  }

  /** Waits until the count passes {@code seen}, the timeout ends or the server stops; returns the count. */
  public synchronized long await(long seen, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (count == seen && !closed) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) break;
      wait(left);
    }
    return count;
  }

  public synchronized boolean closed() {
    return closed;
  }

  /** Ends every wait, for a server that is stopping. */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
