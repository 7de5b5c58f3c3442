package ankid.engine.scheduler;

/**
 * Bit-exact port of the generator Anki uses for fuzz: rand 0.9 {@code StdRng} (ChaCha with 12
 * rounds) seeded through {@code seed_from_u64}. Fuzz must match Anki to the day, so the stream,
 * not just the distribution, has to be identical.
 */
public final class AnkiRng {
  private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
  /**
   * rand_chacha buffers four blocks per refill; the stream is the blocks' words in counter order
   * either way, so one block is made at a time (fuzz mostly needs one word of a new generator).
   */
  private static final int BUFFER_WORDS = 16;

  private final int[] key = new int[8];
  private final int[] buffer = new int[BUFFER_WORDS];
  private final int[] input = new int[16];
  private long blockCounter;
  private int index = BUFFER_WORDS;

  private AnkiRng(long seed) {
    long state = seed;
    for (int i = 0; i < 8; i++) {
      state = state * 6364136223846793005L + 0xA17654E46FBE17F3L; // 11634580027462260723 as u64
      int xorshifted = (int) (((state >>> 18) ^ state) >>> 27);
      int rot = (int) (state >>> 59);
      key[i] = Integer.rotateRight(xorshifted, rot);
    }
  }

  /** {@code StdRng::seed_from_u64(seed)}. */
  public static AnkiRng seedFromU64(long seed) {
    return new AnkiRng(seed);
  }

  public int nextU32() {
    if (index >= BUFFER_WORDS) refill();
    return buffer[index++];
  }

  /** {@code random::<f32>()} in [0, 1): the top 23 bits scaled by 2^-23. */
  public float nextF32() {
    return (nextU32() >>> 9) * 0x1.0p-23f;
  }

  /** {@code random_range(low..high)} for u32 (Canon's widening-multiply method of rand 0.9). */
  public long uniformU32(long low, long high) {
    long range = high - low;
    long x = Integer.toUnsignedLong(nextU32());
    long m = x * range;
    long hi = m >>> 32;
    long lo = m & 0xFFFFFFFFL;
    if (lo > (0x1_0000_0000L - range)) {
      long y = Integer.toUnsignedLong(nextU32());
      long newHi = (y * range) >>> 32;
      if (lo + newHi > 0xFFFFFFFFL) hi += 1;
    }
    return low + hi;
  }

  private void refill() {
    block(blockCounter++);
    index = 0;
  }

  private void block(long counter) {
    System.arraycopy(SIGMA, 0, input, 0, 4);
    System.arraycopy(key, 0, input, 4, 8);
    input[12] = (int) counter;
    input[13] = (int) (counter >>> 32);
    int[] x = buffer;
    System.arraycopy(input, 0, x, 0, 16);
    for (int round = 0; round < 6; round++) {
      quarter(x, 0, 4, 8, 12);
      quarter(x, 1, 5, 9, 13);
      quarter(x, 2, 6, 10, 14);
      quarter(x, 3, 7, 11, 15);
      quarter(x, 0, 5, 10, 15);
      quarter(x, 1, 6, 11, 12);
      quarter(x, 2, 7, 8, 13);
      quarter(x, 3, 4, 9, 14);
    }
    for (int i = 0; i < 16; i++) x[i] += input[i];
  }

  private static void quarter(int[] x, int a, int b, int c, int d) {
    x[a] += x[b];
    x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
    x[c] += x[d];
    x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
    x[a] += x[b];
    x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
    x[c] += x[d];
    x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
  }
}
