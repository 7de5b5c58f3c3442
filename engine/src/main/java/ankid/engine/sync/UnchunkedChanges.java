package ankid.engine.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Notetypes, decks, presets and tags changed since the last sync, in schema-11 JSON, plus the
 * whole config and the creation time when the sending side is the newer one (rslib
 * sync/collection/changes.rs {@code UnchunkedChanges}).
 */
public record UnchunkedChanges(
    List<JsonNode> notetypes,
    List<JsonNode> decks,
    List<JsonNode> deckConfigs,
    List<String> tags,
    ObjectNode config,
    Long crt) {

  public UnchunkedChanges {
    notetypes = List.copyOf(notetypes);
    decks = List.copyOf(decks);
    deckConfigs = List.copyOf(deckConfigs);
    tags = List.copyOf(tags);
  }

  public int size() {
    return notetypes.size() + decks.size() + deckConfigs.size() + tags.size();
  }
}
