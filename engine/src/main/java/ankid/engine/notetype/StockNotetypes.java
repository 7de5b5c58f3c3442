package ankid.engine.notetype;

import ankid.engine.proto.NotetypesProto.Notetype.Config;
import ankid.engine.proto.NotetypesProto.Notetype.Config.CardRequirement;
import ankid.engine.proto.NotetypesProto.Notetype.Config.OriginalStockKind;
import ankid.engine.proto.NotetypesProto.Notetype.Field;
import ankid.engine.proto.NotetypesProto.Notetype.Template;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The six stock notetypes a new collection gets (rslib/src/notetype/stock.rs,
 * {@code all_stock_notetypes}), in order.
 */
public final class StockNotetypes {
  private static final SecureRandom RANDOM = new SecureRandom();

  static final String CSS = ".card {\n    font-family: arial;\n    font-size: 20px;\n    text-align: center;\n"
      + "    color: black;\n    background-color: white;\n}\n";
  static final String CLOZE_CSS = CSS + ".cloze {\n    font-weight: bold;\n    color: blue;\n}\n"
      + ".nightMode .cloze {\n    color: lightblue;\n}\n";
  static final String IO_CSS = "#image-occlusion-canvas {\n    --inactive-shape-color: #ffeba2;\n"
      + "    --active-shape-color: #ff8e8e;\n    --inactive-shape-border: 1px #212121;\n"
      + "    --active-shape-border: 1px #212121;\n    --highlight-shape-color: #ff8e8e00;\n"
      + "    --highlight-shape-border: 1px #ff8e8e;\n}\n\n" + CSS;
  static final String LATEX_PRE = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
      + "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
      + "\\setlength{\\parindent}{0in}\n\\begin{document}\n";
  static final String LATEX_POST = "\\end{document}";
  private static final String BACK = "{{FrontSide}}\n\n<hr id=answer>\n\n";
  static final String IO_FRONT = "{{#Header}}<div>{{Header}}</div>{{/Header}}\n"
      + "<div style=\"display: none\">{{cloze:Occlusion}}</div>\n"
      + "<div id=\"err\"></div>\n"
      + "<div id=\"image-occlusion-container\">\n"
      + "    {{Image}}\n"
      + "    <canvas id=\"image-occlusion-canvas\"></canvas>\n"
      + "</div>\n"
      + "<script>\n"
      + "try {\n"
      + "    anki.imageOcclusion.setup();\n"
      + "} catch (exc) {\n"
      + "    document.getElementById(\"err\").innerHTML = `Error loading image occlusion. Is your Anki version up to date?<br><br>${exc}`;\n"
      + "}\n"
      + "</script>\n";
  static final String IO_BACK = IO_FRONT + "\n<div><button id=\"toggle\">Toggle Masks</button></div>\n"
      + "{{#Back Extra}}<div>{{Back Extra}}</div>{{/Back Extra}}\n";

  private StockNotetypes() {}

  /** Stock notetypes with id 0 (the caller assigns ids); mtime and usn 0 as in a new collection. */
  public static List<Notetype> all() {
    return List.of(basic(), basicAndReversed(), basicOptionalReversed(), basicTyping(), cloze(), imageOcclusion());
  }

  public static Notetype basic() {
    // Stored kinds 1,1,2,3 for the Basic variants reproduce the numbering bug of Anki 23.10–25.09.
    return normal("Basic", OriginalStockKind.ORIGINAL_STOCK_KIND_BASIC, List.of("Front", "Back"),
        List.of(template("Card 1", "{{Front}}", BACK + "{{Back}}")), List.of(req(0, 1, 0)));
  }

  public static Notetype basicAndReversed() {
    return normal("Basic (and reversed card)", OriginalStockKind.ORIGINAL_STOCK_KIND_BASIC, List.of("Front", "Back"),
        List.of(template("Card 1", "{{Front}}", BACK + "{{Back}}"),
            template("Card 2", "{{Back}}", BACK + "{{Front}}")),
        List.of(req(0, 1, 0), req(1, 1, 1)));
  }

  public static Notetype basicOptionalReversed() {
    return normal("Basic (optional reversed card)", OriginalStockKind.ORIGINAL_STOCK_KIND_BASIC_AND_REVERSED,
        List.of("Front", "Back", "Add Reverse"),
        List.of(template("Card 1", "{{Front}}", BACK + "{{Back}}"),
            template("Card 2", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", BACK + "{{Front}}")),
        List.of(req(0, 1, 0), req(1, 2, 1, 2)));
  }

  public static Notetype basicTyping() {
    return normal("Basic (type in the answer)", OriginalStockKind.ORIGINAL_STOCK_KIND_BASIC_OPTIONAL_REVERSED,
        List.of("Front", "Back"),
        List.of(template("Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")),
        List.of(req(0, 1, 0, 1)));
  }

  public static Notetype cloze() {
    List<Notetype.Field> fields = List.of(
        field(0, "Text", 0, true), field(1, "Back Extra", 1, false));
    return build("Cloze", Config.Kind.KIND_CLOZE, OriginalStockKind.ORIGINAL_STOCK_KIND_CLOZE, CLOZE_CSS, fields,
        List.of(template("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")), List.of(req(0, 1, 0)));
  }

  public static Notetype imageOcclusion() {
    List<Notetype.Field> fields = List.of(
        field(0, "Occlusion", 0, true), field(1, "Image", 1, true), field(2, "Header", 2, true),
        field(3, "Back Extra", 3, true), field(4, "Comments", 4, false));
    return build("Image Occlusion", Config.Kind.KIND_CLOZE, OriginalStockKind.ORIGINAL_STOCK_KIND_IMAGE_OCCLUSION,
        IO_CSS, fields, List.of(template("Image Occlusion", IO_FRONT, IO_BACK)), List.of(req(0, 1, 0, 1, 2)));
  }

  private static Notetype normal(String name, OriginalStockKind kind, List<String> fieldNames,
      List<Notetype.Template> templates, List<CardRequirement> reqs) {
    List<Notetype.Field> fields = new ArrayList<>();
    for (int i = 0; i < fieldNames.size(); i++) fields.add(newField(i, fieldNames.get(i)));
    return build(name, Config.Kind.KIND_NORMAL, kind, CSS, fields, templates, reqs);
  }

  private static Notetype build(String name, Config.Kind kind, OriginalStockKind stock, String css,
      List<Notetype.Field> fields, List<Notetype.Template> templates, List<CardRequirement> reqs) {
    Config config = Config.newBuilder()
        .setKind(kind)
        .setCss(css)
        .setLatexPre(LATEX_PRE)
        .setLatexPost(LATEX_POST)
        .addAllReqs(reqs)
        .setOriginalStockKind(stock)
        .build();
    return new Notetype(0, name, 0, 0, config, fields, templates);
  }

  /** A field as Anki creates one: Arial 20 and a random id. */
  public static Notetype.Field newField(int ord, String name) {
    return new Notetype.Field(ord, name,
        Field.Config.newBuilder().setFontName("Arial").setFontSize(20).setId(RANDOM.nextLong()).build());
  }

  private static Notetype.Field field(int ord, String name, int tag, boolean preventDeletion) {
    Notetype.Field f = newField(ord, name);
    return new Notetype.Field(ord, name,
        f.config().toBuilder().setTag(tag).setPreventDeletion(preventDeletion).build());
  }

  /** A template as Anki creates one: a random id, mtime and usn 0 until saved. */
  public static Notetype.Template template(String name, String qfmt, String afmt) {
    return new Notetype.Template(0, name, 0, 0,
        Template.Config.newBuilder().setQFormat(qfmt).setAFormat(afmt).setId(RANDOM.nextLong()).build());
  }

  private static CardRequirement req(int ord, int kind, int... fieldOrds) {
    CardRequirement.Builder b = CardRequirement.newBuilder().setCardOrd(ord).setKindValue(kind);
    for (int f : fieldOrds) b.addFieldOrds(f);
    return b.build();
  }
}
