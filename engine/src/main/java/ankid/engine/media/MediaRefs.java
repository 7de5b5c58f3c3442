package ankid.engine.media;

import ankid.engine.note.HtmlEntities;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media references in note field HTML, as Anki's {@code extract_media_refs} finds them for Check
 * Media and export: {@code src}/{@code data} of img, audio, video, object and source tags, then
 * {@code [sound:…]} tags. Names are entity-decoded ({@code a&amp;b.mp3} is file {@code a&b.mp3}).
 * LaTeX images are not covered: their names depend on the notetype's LaTeX header and footer.
 */
public final class MediaRefs {
  /**
   * Anki's AV tag pattern. The text-to-speech alternative matters even though it yields no file:
   * it consumes its text, so a {@code [sound:]} inside a TTS tag is not a reference.
   */
  private static final Pattern AV_TAGS =
      Pattern.compile("(?s)\\[sound:(.+?)\\]|\\[anki:tts\\]\\[(.*?)\\](.*?)\\[/anki:tts\\]");
  private static final Pattern REMOTE = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);
  /** rslib text.rs {@code AV_TAGS} as {@code replace_media_refs} uses it: sound tags only. */
  private static final Pattern SOUND_TAGS = Pattern.compile("(?s)\\[sound:(.+?)\\]");
  /** rslib text.rs {@code UNDERSCORED_CSS_IMPORTS}: files a notetype's CSS pulls in. */
  private static final Pattern UNDERSCORED_CSS_IMPORTS = Pattern.compile(
      "(?:@import\\s+\"(_[^\"]*.css)\"|'(_[^']*.css)')|(?:url\\(\\s*\"(_[^\"]+)\"|'(_[^']+)'|(_.+?)\\s*\\))",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /**
   * rslib text.rs {@code UNDERSCORED_REFERENCES}: files a template names. The pattern is verbose
   * there, so the space in its {@code [^ >]} is ignored: an unquoted value ends only at '>'.
   */
  private static final Pattern UNDERSCORED_REFERENCES = Pattern.compile(
      "\\[sound:(_[^\\]]+)\\]|\"(_[^\"]+)\"|'(_[^']+)'|\\b(?:src|data)=(_[^>]+)");

  /** One reference: the matched text, the raw attribute or tag value, and the file it names. */
  public record MediaRef(String fullRef, String fname, String fnameDecoded) {}

  private MediaRefs() {}

  /** All references in document order of kind (HTML tags first, then sound tags), duplicates kept. */
  public static List<MediaRef> extract(String html) {
    List<MediaRef> out = new ArrayList<>();
    for (MediaTags.Match tag : MediaTags.findAll(html)) {
      out.add(new MediaRef(html.substring(tag.start(), tag.end()), tag.filename(),
          HtmlEntities.decode(tag.filename())));
    }
    if (html.indexOf('[') < 0) return out;
    Matcher m = AV_TAGS.matcher(html);
    while (m.find()) {
      if (m.group(1) != null) out.add(new MediaRef(m.group(), m.group(1), HtmlEntities.decode(m.group(1))));
    }
    return out;
  }

  /** The distinct local file names referenced by the fields, remote URLs left out. */
  public static Set<String> localFilenames(Iterable<String> fields) {
    Set<String> out = new LinkedHashSet<>();
    for (String field : fields) {
      for (MediaRef ref : extract(field)) {
        if (!isRemote(ref.fnameDecoded())) out.add(ref.fnameDecoded());
      }
    }
    return out;
  }

  /** {@code http://} and {@code https://} references are not files of the media folder. */
  public static boolean isRemote(String fname) {
    return REMOTE.matcher(fname).find();
  }

  /**
   * rslib text.rs {@code replace_media_refs}: calls {@code replacer} with every referenced file name
   * (entity-decoded) and puts its answer in place of the name; null keeps the reference. As in
   * Anki, a name that was written with entities gets its replacement entity-encoded, and every
   * occurrence of the old raw name inside the matched tag is replaced.
   */
  public static String replace(String text, UnaryOperator<String> replacer) {
    if (text.indexOf('<') < 0 && text.indexOf('[') < 0) return text;
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    for (MediaTags.Match tag : MediaTags.findAll(text)) {
      out.append(text, last, tag.start());
      out.append(replaced(text.substring(tag.start(), tag.end()), tag.filename(), replacer));
      last = tag.end();
    }
    out.append(text, last, text.length());
    Matcher m = SOUND_TAGS.matcher(out);
    StringBuilder done = new StringBuilder(out.length());
    while (m.find()) {
      m.appendReplacement(done, Matcher.quoteReplacement(replaced(m.group(), m.group(1), replacer)));
    }
    m.appendTail(done);
    return done.toString();
  }

  private static String replaced(String whole, String rawName, UnaryOperator<String> replacer) {
    String decoded = HtmlEntities.decode(rawName);
    String replacement = replacer.apply(decoded);
    if (replacement == null) return whole;
    // htmlescape's decode_html returns an owned string whenever the name holds '&'.
    if (rawName.indexOf('&') >= 0) replacement = encodeMinimal(replacement);
    return whole.replace(rawName, replacement);
  }

  /** The htmlescape crate's {@code encode_minimal}. */
  private static String encodeMinimal(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#x27;");
  }

  /**
   * The {@code _}-files a notetype uses (rslib notetype/mod.rs, {@code gather_media_names}): CSS
   * imports, then quoted strings, sound tags and unquoted src/data values in the templates.
   */
  public static Set<String> underscoredNames(String css, Iterable<String> templateSides) {
    Set<String> out = new LinkedHashSet<>();
    addFirstGroups(UNDERSCORED_CSS_IMPORTS.matcher(css), out);
    for (String side : templateSides) addFirstGroups(UNDERSCORED_REFERENCES.matcher(side), out);
    return out;
  }

  private static void addFirstGroups(Matcher m, Set<String> out) {
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          out.add(m.group(g));
          break;
        }
      }
    }
  }
}
