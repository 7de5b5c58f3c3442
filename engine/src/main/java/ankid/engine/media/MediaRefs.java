package ankid.engine.media;

import ankid.engine.note.HtmlEntities;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
}
