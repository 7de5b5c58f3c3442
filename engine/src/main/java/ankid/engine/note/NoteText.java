package ankid.engine.note;

import ankid.engine.media.MediaTags;
import ankid.engine.util.RustStr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Note text rules of Anki's note save path ({@code rslib/src/notes/mod.rs,
 * Note::prepare_for_update, normalize_field, field_checksum}; {@code rslib/src/text.rs}): field
 * clean-up, the HTML stripping behind {@code notes.sfld} and {@code notes.csum}, and the
 * {@code \x1f}-joined {@code flds} column. The one stripper: {@code dupe:} searches compare with
 * it too ({@code search/sqlwriter.rs, SqlWriter::write_dupe}).
 */
public final class NoteText {
  /** Separator of fields in {@code notes.flds}. */
  public static final char FIELD_SEPARATOR = '\u001f';

  /**
   * Anki's {@code (?si)(<!--.*?-->)|(<style.*?>.*?</style>)|(<script.*?>.*?</script>)|(<.*?>)}.
   * Rust's {@code (?i)} uses simple case folding, which differs from Java's UNICODE_CASE (Java
   * would let {@code İ} match {@code i}), so the keywords are spelled out as character classes.
   */
  private static final Pattern HTML = Pattern.compile("(?s)(<!--.*?-->)"
      + "|(<" + caseless("style") + ".*?>.*?</" + caseless("style") + ">)"
      + "|(<" + caseless("script") + ".*?>.*?</" + caseless("script") + ">)"
      + "|(<.*?>)");

  private NoteText() {}

  private static String caseless(String lowerWord) {
    StringBuilder sb = new StringBuilder();
    for (char c : lowerWord.toCharArray()) {
      sb.append('[').append(c).append(Character.toUpperCase(c));
      if (c == 's') sb.append('\u017F'); // ſ folds to s
      sb.append(']');
    }
    return sb.toString();
  }

  /**
   * Anki's {@code strip_html_preserving_media_filenames}: media tags become
   * {@code " filename "}, other markup is removed, then entities are decoded (all or nothing).
   * Nothing is trimmed. This is what {@code sfld}, {@code csum} and duplicate checks compare.
   */
  public static String stripHtmlPreservingMediaFilenames(String html) {
    List<MediaTags.Match> tags = MediaTags.findAll(html);
    if (tags.isEmpty()) return stripHtml(html);
    StringBuilder sb = new StringBuilder(html.length());
    int last = 0;
    for (MediaTags.Match tag : tags) {
      sb.append(html, last, tag.start()).append(' ').append(tag.filename()).append(' ');
      last = tag.end();
    }
    sb.append(html, last, html.length());
    return stripHtml(sb.toString());
  }

  private static final Pattern PERSISTENT_HTML_SPACERS =
      Pattern.compile("(?i)<br\\s*/?>|<div>|\n");
  private static final Pattern TYPE_TAG = Pattern.compile("\\[\\[type:[^\\]]+\\]\\]");
  private static final Pattern SOUND_TAG = Pattern.compile("\\[sound:([^\\]]+)\\]");
  private static final Pattern HTML_LINEBREAK_TAGS = Pattern.compile(
      "(?si)</?(?:br|address|article|aside|blockquote|canvas|dd|div|dl|dt|fieldset|figcaption|figure|footer|form"
          + "|h[1-6]|header|hr|li|main|nav|noscript|ol|output|p|pre|section|table|tfoot|ul|video)>");

  /**
   * One line of plain text for a table cell (rslib {@code text.rs}, {@code html_to_text_line}):
   * line breaks become spaces, type-in and sound tags go (sound keeps its file name when asked),
   * markup is stripped and the ends trimmed.
   */
  public static String htmlToTextLine(String html, boolean preserveMediaFilenames) {
    String s = PERSISTENT_HTML_SPACERS.matcher(html).replaceAll(" ");
    s = TYPE_TAG.matcher(s).replaceAll("");
    s = SOUND_TAG.matcher(s).replaceAll(preserveMediaFilenames ? "$1" : "");
    s = preserveMediaFilenames ? stripHtmlPreservingMediaFilenames(s) : stripHtml(s);
    return RustStr.trim(s);
  }

  /** The text a TTS voice reads (rslib {@code text.rs}, {@code strip_html_for_tts}). */
  public static String stripHtmlForTts(String html) {
    return stripHtml(HTML_LINEBREAK_TAGS.matcher(html).replaceAll(" "));
  }

  /** Anki's {@code strip_html}: markup removed, then entities decoded. */
  public static String stripHtml(String html) {
    return HtmlEntities.decode(stripHtmlPreservingEntities(html));
  }

  /** Removes comments, style and script elements, and every other {@code <…>} tag. */
  public static String stripHtmlPreservingEntities(String html) {
    if (html.indexOf('<') < 0) return html;
    Matcher m = HTML.matcher(html);
    return m.find() ? m.replaceAll("") : html;
  }

  /**
   * The value Anki stores in {@code notes.sfld}: the stripped sort field, or "" when the notetype's
   * sort index is beyond the note's fields. Bind it as a string: SQLite's integer affinity then
   * stores numeric-looking text as a number, exactly as Anki's own writes do.
   */
  public static String sortField(List<String> fields, int sortFieldIdx) {
    if (sortFieldIdx < 0 || sortFieldIdx >= fields.size()) return "";
    return stripHtmlPreservingMediaFilenames(fields.get(sortFieldIdx));
  }

  /** The value of {@code notes.csum}: the checksum of the stripped first field. */
  public static long firstFieldChecksum(List<String> fields) {
    return fieldChecksum(fields.isEmpty() ? "" : stripHtmlPreservingMediaFilenames(fields.get(0)));
  }

  /**
   * Anki's {@code field_checksum}: the first 4 bytes of SHA-1 over the UTF-8 text, read as an
   * unsigned big-endian 32-bit number. The argument is text that has already been stripped.
   */
  public static long fieldChecksum(String strippedText) {
    byte[] digest = sha1().digest(strippedText.getBytes(StandardCharsets.UTF_8));
    return ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
        | (digest[3] & 0xFFL);
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }

  /**
   * A field as Anki saves it: ASCII control characters other than newline and tab removed (so a
   * stray {@code \x1f} cannot split the field), then NFC when the collection's
   * {@code normalize_note_text} option is on (the default).
   */
  public static String normalizeField(String text, boolean nfc) {
    String cleaned = removeControlCharacters(text);
    return nfc ? RustStr.toNfc(cleaned) : cleaned;
  }

  private static String removeControlCharacters(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && !isInvalidInField(text.charAt(i))) i++;
    if (i == n) return text;
    StringBuilder sb = new StringBuilder(n).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!isInvalidInField(c)) sb.append(c);
    }
    return sb.toString();
  }

  private static boolean isInvalidInField(char c) {
    return (c < 0x20 || c == 0x7F) && c != '\n' && c != '\t';
  }

  /** Splits {@code notes.flds}; empty trailing fields are kept. */
  public static List<String> splitFields(String flds) {
    return Arrays.asList(flds.split(String.valueOf(FIELD_SEPARATOR), -1));
  }

  /** Joins fields into the {@code notes.flds} form. */
  public static String joinFields(List<String> fields) {
    return String.join(String.valueOf(FIELD_SEPARATOR), fields);
  }
}
