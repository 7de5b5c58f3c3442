package ankid.engine.template;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The BLAKE3 hash (default mode, 32-byte output). Anki derives the DOM id of a {@code hint}
 * filter from it; the JDK has no implementation and this one needs no dependency.
 */
final class Blake3 {
  private static final int[] IV = {
      0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19};
  private static final int[] PERMUTATION = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};
  private static final int CHUNK_LEN = 1024;
  private static final int BLOCK_LEN = 64;
  private static final int CHUNK_START = 1, CHUNK_END = 2, PARENT = 4, ROOT = 8;

  private Blake3() {}

  static byte[] hash(byte[] input) {
    // Chaining values of completed subtrees; merged pairwise like a binary counter.
    Deque<int[]> stack = new ArrayDeque<>();
    long chunkCounter = 0;
    int offset = 0;
    while (input.length - offset > CHUNK_LEN) {
      int[] cv = chunkOutput(input, offset, CHUNK_LEN, chunkCounter).chainingValue();
      chunkCounter++;
      long total = chunkCounter;
      while ((total & 1) == 0) {
        cv = parentOutput(stack.pop(), cv).chainingValue();
        total >>= 1;
      }
      stack.push(cv);
      offset += CHUNK_LEN;
    }
    Output output = chunkOutput(input, offset, input.length - offset, chunkCounter);
    while (!stack.isEmpty()) output = parentOutput(stack.pop(), output.chainingValue());
    return output.rootBytes();
  }

  private record Output(int[] inputCv, int[] block, long counter, int blockLen, int flags) {
    int[] chainingValue() {
      int[] out = compress(inputCv, block, counter, blockLen, flags);
      return java.util.Arrays.copyOf(out, 8);
    }

    byte[] rootBytes() {
      int[] words = compress(inputCv, block, 0, blockLen, flags | ROOT);
      byte[] out = new byte[32];
      for (int i = 0; i < 8; i++) {
        for (int b = 0; b < 4; b++) out[i * 4 + b] = (byte) (words[i] >>> (8 * b));
      }
      return out;
    }
  }

  private static Output chunkOutput(byte[] input, int offset, int len, long counter) {
    int[] cv = IV.clone();
    int blocks = Math.max(1, (len + BLOCK_LEN - 1) / BLOCK_LEN);
    for (int b = 0; b < blocks; b++) {
      int start = offset + b * BLOCK_LEN;
      int blockLen = Math.min(BLOCK_LEN, offset + len - start);
      int[] words = wordsOf(input, start, blockLen);
      int flags = (b == 0 ? CHUNK_START : 0);
      if (b == blocks - 1) return new Output(cv, words, counter, blockLen, flags | CHUNK_END);
      cv = java.util.Arrays.copyOf(compress(cv, words, counter, BLOCK_LEN, flags), 8);
    }
    throw new AssertionError("unreachable");
  }

  private static Output parentOutput(int[] left, int[] right) {
    int[] block = new int[16];
    System.arraycopy(left, 0, block, 0, 8);
    System.arraycopy(right, 0, block, 8, 8);
    return new Output(IV, block, 0, BLOCK_LEN, PARENT);
  }

  private static int[] wordsOf(byte[] input, int start, int len) {
    int[] words = new int[16];
    for (int i = 0; i < len; i++) words[i / 4] |= (input[start + i] & 0xFF) << (8 * (i % 4));
    return words;
  }

  private static int[] compress(int[] cv, int[] blockWords, long counter, int blockLen, int flags) {
    int[] s = {
        cv[0], cv[1], cv[2], cv[3], cv[4], cv[5], cv[6], cv[7],
        IV[0], IV[1], IV[2], IV[3], (int) counter, (int) (counter >>> 32), blockLen, flags};
    int[] m = blockWords.clone();
    for (int round = 0; round < 7; round++) {
      g(s, 0, 4, 8, 12, m[0], m[1]);
      g(s, 1, 5, 9, 13, m[2], m[3]);
      g(s, 2, 6, 10, 14, m[4], m[5]);
      g(s, 3, 7, 11, 15, m[6], m[7]);
      g(s, 0, 5, 10, 15, m[8], m[9]);
      g(s, 1, 6, 11, 12, m[10], m[11]);
      g(s, 2, 7, 8, 13, m[12], m[13]);
      g(s, 3, 4, 9, 14, m[14], m[15]);
      int[] permuted = new int[16];
      for (int i = 0; i < 16; i++) permuted[i] = m[PERMUTATION[i]];
      m = permuted;
    }
    for (int i = 0; i < 8; i++) {
      s[i] ^= s[i + 8];
      s[i + 8] ^= cv[i];
    }
    return s;
  }

  private static void g(int[] s, int a, int b, int c, int d, int mx, int my) {
    s[a] = s[a] + s[b] + mx;
    s[d] = Integer.rotateRight(s[d] ^ s[a], 16);
    s[c] = s[c] + s[d];
    s[b] = Integer.rotateRight(s[b] ^ s[c], 12);
    s[a] = s[a] + s[b] + my;
    s[d] = Integer.rotateRight(s[d] ^ s[a], 8);
    s[c] = s[c] + s[d];
    s[b] = Integer.rotateRight(s[b] ^ s[c], 7);
  }
}
