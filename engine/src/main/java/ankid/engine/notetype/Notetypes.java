package ankid.engine.notetype;

import ankid.engine.Collection;
import java.util.List;
import java.util.Optional;

/** Notetype lookups and writes. */
public final class Notetypes {
  private final Collection col;
  private final NotetypeStore store;

  public Notetypes(Collection col) {
    this.col = col;
    this.store = new NotetypeStore(col.db());
  }

  public NotetypeStore store() {
    return store;
  }

  public List<Notetype> all() {
    return store.ids().stream().map(id -> store.get(id).orElseThrow()).toList();
  }

  public Optional<Notetype> get(long id) {
    return store.get(id);
  }

  public Optional<Notetype> byName(String name) {
    return store.idByName(name).flatMap(store::get);
  }

  /** Adds a notetype under a fresh id, its fields and templates stamped like Anki's new ones. */
  public Notetype add(Notetype nt) {
    Notetype withId = new Notetype(col.newId("notetypes"), nt.name(), nt.mtimeSecs(), nt.usn(),
        nt.config(), nt.fields(), nt.templates());
    store.put(withId);
    return withId;
  }

  public void put(Notetype nt) {
    store.put(nt);
  }

  /** Deleting a notetype is a schema change in Anki (no grave type exists for it). */
  public void delete(long id) {
    store.delete(id);
    col.markSchemaModified();
  }
}
