package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Note and tag actions over HTTP (api doc §2.7, §3 items 19–26), checked by real Anki at the end. */
class NoteActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  private static String basic(String front, String back, String extra) {
    return "{\"deckName\":\"Default\",\"modelName\":\"Basic\",\"fields\":{\"Front\":\"" + front + "\",\"Back\":\""
        + back + "\"}" + extra + "}";
  }

  private long add(String spec) throws Exception {
    return server.result("addNote", "{\"note\":" + spec + "}").asLong();
  }

  @Test
  void addNoteReturnsAnIdAndNotesInfoShowsTheNote() throws Exception {
    long id = add("{\"deckName\":\"default\",\"modelName\":\"basic\",\"fields\":{\"front\":\"hello\",\"BACK\":\"world\","
        + "\"Unknown\":\"x\"},\"tags\":[\"b\",\"A\",\"a\"]}");
    JsonNode info = server.result("notesInfo", "{\"notes\":[" + id + ",123," + id + "]}");
    assertThat(info).hasSize(3);
    assertThat(info.get(1)).isEqualTo(json("{}"));
    JsonNode n = info.get(0);
    assertThat(n.get("noteId").asLong()).isEqualTo(id);
    assertThat(n.get("profile").asText()).isEqualTo("User 1");
    assertThat(n.get("modelName").asText()).isEqualTo("Basic");
    assertThat(n.get("tags")).isEqualTo(json("[\"A\",\"b\"]"));
    assertThat(n.get("fields")).isEqualTo(json("{\"Front\":{\"value\":\"hello\",\"order\":0},"
        + "\"Back\":{\"value\":\"world\",\"order\":1}}"));
    assertThat(n.get("cards")).hasSize(1);
    assertThat(info.get(2)).isEqualTo(n);
    assertThat(server.result("notesModTime", "{\"notes\":[" + id + ",5]}"))
        .isEqualTo(json("[{\"noteId\":" + id + ",\"mod\":" + n.get("mod") + "},{}]"));
    assertThat(server.error("notesInfo", "{}")).isEqualTo("Must provide either \"notes\" or a \"query\"");
    // A query wins over ids.
    JsonNode byQuery = server.result("notesInfo", "{\"notes\":[5],\"query\":\"front:hello tag:a\"}");
    assertThat(byQuery).hasSize(1);
    assertThat(byQuery.get(0)).isEqualTo(n);
    assertThat(server.error("notesInfo", "{\"query\":\"(\"}")).startsWith("Invalid search:");
  }

  @Test
  void noteCreationErrorsComeInAnkiConnectsOrder() throws Exception {
    assertThat(server.error("addNote", "{\"note\":{\"deckName\":\"Nope\",\"modelName\":\"Nope\",\"fields\":{}}}"))
        .isEqualTo("model was not found: Nope");
    assertThat(server.error("addNote", "{\"note\":{\"deckName\":\"Nope\",\"fields\":{}}}")).isEqualTo("'modelName'");
    assertThat(server.error("addNote", "{\"note\":{\"deckName\":\"Nope\",\"modelName\":\"Basic\",\"fields\":{}}}"))
        .isEqualTo("deck was not found: Nope");
    assertThat(server.error("addNote", "{\"note\":{\"deckName\":\"Default\",\"modelName\":\"Basic\"}}"))
        .isEqualTo("'fields'");
    assertThat(server.error("addNote", "{\"note\":" + basic("x", "", ",\"options\":{\"allowDuplicate\":1}") + "}"))
        .isEqualTo("option parameter \"allowDuplicate\" must be boolean");
    assertThat(server.error("addNote", "{\"note\":" + basic("x", "",
        ",\"options\":{\"duplicateScopeOptions\":{\"checkChildren\":\"yes\"}}") + "}"))
        .isEqualTo("option parameter \"duplicateScopeOptions.checkChildren\" must be boolean");
    assertThat(server.error("addNote", "{\"note\":" + basic("x", "",
        ",\"options\":{\"duplicateScopeOptions\":{\"checkAllModels\":0}}") + "}"))
        .isEqualTo("option parameter \"duplicateScopeOptions.checkAllModels\" must be boolean");
    assertThat(server.error("addNote", "{\"note\":" + basic(" <br> ", "b", "") + "}"))
        .isEqualTo("cannot create note because it is empty");
    assertThat(server.error("addNote", "{\"note\":{\"deckName\":\"Default\",\"modelName\":\"Cloze\","
        + "\"fields\":{\"Text\":\"no cloze\"}}}")).isEqualTo("cannot create note for unknown reason");
    assertThat(server.error("addNote", "{\"note\":" + basic("{{c1::x}}", "", "") + "}"))
        .isEqualTo("cannot create note for unknown reason");
  }

  @Test
  void duplicatesFollowEveryScopeOption() throws Exception {
    server.result("createDeck", "{\"deck\":\"P::C\"}");
    add("{\"deckName\":\"P::C\",\"modelName\":\"Basic\",\"fields\":{\"Front\":\"<b>dup</b>\"}}");
    String dupe = "cannot create note because it is a duplicate";
    // Default path: same notetype, whole collection, HTML stripped.
    assertThat(server.error("addNote", "{\"note\":" + basic("dup", "", "") + "}")).isEqualTo(dupe);
    add(basic("dup", "", ",\"options\":{\"allowDuplicate\":true}"));
    // Another notetype is not a duplicate unless checkAllModels.
    String reversed = "{\"deckName\":\"Default\",\"modelName\":\"Basic (and reversed card)\",\"fields\":{\"Front\":\"dup\"}";
    assertThat(server.result("canAddNote", "{\"note\":" + reversed + "}}").asBoolean()).isTrue();
    assertThat(server.result("canAddNoteWithErrorDetail", "{\"note\":" + reversed
        + ",\"options\":{\"duplicateScopeOptions\":{\"checkAllModels\":true}}}}"))
        .isEqualTo(json("{\"canAdd\":false,\"error\":\"" + dupe + "\"}"));
    // Deck scope: cards must currently be in the scope deck (children only with checkChildren).
    String inP = "{\"deckName\":\"P\",\"modelName\":\"Basic\",\"fields\":{\"Front\":\"<i>dup</i>\"},\"options\":"
        + "{\"duplicateScope\":\"deck\"";
    JsonNode checks = server.result("canAddNotesWithErrorDetail", "{\"notes\":["
        + inP + "}}," + inP + ",\"duplicateScopeOptions\":{\"checkChildren\":true}}},"
        + inP + ",\"duplicateScopeOptions\":{\"deckName\":\"P::C\"}}},"
        + inP + ",\"duplicateScopeOptions\":{\"deckName\":\"Missing\"}}},"
        + inP + ",\"duplicateScopeOptions\":{\"deckName\":\"Default\"}}}]}");
    assertThat(checks).isEqualTo(json("[{\"canAdd\":true},{\"canAdd\":false,\"error\":\"" + dupe + "\"},"
        + "{\"canAdd\":false,\"error\":\"" + dupe + "\"},{\"canAdd\":true},"
        + "{\"canAdd\":false,\"error\":\"" + dupe + "\"}]"));
    // The custom path tests raw text for emptiness: "<br>" is not empty there.
    assertThat(server.result("canAddNotes", "{\"notes\":[" + basic("<br>", "", ",\"options\":{\"duplicateScope\":\"deck\"}")
        + "," + basic("  ", "", ",\"options\":{\"duplicateScope\":\"deck\"}") + "]}"))
        .isEqualTo(json("[true,false]"));
  }

  @Test
  void addNotesIsAllOrNothingWithAPythonListOfErrors() throws Exception {
    JsonNode ids = server.result("addNotes", "{\"notes\":[" + basic("one", "", "") + "," + basic("two", "", "") + "]}");
    assertThat(ids).hasSize(2);
    assertThat(server.result("addNotes", "{\"notes\":[]}")).isEmpty();
    String error = server.error("addNotes", "{\"notes\":[" + basic("three", "", "") + "," + basic("three", "", "")
        + "," + "{\"deckName\":\"Bob's\",\"modelName\":\"Basic\",\"fields\":{\"Front\":\"x\"}}]}");
    assertThat(error).isEqualTo("['cannot create note because it is a duplicate', \"deck was not found: Bob's\"]");
    assertThat(server.result("canAddNote", "{\"note\":" + basic("three", "", "") + "}").asBoolean()).isTrue();
  }

  @Test
  void updatesKeepOrAddCardsAndMatchFieldNamesExactly() throws Exception {
    long id = add("{\"deckName\":\"Default\",\"modelName\":\"Basic (optional reversed card)\","
        + "\"fields\":{\"Front\":\"f\",\"Back\":\"b\"}}");
    assertThat(server.result("notesInfo", "{\"notes\":[" + id + "]}").get(0).get("cards")).hasSize(1);
    server.result("updateNoteFields", "{\"note\":{\"id\":" + id + ",\"fields\":{\"add reverse\":\"x\",\"Back\":\"B\"}}}");
    JsonNode n = server.result("notesInfo", "{\"notes\":[" + id + "]}").get(0);
    assertThat(n.get("fields").get("Back").get("value").asText()).isEqualTo("B");
    assertThat(n.get("fields").get("Add Reverse").get("value").asText()).isEmpty();
    server.result("updateNote", "{\"note\":{\"id\":" + id + ",\"fields\":{\"Add Reverse\":\"y\"},\"tags\":\"t1 t2\"}}");
    n = server.result("notesInfo", "{\"notes\":[" + id + "]}").get(0);
    assertThat(n.get("cards")).hasSize(2);
    assertThat(n.get("tags")).isEqualTo(json("[\"t1\",\"t2\"]"));
    server.result("updateNoteFields", "{\"note\":{\"id\":" + id + ",\"fields\":{\"Add Reverse\":\"\"}}}");
    assertThat(server.result("notesInfo", "{\"notes\":[" + id + "]}").get(0).get("cards")).hasSize(2);
    assertThat(server.error("updateNote", "{\"note\":{\"id\":" + id + "}}"))
        .isEqualTo("Must provide a \"fields\" or \"tags\" property.");
    assertThat(server.error("updateNoteFields", "{\"note\":{\"id\":1,\"fields\":{}}}")).isEqualTo("Note was not found: 1");
    assertThat(server.error("updateNoteFields", "{\"note\":{\"id\":" + id + "}}")).isEqualTo("'fields'");
  }

  @Test
  void updateNoteModelClearsFieldsAndReplacesTags() throws Exception {
    long id = add(basic("f", "b", ",\"tags\":[\"old\"]"));
    assertThat(server.error("updateNoteModel", "{\"note\":{\"modelName\":\"Cloze\"}}")).isEqualTo("Note ID is required");
    assertThat(server.error("updateNoteModel", "{\"note\":{\"id\":" + id + "}}")).isEqualTo("Model name is required");
    assertThat(server.error("updateNoteModel", "{\"note\":{\"id\":" + id + ",\"modelName\":\"Cloze\",\"fields\":{}}}"))
        .isEqualTo("Fields must be provided as a dictionary");
    assertThat(server.error("updateNoteModel", "{\"note\":{\"id\":1,\"modelName\":\"Cloze\",\"fields\":{\"a\":\"b\"}}}"))
        .isEqualTo("Note was not found: 1");
    assertThat(server.error("updateNoteModel", "{\"note\":{\"id\":" + id + ",\"modelName\":\"Nope\",\"fields\":{\"a\":\"b\"}}}"))
        .isEqualTo("Model 'Nope' not found");
    server.result("updateNoteModel", "{\"note\":{\"id\":" + id + ",\"modelName\":\"Basic (and reversed card)\","
        + "\"fields\":{\"back\":\"B\"},\"tags\":[\"new\"]}}");
    JsonNode n = server.result("notesInfo", "{\"notes\":[" + id + "]}").get(0);
    assertThat(n.get("modelName").asText()).isEqualTo("Basic (and reversed card)");
    assertThat(n.get("fields").get("Front").get("value").asText()).isEmpty();
    assertThat(n.get("fields").get("Back").get("value").asText()).isEqualTo("B");
    assertThat(n.get("tags")).isEqualTo(json("[\"new\"]"));
    assertThat(n.get("cards")).hasSize(2);
  }

  @Test
  void tagActionsCanonicaliseLikeAnki() throws Exception {
    long a = add(basic("a", "", ",\"tags\":[\"Foo::Bar\",\"zeta\"]"));
    long b = add(basic("b", "", ",\"tags\":[\"foo\",\"other\"]"));
    assertThat(server.result("getNoteTags", "{\"note\":" + b + "}")).isEqualTo(json("[\"foo\",\"other\"]"));
    assertThat(server.error("getNoteTags", "{\"note\":7}")).isEqualTo("Note was not found: 7");
    server.result("addTags", "{\"notes\":[" + a + "," + b + ",99],\"tags\":\"new FOO::x\"}");
    assertThat(server.result("getNoteTags", "{\"note\":" + a + "}"))
        .isEqualTo(json("[\"Foo::Bar\",\"foo::x\",\"new\",\"zeta\"]"));
    server.result("removeTags", "{\"notes\":[" + a + "," + b + "],\"tags\":\"foo\"}");
    assertThat(server.result("getNoteTags", "{\"note\":" + a + "}")).isEqualTo(json("[\"new\",\"zeta\"]"));
    assertThat(server.result("getNoteTags", "{\"note\":" + b + "}")).isEqualTo(json("[\"new\",\"other\"]"));
    server.result("addTags", "{\"notes\":[" + b + "],\"tags\":\"other\",\"add\":false}");
    assertThat(server.result("getNoteTags", "{\"note\":" + b + "}")).isEqualTo(json("[\"new\"]"));
    server.result("replaceTags", "{\"notes\":[" + a + "],\"tag_to_replace\":\"NEW\",\"replace_with_tag\":\"fresh\"}");
    assertThat(server.result("getNoteTags", "{\"note\":" + a + "}")).isEqualTo(json("[\"fresh\",\"zeta\"]"));
    server.result("replaceTagsInAllNotes", "{\"tag_to_replace\":\"new\",\"replace_with_tag\":\"n2\"}");
    assertThat(server.result("getNoteTags", "{\"note\":" + b + "}")).isEqualTo(json("[\"n2\"]"));
    server.result("updateNoteTags", "{\"note\":" + b + ",\"tags\":[\"x y\",\"a::\"]}");
    assertThat(server.result("getNoteTags", "{\"note\":" + b + "}")).isEqualTo(json("[\"a::blank\",\"x\",\"y\"]"));
    server.result("updateNoteTags", "{\"note\":" + b + ",\"tags\":\"solo\"}");
    assertThat(server.result("getNoteTags", "{\"note\":" + b + "}")).isEqualTo(json("[\"solo\"]"));
    assertThat(server.error("updateNoteTags", "{\"note\":" + b + ",\"tags\":[1]}"))
        .isEqualTo("Must provide tags as a list of strings");
    assertThat(server.result("getTags", "{}")).contains(json("\"other\""));
    server.result("clearUnusedTags", "{}");
    assertThat(server.result("getTags", "{}")).isEqualTo(json("[\"fresh\",\"solo\",\"zeta\"]"));
  }

  @Test
  void addNotesOfTenThousandNotes() throws Exception {
    StringBuilder notes = new StringBuilder("{\"notes\":[");
    for (int i = 0; i < 10_000; i++) notes.append(i == 0 ? "" : ",").append(basic("front " + i, "back", ",\"tags\":[\"bulk\"]"));
    long start = System.nanoTime();
    JsonNode ids = server.result("addNotes", notes.append("]}").toString());
    System.out.printf("addNotes of 10,000 notes over HTTP took %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void deleteNotesAndRemoveEmptyNotes() throws Exception {
    long a = add(basic("a", "", ""));
    server.result("deleteNotes", "{\"notes\":[" + a + ",42]}");
    assertThat(server.result("notesInfo", "{\"notes\":[" + a + "]}")).isEqualTo(json("[{}]"));
    add(basic("b", "", ""));
    server.result("removeEmptyNotes", "{}");
    java.util.List<String> names = server.collection()
        .read(c -> c.notetypes().all().stream().map(nt -> nt.name()).toList());
    assertThat(names).containsExactly("Basic");
  }

  @Test
  void realAnkiFindsNothingToFixAfterNoteWork() throws Exception {
    SharedFiles.require();
    server.result("createDeck", "{\"deck\":\"Lang::French\"}");
    long a = add("{\"deckName\":\"Lang::French\",\"modelName\":\"Basic (and reversed card)\","
        + "\"fields\":{\"Front\":\"chat\",\"Back\":\"cat\"},\"tags\":[\"animal\",\"Fr::noun\"]}");
    long b = add("{\"deckName\":\"Default\",\"modelName\":\"Cloze\",\"fields\":{\"Text\":\"{{c1::a}} {{c3::b}}\"}}");
    add(basic("123", "", ",\"tags\":[\"gone\"]"));
    server.result("updateNoteFields", "{\"note\":{\"id\":" + b + ",\"fields\":{\"Text\":\"{{c1::a}} {{c2::c}}\"}}}");
    server.result("addTags", "{\"notes\":[" + a + "],\"tags\":\"extra\"}");
    server.result("removeTags", "{\"notes\":[" + a + "],\"tags\":\"fr\"}");
    server.result("replaceTagsInAllNotes", "{\"tag_to_replace\":\"gone\",\"replace_with_tag\":\"here\"}");
    server.result("clearUnusedTags", "{}");
    server.result("deleteNotes", "{\"notes\":[" + a + "]}");
    Path file = server.collectionPath();
    server.close();
    Path copy = Files.copy(file, tmp.resolve("check.anki2"));
    assertThat(Oracle.run("check", copy.toString()).ok().get("problems")).isEmpty();
    JsonNode note = Oracle.run("note", copy.toString(), String.valueOf(b)).ok();
    assertThat(note.get("cardIds")).hasSize(3);
    server = new TestServer(tmp);
  }
}
