package ankid.server.api;

import static ankid.server.api.Effect.READ_ONLY;

import ankid.server.Profiles;
import java.util.List;

/**
 * findCards and findNotes ({@code plugin/__init__.py, AnkiConnect.findCards, findNotes}): Anki's
 * search, ids unsorted.
 */
public final class SearchActions {
  private final Profiles profiles;

  public SearchActions(Profiles profiles) {
    this.profiles = profiles;
  }

  /** An absent query finds nothing; an empty one finds everything, as in Anki. */
  @Action(effect = READ_ONLY)
  public List<Long> findCards(@Param(value = "query", dflt = "null") String query) {
    if (query == null) return List.of();
    return profiles.collection().read(c -> c.findCards(query));
  }

  @Action(effect = READ_ONLY)
  public List<Long> findNotes(@Param(value = "query", dflt = "null") String query) {
    if (query == null) return List.of();
    return profiles.collection().read(c -> c.findNotes(query));
  }
}
