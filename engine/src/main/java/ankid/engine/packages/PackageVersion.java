package ankid.engine.packages;

/**
 * The three package layouts Anki reads (rslib {@code import_export/package/meta.rs}, {@code Version}
 * and {@code VersionExt}): which zip entry holds the collection, whether it and the media are zstd
 * frames, and whether the media map is JSON or protobuf.
 */
public enum PackageVersion {
  /** Anki 2.0 and 2.1 before 2.1.50: {@code collection.anki2}, schema 11, JSON media map. */
  LEGACY_1(1, "collection.anki2"),
  /** "Support older Anki versions": {@code collection.anki21}, schema 11, JSON media map. */
  LEGACY_2(2, "collection.anki21"),
  /** Current Anki's default: zstd {@code collection.anki21b}, schema 18, zstd protobuf media map. */
  LATEST(3, "collection.anki21b");

  private final int number;
  private final String collectionEntry;

  PackageVersion(int number, String collectionEntry) {
    this.number = number;
    this.collectionEntry = collectionEntry;
  }

  /** The value of {@code PackageMetadata.version}. */
  public int number() {
    return number;
  }

  public String collectionEntry() {
    return collectionEntry;
  }

  /** Collection, media files and media map are zstd frames. */
  public boolean zstdCompressed() {
    return this == LATEST;
  }

  /** The media map is a JSON object {@code {"0": "name"}} rather than protobuf entries. */
  public boolean legacyMediaMap() {
    return this != LATEST;
  }

  /** The schema the embedded collection is written in: 11 for the legacy layouts. */
  public int schemaVersion() {
    return this == LATEST ? 18 : 11;
  }

  static PackageVersion ofNumber(int n) {
    for (PackageVersion v : values()) if (v.number == n) return v;
    return null;
  }
}
