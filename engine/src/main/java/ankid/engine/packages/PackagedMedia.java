package ankid.engine.packages;

import java.util.Arrays;

/**
 * One media file of a package (rslib {@code SafeMediaEntry}): its checked, normalised name, the
 * zip entry ({@code "0"}, {@code "1"}, …) holding it, and, in LATEST packages, its size and SHA-1
 * from the media map (legacy maps carry neither; the hash is computed when it is needed).
 */
public record PackagedMedia(String name, long size, byte[] sha1, int index) {
  public String zipEntry() {
    return Integer.toString(index);
  }

  /** Anki's static files (templates' {@code _x.css}, LaTeX images) are only copied when absent. */
  public boolean isStatic() {
    return name.startsWith("_") || name.startsWith("latex-");
  }

  PackagedMedia withName(String newName) {
    return new PackagedMedia(newName, size, sha1, index);
  }

  PackagedMedia withSha1(byte[] hash) {
    return new PackagedMedia(name, size, hash, index);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PackagedMedia m && m.name.equals(name) && m.size == size && Arrays.equals(m.sha1, sha1)
        && m.index == index;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + index;
  }

  @Override
  public String toString() {
    return "PackagedMedia[" + name + " @" + index + "]";
  }
}
