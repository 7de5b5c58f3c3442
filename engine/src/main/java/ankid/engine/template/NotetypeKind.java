package ankid.engine.template;

/** Notetype kind as stored in {@code Notetype.Config.kind}: 0 normal, 1 cloze. */
public enum NotetypeKind {
  NORMAL,
  CLOZE;

  public static NotetypeKind fromConfig(int kind) {
    return kind == 1 ? CLOZE : NORMAL;
  }
}
