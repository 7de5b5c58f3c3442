package ankid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Note text and tags for the benchmark collection: words from several scripts (accents, CJK,
 * Greek, ß), the HTML that real notes carry (formatting, line breaks, entities, images, sound), and
 * hierarchical tags whose frequencies are skewed like a real deck's.
 */
public final class BenchText {
  private static final String[] WORDS = {
    "casa", "perro", "gato", "libro", "agua", "fuego", "tierra", "viento", "café", "niño", "corazón",
    "canción", "señal", "pingüino", "naïve", "résumé", "crème", "brûlée", "Straße", "Fußball", "größe",
    "日本", "学校", "先生", "電車", "ありがとう", "こんにちは", "Ελλάδα", "θάλασσα", "Москва", "книга",
    "house", "dog", "cat", "book", "water", "fire", "earth", "wind", "heart", "song", "signal", "penguin",
    "the", "of", "and", "a", "to", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are", "as",
    "mitochondria", "photosynthesis", "amoxicillin", "ibuprofen", "tachycardia", "bradycardia",
    "amigo", "año", "Paris", "Madrid", "Tokyo", "Berlin", "Lisbon", "Kyoto", "Athens", "Cairo", "Nairobi", "Lima",
  };
  private static final String[] PHRASES = {
    "the quick brown fox", "once upon a time", "in the middle of the night", "por favor",
    "buenos días", "mucho gusto", "auf Wiedersehen", "s'il vous plaît",
  };
  private static final String[] TAGS = {
    "lang::spanish::verbs", "lang::spanish::nouns", "lang::spanish::grammar::subjunctive",
    "lang::japanese::kanji::n5", "lang::japanese::kanji::n4", "lang::japanese::vocab", "lang::german",
    "geo::europe::capitals", "geo::asia::capitals", "geo::africa", "med::pharm::antibiotics",
    "med::pharm::nsaids", "med::cardio", "science::biology::cell", "science::chemistry", "leech", "marked",
    "grammar", "grammar::verbs", "grammar::tenses::past", "unit01", "unit02", "unit03", "unit04", "unit05",
    "Ü::umlaut", "difficult", "review_later",
  };

  private final RandomGenerator random;

  public BenchText(RandomGenerator random) {
    this.random = random;
  }

  /** A short field of a few words, sometimes formatted. */
  public String shortField() {
    String text = words(1 + random.nextInt(3));
    return switch (random.nextInt(10)) {
      case 0 -> "<b>" + text + "</b>";
      case 1 -> "<i>" + text + "</i>&nbsp;";
      case 2 -> text + "<br>";
      default -> text;
    };
  }

  /** A longer field: sentences with markup, entities, and now and then media. */
  public String longField() {
    StringBuilder sb = new StringBuilder();
    int sentences = 1 + random.nextInt(3);
    for (int i = 0; i < sentences; i++) {
      if (i > 0) sb.append(random.nextInt(3) == 0 ? "<br>" : " ");
      if (random.nextInt(6) == 0) sb.append(PHRASES[random.nextInt(PHRASES.length)]).append(' ');
      sb.append(capitalized(words(4 + random.nextInt(10)))).append('.');
    }
    switch (random.nextInt(12)) {
      case 0 -> sb.append("<div><img src=\"img").append(random.nextInt(5000)).append(".jpg\"></div>");
      case 1 -> sb.append(" [sound:audio").append(random.nextInt(5000)).append(".mp3]");
      case 2 -> sb.insert(0, "<span style=\"color: rgb(255, 0, 0);\">").append("</span>");
      case 3 -> sb.append(" &lt;tag&gt; &amp; more");
      default -> { }
    }
    return sb.toString();
  }

  /** Cloze text with 1–3 deletions, one of them with a hint now and then. */
  public String clozeField() {
    int count = 1 + random.nextInt(3);
    StringBuilder sb = new StringBuilder(words(2 + random.nextInt(4)));
    for (int n = 1; n <= count; n++) {
      sb.append(" {{c").append(n).append("::").append(words(1 + random.nextInt(2)));
      if (random.nextInt(4) == 0) sb.append("::hint");
      sb.append("}} ").append(words(1 + random.nextInt(5)));
    }
    return sb.toString();
  }

  /** 0–3 distinct tags, the early ones in {@link #TAGS} more frequent. */
  public List<String> tags() {
    int count = random.nextInt(4);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int idx = (int) (TAGS.length * Math.pow(random.nextDouble(), 1.5));
      if (!out.contains(TAGS[idx])) out.add(TAGS[idx]);
    }
    return out;
  }

  private String words(int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(' ');
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
