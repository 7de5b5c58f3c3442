package ankid.engine.media;

import ankid.engine.util.RustStr;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.VersionInfo;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Media file names as Anki normalises them ({@code normalize_filename}): a name is valid exactly
 * when normalising leaves it unchanged. Files with other names are ignored by media sync until
 * Check Media renames them, so everything ankid writes goes through {@link #normalize}.
 */
public final class MediaNames {
  /** Longest name in UTF-8 bytes; with the rest of the path it must fit Windows' limits. */
  public static final int MAX_BYTES = 120;

  /** Anki decides "unassigned" with Unicode 10 data (unic-ucd-category 0.9). */
  private static final VersionInfo UNICODE_10 = VersionInfo.getInstance(10, 0, 0, 0);

  private static final Pattern WINDOWS_DEVICE_NAME =
      Pattern.compile("^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\\.|\\z)", Pattern.CASE_INSENSITIVE);

  private MediaNames() {}

  /**
   * NFC; {@code [ ] < > : " / ? * ^ \ |}, ASCII controls and code points unassigned in Unicode 10
   * removed; no-break spaces turned into spaces; {@code _} after a Windows device name
   * ({@code con.txt} → {@code con_.txt}) and after a trailing space or dot; then cut to 120 bytes.
   */
  public static String normalize(String name) {
    String out = RustStr.toNfc(name);
    out = RustStr.removeMatching(out, MediaNames::isDisallowed);
    out = out.replace('\u00A0', ' ');
    out = WINDOWS_DEVICE_NAME.matcher(out).replaceFirst("$1_$2");
    if (endsWithSpaceOrDot(out)) out += "_";
    return truncate(out);
  }

  /** Whether Anki accepts the name as it is. */
  public static boolean isNormalized(String name) {
    return normalize(name).equals(name);
  }

  private static boolean isDisallowed(int cp) {
    switch (cp) {
      case '[': case ']': case '<': case '>': case ':': case '"': case '/': case '?': case '*':
      case '^': case '\\': case '|':
        return true;
      default:
        // Lone surrogates cannot occur in Rust strings nor be written as a file name.
        return RustStr.isAsciiControl(cp)
            || Character.getType(cp) == Character.SURROGATE
            || UCharacter.getType(cp) == UCharacter.UNASSIGNED
            || UCharacter.getAge(cp).compareTo(UNICODE_10) > 0;
    }
  }

  private static boolean endsWithSpaceOrDot(String s) {
    return s.endsWith(" ") || s.endsWith(".");
  }

  private static String truncate(String name) {
    if (RustStr.utf8Length(name) <= MAX_BYTES) return name;
    String[] stemExt = splitAndTruncate(name, MAX_BYTES);
    String out = stemExt[1].isEmpty() ? stemExt[0] : stemExt[0] + "." + stemExt[1];
    return endsWithSpaceOrDot(out) ? out + "_" : out;
  }

  /**
   * Splits at the last dot (no dot: all stem), caps the extension at 10 bytes and the stem so that
   * stem, dot, extension and a possible trailing {@code _} fit in maxBytes.
   */
  private static String[] splitAndTruncate(String name, int maxBytes) {
    int dot = name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    ext = RustStr.truncateUtf8(ext, 10);
    stem = RustStr.truncateUtf8(stem, maxBytes - RustStr.utf8Length(ext) - 2);
    return new String[] {stem, ext};
  }

  /**
   * The name Anki gives a file whose normalised name is taken by different content:
   * {@code stem-<sha1 hex>.ext}, the stem shortened so the result stays within 120 bytes. As in
   * Anki, a name without extension still gets the dot ({@code stem-<hex>.}).
   */
  public static String withHashSuffix(String normalizedName, byte[] sha1) {
    String[] stemExt = splitAndTruncate(normalizedName, MAX_BYTES - 40 - 1);
    return stemExt[0] + "-" + HexFormat.of().formatHex(sha1) + "." + stemExt[1];
  }

  /**
   * A client-supplied name checked for use as a single file of the media folder: refuses empty
   * names, NUL, path separators, drive prefixes and {@code .}/{@code ..} before normalising (which
   * would otherwise quietly turn {@code ../x} into {@code ..x}), so a name can never reach outside
   * the folder. Returns the normalised name.
   */
  public static String requireSafe(String name) {
    if (name == null || name.isEmpty()) throw new InvalidMediaNameException("empty media file name");
    if (name.indexOf('\0') >= 0) throw new InvalidMediaNameException("media file name contains NUL: " + name);
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      throw new InvalidMediaNameException("media file name must not contain a path: " + name);
    }
    if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
      throw new InvalidMediaNameException("media file name must not contain a drive: " + name);
    }
    if (name.equals(".") || name.equals("..")) {
      throw new InvalidMediaNameException("not a media file name: " + name);
    }
    String normalized = normalize(name);
    if (normalized.isEmpty()) throw new InvalidMediaNameException("not a usable media file name: " + name);
    return normalized;
  }

  /**
   * The path of a media file inside {@code mediaFolder} for a client-supplied name, after
   * {@link #requireSafe}; the result is checked once more to lie directly inside the folder.
   */
  public static Path resolve(Path mediaFolder, String name) {
    String safe = requireSafe(name);
    Path folder = mediaFolder.toAbsolutePath().normalize();
    Path file = folder.resolve(safe).normalize();
    if (!folder.equals(file.getParent())) {
      throw new InvalidMediaNameException("media file name escapes the media folder: " + name);
    }
    return file;
  }
}
