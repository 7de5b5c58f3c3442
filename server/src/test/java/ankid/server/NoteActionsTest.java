package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.notetype.Notetype;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Note and tag actions over HTTP ({@code plugin/__init__.py, AnkiConnect.addNote, notesInfo,
 * updateNote*, *Tags*…}), and real Anki's verdict on the file afterwards.
 */
@ExtendWith(TestServerExtension.class)
class NoteActionsTest {
  private static final String DUPLICATE = "cannot create note because it is a duplicate";

  /** A Basic note spec in deck Default; {@code extra} is appended inside the object. */
  private static String basic(String front, String back, String extra) {
    return """
        {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "%s", "Back": "%s"}%s}
        """.formatted(front, back, extra).strip();
  }

  private static long add(TestServer server, String spec) throws Exception {
    return server.result("addNote", """
        {"note": %s}
        """.formatted(spec)).asLong();
  }

  private static JsonNode info(TestServer server, long id) throws Exception {
    return server.result("notesInfo", """
        {"notes": [%d]}
        """.formatted(id)).get(0);
  }

  private static long helloWorld(TestServer server) throws Exception {
    return add(server, """
        {"deckName": "default", "modelName": "basic",
         "fields": {"front": "hello", "BACK": "world", "Unknown": "x"}, "tags": ["b", "A", "a"]}
        """);
  }

  @Test
  void notesInfoShowsTheNoteUnderItsStoredNamesWithDistinctSortedTags(TestServer server) throws Exception {
    long id = helloWorld(server);
    JsonNode n = info(server, id);
    assertThat(n.get("noteId").asLong()).isEqualTo(id);
    assertThat(n.get("profile").asText()).isEqualTo("User 1");
    assertThat(n.get("modelName").asText()).isEqualTo("Basic");
    assertThat(n.get("tags")).isEqualTo(json("""
        ["A", "b"]
        """));
    assertThat(n.get("fields")).isEqualTo(json("""
        {"Front": {"value": "hello", "order": 0}, "Back": {"value": "world", "order": 1}}
        """));
    assertThat(n.get("cards")).hasSize(1);
  }

  @Test
  void notesInfoAnswersEveryIdInOrderWithEmptyObjectsForUnknownOnes(TestServer server) throws Exception {
    long id = helloWorld(server);
    JsonNode info = server.result("notesInfo", """
        {"notes": [%d, 123, %d]}
        """.formatted(id, id));
    assertThat(info).hasSize(3);
    assertThat(info.get(1)).isEqualTo(json("{}"));
    assertThat(info.get(2)).isEqualTo(info.get(0));
  }

  @Test
  void notesModTimeGivesEmptyObjectsForUnknownIds(TestServer server) throws Exception {
    long id = helloWorld(server);
    assertThat(server.result("notesModTime", """
        {"notes": [%d, 5]}
        """.formatted(id))).isEqualTo(json("""
        [{"noteId": %d, "mod": %s}, {}]
        """.formatted(id, info(server, id).get("mod"))));
  }

  @Test
  void notesInfoNeedsNotesOrAQuery(TestServer server) throws Exception {
    assertThat(server.error("notesInfo", "{}")).isEqualTo("Must provide either \"notes\" or a \"query\"");
  }

  @Test
  void notesInfoPrefersTheQueryToTheIds(TestServer server) throws Exception {
    long id = helloWorld(server);
    JsonNode byQuery = server.result("notesInfo", """
        {"notes": [5], "query": "front:hello tag:a"}
        """);
    assertThat(byQuery).hasSize(1);
    assertThat(byQuery.get(0)).isEqualTo(info(server, id));
  }

  @Test
  void notesInfoOfABadQueryIsASearchError(TestServer server) throws Exception {
    assertThat(server.error("notesInfo", """
        {"query": "("}
        """)).startsWith("Invalid search:");
  }

  static Stream<Arguments> invalidNotes() {
    return Stream.of(
        Arguments.of("""
            {"deckName": "Nope", "modelName": "Nope", "fields": {}}
            """, "model was not found: Nope"),
        Arguments.of("""
            {"deckName": "Nope", "fields": {}}
            """, "'modelName'"),
        Arguments.of("""
            {"deckName": "Nope", "modelName": "Basic", "fields": {}}
            """, "deck was not found: Nope"),
        Arguments.of("""
            {"deckName": "Default", "modelName": "Basic"}
            """, "'fields'"),
        Arguments.of(basic("x", "", """
            , "options": {"allowDuplicate": 1}"""), "option parameter \"allowDuplicate\" must be boolean"),
        Arguments.of(basic("x", "", """
            , "options": {"duplicateScopeOptions": {"checkChildren": "yes"}}"""),
            "option parameter \"duplicateScopeOptions.checkChildren\" must be boolean"),
        Arguments.of(basic("x", "", """
            , "options": {"duplicateScopeOptions": {"checkAllModels": 0}}"""),
            "option parameter \"duplicateScopeOptions.checkAllModels\" must be boolean"),
        Arguments.of(basic(" <br> ", "b", ""), "cannot create note because it is empty"),
        Arguments.of("""
            {"deckName": "Default", "modelName": "Cloze", "fields": {"Text": "no cloze"}}
            """, "cannot create note for unknown reason"),
        Arguments.of(basic("{{c1::x}}", "", ""), "cannot create note for unknown reason"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidNotes")
  void addNoteRefusesAnInvalidNoteWithAnkiConnectsMessageInItsOrder(String spec, String error, TestServer server)
      throws Exception {
    assertThat(server.error("addNote", """
        {"note": %s}
        """.formatted(spec))).isEqualTo(error);
  }

  /** A Basic note "<b>dup</b>" in deck P::C. */
  private static void dupInPChild(TestServer server) throws Exception {
    server.result("createDeck", """
        {"deck": "P::C"}
        """);
    add(server, """
        {"deckName": "P::C", "modelName": "Basic", "fields": {"Front": "<b>dup</b>"}}
        """);
  }

  @Test
  void aFirstFieldEqualAfterHtmlStrippingInTheSameNotetypeIsADuplicate(TestServer server) throws Exception {
    dupInPChild(server);
    assertThat(server.error("addNote", """
        {"note": %s}
        """.formatted(basic("dup", "", "")))).isEqualTo(DUPLICATE);
  }

  @Test
  void allowDuplicateAddsADuplicate(TestServer server) throws Exception {
    dupInPChild(server);
    assertThat(add(server, basic("dup", "", """
        , "options": {"allowDuplicate": true}"""))).isPositive();
  }

  @Test
  void theSameFirstFieldInAnotherNotetypeIsNoDuplicate(TestServer server) throws Exception {
    dupInPChild(server);
    assertThat(server.result("canAddNote", """
        {"note": {"deckName": "Default", "modelName": "Basic (and reversed card)", "fields": {"Front": "dup"}}}
        """).asBoolean()).isTrue();
  }

  @Test
  void checkAllModelsFindsDuplicatesInOtherNotetypes(TestServer server) throws Exception {
    dupInPChild(server);
    assertThat(server.result("canAddNoteWithErrorDetail", """
        {"note": {"deckName": "Default", "modelName": "Basic (and reversed card)", "fields": {"Front": "dup"},
                  "options": {"duplicateScopeOptions": {"checkAllModels": true}}}}
        """)).isEqualTo(json("""
        {"canAdd": false, "error": "cannot create note because it is a duplicate"}
        """));
  }

  @Test
  void theDeckScopeLooksAtCardsInTheScopeDeckAndItsChildrenOnlyWhenAsked(TestServer server) throws Exception {
    dupInPChild(server);
    add(server, basic("dup", "", """
        , "options": {"allowDuplicate": true}"""));
    String inP = """
        {"deckName": "P", "modelName": "Basic", "fields": {"Front": "<i>dup</i>"},
         "options": {"duplicateScope": "deck"%s}}""";
    JsonNode checks = server.result("canAddNotesWithErrorDetail", """
        {"notes": [%s, %s, %s, %s, %s]}
        """.formatted(inP.formatted(""),
        inP.formatted(", \"duplicateScopeOptions\": {\"checkChildren\": true}"),
        inP.formatted(", \"duplicateScopeOptions\": {\"deckName\": \"P::C\"}"),
        inP.formatted(", \"duplicateScopeOptions\": {\"deckName\": \"Missing\"}"),
        inP.formatted(", \"duplicateScopeOptions\": {\"deckName\": \"Default\"}")));
    assertThat(checks).isEqualTo(json("""
        [
          {"canAdd": true},
          {"canAdd": false, "error": "cannot create note because it is a duplicate"},
          {"canAdd": false, "error": "cannot create note because it is a duplicate"},
          {"canAdd": true},
          {"canAdd": false, "error": "cannot create note because it is a duplicate"}
        ]
        """));
  }

  @Test
  void theDeckScopeTestsRawTextForEmptiness(TestServer server) throws Exception {
    String deckScope = """
        , "options": {"duplicateScope": "deck"}""";
    assertThat(server.result("canAddNotes", """
        {"notes": [%s, %s]}
        """.formatted(basic("<br>", "", deckScope), basic("  ", "", deckScope)))).isEqualTo(json("""
        [true, false]
        """));
  }

  @Test
  void addNotesReturnsTheNewIds(TestServer server) throws Exception {
    assertThat(server.result("addNotes", """
        {"notes": [%s, %s]}
        """.formatted(basic("one", "", ""), basic("two", "", "")))).hasSize(2);
  }

  @Test
  void addNotesOfNoNotesIsEmpty(TestServer server) throws Exception {
    assertThat(server.result("addNotes", """
        {"notes": []}
        """)).isEmpty();
  }

  @Test
  void addNotesIsAllOrNothingWithAPythonListOfErrors(TestServer server) throws Exception {
    String error = server.error("addNotes", """
        {"notes": [%s, %s, {"deckName": "Bob's", "modelName": "Basic", "fields": {"Front": "x"}}]}
        """.formatted(basic("three", "", ""), basic("three", "", "")));
    assertThat(error).isEqualTo("['cannot create note because it is a duplicate', \"deck was not found: Bob's\"]");
    assertThat(server.result("canAddNote", """
        {"note": %s}
        """.formatted(basic("three", "", ""))).asBoolean()).isTrue();
  }

  private static long optionalReversed(TestServer server) throws Exception {
    return add(server, """
        {"deckName": "Default", "modelName": "Basic (optional reversed card)", "fields": {"Front": "f", "Back": "b"}}
        """);
  }

  @Test
  void anOptionalReversedNoteWithoutAddReverseHasOneCard(TestServer server) throws Exception {
    assertThat(info(server, optionalReversed(server)).get("cards")).hasSize(1);
  }

  @Test
  void updateNoteFieldsMatchesFieldNamesExactly(TestServer server) throws Exception {
    long id = optionalReversed(server);
    server.result("updateNoteFields", """
        {"note": {"id": %d, "fields": {"add reverse": "x", "Back": "B"}}}
        """.formatted(id));
    JsonNode n = info(server, id);
    assertThat(n.get("fields").get("Back").get("value").asText()).isEqualTo("B");
    assertThat(n.get("fields").get("Add Reverse").get("value").asText()).isEmpty();
  }

  @Test
  void updateNoteAddsTheCardsTheNewContentGeneratesAndSetsTags(TestServer server) throws Exception {
    long id = optionalReversed(server);
    server.result("updateNote", """
        {"note": {"id": %d, "fields": {"Add Reverse": "y"}, "tags": "t1 t2"}}
        """.formatted(id));
    JsonNode n = info(server, id);
    assertThat(n.get("cards")).hasSize(2);
    assertThat(n.get("tags")).isEqualTo(json("""
        ["t1", "t2"]
        """));
  }

  @Test
  void emptyingAFieldKeepsTheCardsItGenerated(TestServer server) throws Exception {
    long id = optionalReversed(server);
    server.result("updateNote", """
        {"note": {"id": %d, "fields": {"Add Reverse": "y"}}}
        """.formatted(id));
    server.result("updateNoteFields", """
        {"note": {"id": %d, "fields": {"Add Reverse": ""}}}
        """.formatted(id));
    assertThat(info(server, id).get("cards")).hasSize(2);
  }

  @Test
  void updateNoteNeedsFieldsOrTags(TestServer server) throws Exception {
    long id = optionalReversed(server);
    assertThat(server.error("updateNote", """
        {"note": {"id": %d}}
        """.formatted(id))).isEqualTo("Must provide a \"fields\" or \"tags\" property.");
  }

  @Test
  void updateNoteFieldsOfAnUnknownNoteIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("updateNoteFields", """
        {"note": {"id": 1, "fields": {}}}
        """)).isEqualTo("Note was not found: 1");
  }

  @Test
  void updateNoteFieldsNeedsFields(TestServer server) throws Exception {
    long id = optionalReversed(server);
    assertThat(server.error("updateNoteFields", """
        {"note": {"id": %d}}
        """.formatted(id))).isEqualTo("'fields'");
  }

  @Test
  void updateNoteModelNeedsANoteId(TestServer server) throws Exception {
    assertThat(server.error("updateNoteModel", """
        {"note": {"modelName": "Cloze"}}
        """)).isEqualTo("Note ID is required");
  }

  @Test
  void updateNoteModelNeedsAModelName(TestServer server) throws Exception {
    long id = add(server, basic("f", "b", ""));
    assertThat(server.error("updateNoteModel", """
        {"note": {"id": %d}}
        """.formatted(id))).isEqualTo("Model name is required");
  }

  @Test
  void updateNoteModelNeedsSomeFields(TestServer server) throws Exception {
    long id = add(server, basic("f", "b", ""));
    assertThat(server.error("updateNoteModel", """
        {"note": {"id": %d, "modelName": "Cloze", "fields": {}}}
        """.formatted(id))).isEqualTo("Fields must be provided as a dictionary");
  }

  @Test
  void updateNoteModelOfAnUnknownNoteIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("updateNoteModel", """
        {"note": {"id": 1, "modelName": "Cloze", "fields": {"a": "b"}}}
        """)).isEqualTo("Note was not found: 1");
  }

  @Test
  void updateNoteModelToAnUnknownModelIsNotFound(TestServer server) throws Exception {
    long id = add(server, basic("f", "b", ""));
    assertThat(server.error("updateNoteModel", """
        {"note": {"id": %d, "modelName": "Nope", "fields": {"a": "b"}}}
        """.formatted(id))).isEqualTo("Model 'Nope' not found");
  }

  @Test
  void updateNoteModelKeepsOnlyTheGivenFieldsAndReplacesTheTags(TestServer server) throws Exception {
    long id = add(server, basic("f", "b", """
        , "tags": ["old"]"""));
    server.result("updateNoteModel", """
        {"note": {"id": %d, "modelName": "Basic (and reversed card)", "fields": {"back": "B"}, "tags": ["new"]}}
        """.formatted(id));
    JsonNode n = info(server, id);
    assertThat(n.get("modelName").asText()).isEqualTo("Basic (and reversed card)");
    assertThat(n.get("fields").get("Front").get("value").asText()).isEmpty();
    assertThat(n.get("fields").get("Back").get("value").asText()).isEqualTo("B");
    assertThat(n.get("tags")).isEqualTo(json("""
        ["new"]
        """));
    assertThat(n.get("cards")).hasSize(2);
  }

  private static long tagged(TestServer server, String front, String tags) throws Exception {
    return add(server, basic(front, "", """
        , "tags": %s""".formatted(tags)));
  }

  private static JsonNode tagsOf(TestServer server, long note) throws Exception {
    return server.result("getNoteTags", """
        {"note": %d}
        """.formatted(note));
  }

  @Test
  void getNoteTagsListsTheNotesTags(TestServer server) throws Exception {
    long b = tagged(server, "b", "[\"foo\", \"other\"]");
    assertThat(tagsOf(server, b)).isEqualTo(json("""
        ["foo", "other"]
        """));
  }

  @Test
  void getNoteTagsOfAnUnknownNoteIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("getNoteTags", """
        {"note": 7}
        """)).isEqualTo("Note was not found: 7");
  }

  @Test
  void addTagsTakesTheCaseOfAnExistingTagAndSkipsUnknownNotes(TestServer server) throws Exception {
    long a = tagged(server, "a", "[\"Foo::Bar\", \"zeta\"]");
    long b = tagged(server, "b", "[\"foo\", \"other\"]");
    server.result("addTags", """
        {"notes": [%d, %d, 99], "tags": "new FOO::x"}
        """.formatted(a, b));
    assertThat(tagsOf(server, a)).isEqualTo(json("""
        ["Foo::Bar", "foo::x", "new", "zeta"]
        """));
  }

  @Test
  void removeTagsRemovesTheTagWithItsChildrenInAnyCase(TestServer server) throws Exception {
    long a = tagged(server, "a", "[\"Foo::Bar\", \"foo::x\", \"new\", \"zeta\"]");
    long b = tagged(server, "b", "[\"foo\", \"new\", \"other\"]");
    server.result("removeTags", """
        {"notes": [%d, %d], "tags": "foo"}
        """.formatted(a, b));
    assertThat(tagsOf(server, a)).isEqualTo(json("""
        ["new", "zeta"]
        """));
    assertThat(tagsOf(server, b)).isEqualTo(json("""
        ["new", "other"]
        """));
  }

  @Test
  void addTagsWithAddFalseRemovesThem(TestServer server) throws Exception {
    long b = tagged(server, "b", "[\"new\", \"other\"]");
    server.result("addTags", """
        {"notes": [%d], "tags": "other", "add": false}
        """.formatted(b));
    assertThat(tagsOf(server, b)).isEqualTo(json("""
        ["new"]
        """));
  }

  @Test
  void replaceTagsMatchesTheTagInAnyCase(TestServer server) throws Exception {
    long a = tagged(server, "a", "[\"new\", \"zeta\"]");
    server.result("replaceTags", """
        {"notes": [%d], "tag_to_replace": "NEW", "replace_with_tag": "fresh"}
        """.formatted(a));
    assertThat(tagsOf(server, a)).isEqualTo(json("""
        ["fresh", "zeta"]
        """));
  }

  @Test
  void replaceTagsInAllNotesReachesEveryNote(TestServer server) throws Exception {
    long b = tagged(server, "b", "[\"new\"]");
    server.result("replaceTagsInAllNotes", """
        {"tag_to_replace": "new", "replace_with_tag": "n2"}
        """);
    assertThat(tagsOf(server, b)).isEqualTo(json("""
        ["n2"]
        """));
  }

  @Test
  void updateNoteTagsSplitsOnSpacesAndNamesEmptyComponentsBlank(TestServer server) throws Exception {
    long b = tagged(server, "b", "[\"n2\"]");
    server.result("updateNoteTags", """
        {"note": %d, "tags": ["x y", "a::"]}
        """.formatted(b));
    assertThat(tagsOf(server, b)).isEqualTo(json("""
        ["a::blank", "x", "y"]
        """));
  }

  @Test
  void updateNoteTagsTakesOneString(TestServer server) throws Exception {
    long b = tagged(server, "b", "[\"n2\"]");
    server.result("updateNoteTags", """
        {"note": %d, "tags": "solo"}
        """.formatted(b));
    assertThat(tagsOf(server, b)).isEqualTo(json("""
        ["solo"]
        """));
  }

  @Test
  void updateNoteTagsNeedsStrings(TestServer server) throws Exception {
    long b = tagged(server, "b", "[\"n2\"]");
    assertThat(server.error("updateNoteTags", """
        {"note": %d, "tags": [1]}
        """.formatted(b))).isEqualTo("Must provide tags as a list of strings");
  }

  @Test
  void getTagsKeepsUnusedTagsUntilTheyAreCleared(TestServer server) throws Exception {
    tagged(server, "a", "[\"fresh\", \"zeta\"]");
    long b = tagged(server, "b", "[\"other\"]");
    server.result("updateNoteTags", """
        {"note": %d, "tags": "solo"}
        """.formatted(b));
    assertThat(server.result("getTags", "{}")).contains(json("\"other\""));
    server.result("clearUnusedTags", "{}");
    assertThat(server.result("getTags", "{}")).isEqualTo(json("""
        ["fresh", "solo", "zeta"]
        """));
  }

  @Test
  void addNotesTakesTenThousandNotesInOneRequest(TestServer server) throws Exception {
    StringBuilder notes = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      notes.append(i == 0 ? "" : ",").append(basic("front " + i, "back", """
          , "tags": ["bulk"]"""));
    }
    long start = System.nanoTime();
    JsonNode ids = server.result("addNotes", """
        {"notes": [%s]}
        """.formatted(notes));
    System.out.printf("addNotes of 10,000 notes over HTTP took %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void deleteNotesRemovesTheNotesAndSkipsUnknownIds(TestServer server) throws Exception {
    long a = add(server, basic("a", "", ""));
    server.result("deleteNotes", """
        {"notes": [%d, 42]}
        """.formatted(a));
    assertThat(server.result("notesInfo", """
        {"notes": [%d]}
        """.formatted(a))).isEqualTo(json("[{}]"));
  }

  @Test
  void removeEmptyNotesRemovesTheNotetypesWithoutNotes(TestServer server) throws Exception {
    add(server, basic("b", "", ""));
    server.result("removeEmptyNotes", "{}");
    List<String> names = server.collection().read(c -> c.notetypes().all().stream().map(Notetype::name).toList());
    assertThat(names).containsExactly("Basic");
  }

  @Test
  void realAnkiFindsNothingToFixAfterNoteWork(TestServer server, @TempDir Path tmp) throws Exception {
    SharedFiles.require();
    server.result("createDeck", """
        {"deck": "Lang::French"}
        """);
    long a = add(server, """
        {"deckName": "Lang::French", "modelName": "Basic (and reversed card)",
         "fields": {"Front": "chat", "Back": "cat"}, "tags": ["animal", "Fr::noun"]}
        """);
    long b = add(server, """
        {"deckName": "Default", "modelName": "Cloze", "fields": {"Text": "{{c1::a}} {{c3::b}}"}}
        """);
    tagged(server, "123", "[\"gone\"]");
    server.result("updateNoteFields", """
        {"note": {"id": %d, "fields": {"Text": "{{c1::a}} {{c2::c}}"}}}
        """.formatted(b));
    server.result("addTags", """
        {"notes": [%d], "tags": "extra"}
        """.formatted(a));
    server.result("removeTags", """
        {"notes": [%d], "tags": "fr"}
        """.formatted(a));
    server.result("replaceTagsInAllNotes", """
        {"tag_to_replace": "gone", "replace_with_tag": "here"}
        """);
    server.result("clearUnusedTags", "{}");
    server.result("deleteNotes", """
        {"notes": [%d]}
        """.formatted(a));
    server.stop();
    Path copy = Files.copy(server.collectionPath(), tmp.resolve("check.anki2"));
    assertThat(Oracle.run("check", copy.toString()).ok().get("problems")).isEmpty();
    assertThat(Oracle.run("note", copy.toString(), String.valueOf(b)).ok().get("cardIds")).hasSize(3);
  }
}
