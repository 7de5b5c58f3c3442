package ankid.engine.packages;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes a package may still expand to ({@link PackageLimits}), shared by every entry read from
 * it. Streams wrapped by {@link #limit} count what they deliver and fail once the budget is spent,
 * so a bomb is stopped while it is being decompressed, not after.
 */
final class ExpansionBudget {
  private final long total;
  private long remaining;

  ExpansionBudget(long total) {
    this.total = total;
    this.remaining = total;
  }

  InputStream limit(InputStream in, String entry) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) spend(1, entry);
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) spend(n, entry);
        return n;
      }
    };
  }

  void spend(long n, String entry) {
    remaining -= n;
    if (remaining < 0) {
      throw PackageException.corrupt("entry " + entry + " expands beyond " + total
          + " bytes, more than a real package could hold; refusing it as a zip bomb");
    }
  }
}
