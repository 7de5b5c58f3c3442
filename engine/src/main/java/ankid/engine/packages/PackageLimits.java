package ankid.engine.packages;

/**
 * How far a package may expand while it is read, so a zip bomb stops early instead of filling the
 * disk: everything taken out of one package together may be at most {@code maxRatio} times the
 * package's size on disk, but never less than {@code floorBytes}. Real packages stay far below:
 * SQLite collections compress about 3–6×, images and sound hardly at all.
 */
public record PackageLimits(long maxRatio, long floorBytes) {
  public static final PackageLimits DEFAULT = new PackageLimits(100, 256L << 20);

  /** The most bytes a package of {@code packageBytes} may expand to. */
  public long budgetFor(long packageBytes) {
    long scaled = packageBytes > Long.MAX_VALUE / maxRatio ? Long.MAX_VALUE : packageBytes * maxRatio;
    return Math.max(floorBytes, scaled);
  }
}
