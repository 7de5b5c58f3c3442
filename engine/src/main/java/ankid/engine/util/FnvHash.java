package ankid.engine.util;

/**
 * The 64-bit FNV-1a hash of the {@code fnv} crate, fed with {@code write_i64} (eight
 * little-endian bytes per number), as Anki's {@code fnvhash()} SQL function and its new-card
 * sorting use it to shuffle cards in a stable order (rslib {@code storage/sqlite.rs},
 * {@code add_fnvhash_function}; {@code scheduler/queue/builder/sorting.rs}).
 */
public final class FnvHash {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private FnvHash() {}

  /** The hash of the numbers in order; compare results with {@link Long#compareUnsigned} for Rust's u64 order. */
  public static long of(long... values) {
    long hash = OFFSET;
    for (long v : values) {
      for (int i = 0; i < 8; i++) {
        hash ^= (v >>> (8 * i)) & 0xff;
        hash *= PRIME;
      }
    }
    return hash;
  }
}
