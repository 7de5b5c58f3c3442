package ankid.engine.deck;

import ankid.engine.proto.DecksProto;

/**
 * One row of {@code decks}. {@code name} is the human form ({@code A::B}); storage converts to the
 * native {@code \x1f}-separated form.
 */
public record Deck(
    long id, String name, long mtimeSecs, int usn, DecksProto.Deck.Common common, DecksProto.Deck.KindContainer kind) {

  public static final long DEFAULT_ID = 1;

  public boolean isFiltered() {
    return kind.hasFiltered();
  }

  /** The preset id of a normal deck (1 when unset), or 0 for a filtered deck. */
  public long configId() {
    if (isFiltered()) return 0;
    long id = kind.getNormal().getConfigId();
    return id == 0 ? 1 : id;
  }

  public String leafName() {
    return DeckNames.humanLeaf(name);
  }

  public Deck withName(String newName, long mtime) {
    return new Deck(id, newName, mtime, -1, common, kind);
  }

  public Deck withKind(DecksProto.Deck.KindContainer newKind, long mtime) {
    return new Deck(id, name, mtime, -1, common, newKind);
  }

  public Deck withCommon(DecksProto.Deck.Common newCommon, long mtime) {
    return new Deck(id, name, mtime, -1, newCommon, kind);
  }

  /** A new normal deck as Anki creates one: collapsed in both views, preset 1. */
  public static Deck newNormal(long id, String name, long mtime) {
    return new Deck(
        id,
        name,
        mtime,
        -1,
        DecksProto.Deck.Common.newBuilder().setStudyCollapsed(true).setBrowserCollapsed(true).build(),
        DecksProto.Deck.KindContainer.newBuilder()
            .setNormal(DecksProto.Deck.Normal.newBuilder().setConfigId(1))
            .build());
  }
}
