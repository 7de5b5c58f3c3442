package ankid.server.gate;

import ankid.engine.Collection;
import ankid.engine.storage.RowChanges;
import ankid.engine.summary.CardLine;
import ankid.engine.summary.NoteLine;
import ankid.server.api.ActionRegistry;
import ankid.server.api.ActionRegistry.BoundCall;
import ankid.server.api.ApiError;
import ankid.server.api.Effect;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How each action is previewed. An action whose work stays inside the collection database is run
 * ahead in a transaction that is rolled back ({@link Collection#dryRun}), so its preview counts
 * exactly what it will change and names the notes, cards and decks it touches; an action that also
 * touches files, the network or the server is described from its parameters alone. An action with
 * no entry here gets the generic, parameters-only preview, so a newly added action is never run
 * ahead by accident.
 */
public final class Previews {
  /** Table names in the words of Anki's interface. */
  private static final Map<String, String> LABELS = labels();

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("notes", "notes");
    m.put("cards", "cards");
    m.put("decks", "decks");
    m.put("deck_config", "presets");
    m.put("notetypes", "notetypes");
    m.put("fields", "fields");
    m.put("templates", "card types");
    m.put("revlog", "reviews");
    m.put("tags", "tags");
    return m;
  }

  private record Entry(Predicate<BoundCall> runAhead, Previewer previewer) {}

  private final Map<String, Entry> entries = new HashMap<>();

  /** The previews of every action ankid has. */
  public static Previews standard() {
    Previews p = new Previews();
    NotePreviews.register(p);
    TagPreviews.register(p);
    CardPreviews.register(p);
    DeckPreviews.register(p);
    ModelPreviews.register(p);
    MiscPreviews.register(p);
    GuiPreviews.register(p);
    PackagePreviews.register(p);
    return p;
  }

  /** An action whose work stays inside the collection database: previewed by a rolled-back run. */
  public void inCollection(String action, Previewer previewer) {
    put(action, call -> true, previewer);
  }

  /** Like {@link #inCollection}, except for calls that also touch files or the network. */
  public void inCollectionUnless(String action, Predicate<BoundCall> outside, Previewer previewer) {
    put(action, outside.negate(), previewer);
  }

  /** An action that touches files, the network or the server: described from its parameters. */
  public void outside(String action, Previewer previewer) {
    put(action, call -> false, previewer);
  }

  private void put(String action, Predicate<BoundCall> runAhead, Previewer previewer) {
    if (entries.put(action, new Entry(runAhead, previewer)) != null) {
      throw new IllegalStateException("two previews for " + action);
    }
  }

  public boolean has(String action) {
    return entries.containsKey(action);
  }

  /**
   * The preview of one bound call. A call that fails when run ahead throws what the action would
   * throw, so the client gets the action's own error instead of a confirmation it cannot use.
   */
  Preview preview(BoundCall call, ActionRegistry registry, CollectionAccess collection, ObjectMapper json) {
    Entry entry = entries.getOrDefault(call.name(), new Entry(c -> false, Previews::generic));
    ObjectNode d = json.createObjectNode();
    d.put("action", call.name());
    d.put("effect", call.action().effect().wireName());
    if (entry.runAhead().test(call)) {
      collection.with(col -> {
        RowChanges changes = col.dryRun(c -> invoke(registry, call)).changes();
        return col.read(c -> describe(entry.previewer(), new Facts(call, changes, c), d));
      });
    } else if (call.action().effect() == Effect.READ_ONLY) {
      describe(entry.previewer(), new Facts(call, null, null), d);
    } else {
      try {
        collection.with(col -> col.read(c -> describe(entry.previewer(), new Facts(call, null, c), d)));
      } catch (ApiError noCollection) {
        describe(entry.previewer(), new Facts(call, null, null), d);
      }
    }
    if (!entries.containsKey(call.name())) d.set("params", json.valueToTree(paramsOf(call)));
    return new Preview(d.get("intent").asText(), d);
  }

  private static Object invoke(ActionRegistry registry, BoundCall call) {
    try {
      return registry.invoke(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode describe(Previewer previewer, Facts facts, ObjectNode d) {
    d.put("intent", previewer.intent(facts));
    if (facts.changes() != null) describeChanges(facts.changes(), facts.col(), d);
    previewer.details(facts, d);
    return d;
  }

  private static Map<String, Object> paramsOf(BoundCall call) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < call.action().params().size(); i++) m.put(call.action().params().get(i).name(), call.args().get(i));
    return m;
  }

  /** Counts per table, the first touched notes and cards, and how many touched cards each deck holds. */
  private static void describeChanges(RowChanges changes, Collection col, ObjectNode d) {
    ObjectNode counts = d.putObject("changes");
    LABELS.forEach((table, label) -> {
      RowChanges.Counts c = net(table, changes);
      if (c.isEmpty()) return;
      ObjectNode o = counts.putObject(label);
      if (c.inserted() > 0) o.put("added", c.inserted());
      if (c.updated() > 0) o.put("changed", c.updated());
      if (c.deleted() > 0) o.put("deleted", c.deleted());
    });
    if (changes.notes().count() > 0) {
      ArrayNode notes = d.putArray("notes");
      for (NoteLine n : col.summaries().notes(changes.notes().firstIds())) {
        notes.addObject().put("id", n.id()).put("notetype", n.notetype()).put("text", n.sortField());
      }
      if (notes.isEmpty()) d.remove("notes");
    }
    if (changes.cards().count() > 0) {
      ArrayNode cards = d.putArray("cards");
      for (CardLine c : col.summaries().cards(changes.cards().firstIds())) {
        cards.addObject().put("id", c.id()).put("note", c.noteId()).put("deck", c.deck())
            .put("cardType", c.template()).put("text", c.sortField()).put("state", c.state());
      }
      if (cards.isEmpty()) d.remove("cards");
      ArrayNode decks = d.putArray("decks");
      changes.cardsPerDeck().entrySet().stream()
          .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> decks.addObject().put("deck", col.summaries().deckName(e.getKey())).put("cards", e.getValue()));
    }
  }

  /**
   * Counts as a person would count them: notes and cards changed once however often they were
   * saved; fields and card types, which a notetype save rewrites wholesale, by how many more or
   * fewer there are afterwards.
   */
  private static RowChanges.Counts net(String table, RowChanges changes) {
    RowChanges.Counts c = changes.of(table);
    return switch (table) {
      case "notes", "cards" -> {
        RowChanges.Touched touched = table.equals("notes") ? changes.notes() : changes.cards();
        yield new RowChanges.Counts(c.inserted(), Math.max(0, touched.count() - c.inserted() - c.deleted()), c.deleted());
      }
      case "fields", "templates" -> {
        int net = c.inserted() - c.deleted();
        yield new RowChanges.Counts(Math.max(0, net), 0, Math.max(0, -net));
      }
      default -> c;
    };
  }

  /** For actions without a preview of their own. */
  private static String generic(Facts f) {
    Effect effect = f.call().action().effect();
    if (effect == Effect.READ_ONLY) return "run " + f.call().name() + ", which only reads (changes nothing)";
    return "run " + f.call().name() + " (" + effect.wireName() + ") with the parameters shown";
  }
}
