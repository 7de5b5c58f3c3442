package ankid.engine.dbcheck;

import ankid.engine.Collection;
import ankid.engine.notetype.Notetype;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A small collection made by ankid and the SQL that breaks it in each way Check Database knows.
 * The statements name rows through subqueries on the notes' first fields, so they work on any
 * copy.
 */
final class BrokenCollections {
  /** The note "hello" (Basic, Default deck, tags t1 and Parent::child) and its one card. */
  static final String HELLO = "(select id from notes where flds like 'hello%')";
  static final String HELLO_CARD = "(select id from cards where nid = " + HELLO + ")";
  /** The note "cat" (Basic (and reversed card), deck Lang::French) with cards of ord 0 and 1. */
  static final String CAT = "(select id from notes where flds like 'cat%')";
  static final String CAT_CARD = "(select id from cards where nid = " + CAT + " and ord = 0)";
  /** The cloze note "El …" with cards of ord 0 and 1 in Lang::French. */
  static final String CLOZE = "(select id from notes where flds like 'El %')";
  /** The note "answered" (Basic, Default), answered Good once: a learning card with one review. */
  static final String ANSWERED_CARD = "(select id from cards where nid = (select id from notes where flds like 'answered%'))";
  static final String BASIC = "(select id from notetypes where name = 'Basic')";
  static final String FRENCH = "(select id from decks where name = 'Lang' || char(31) || 'French')";

  private BrokenCollections() {}

  /** Writes the intact collection to {@code file}. */
  static Path create(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      col.write(c -> {
        long french = c.decks().idForName("Lang::French");
        add(c, "Basic", 1, List.of("hello", "world"), List.of("t1", "Parent::child"));
        add(c, "Basic (and reversed card)", french, List.of("cat", "chat"), List.of());
        add(c, "Cloze", french, List.of("El {{c1::niño}} come {{c2::pan}}", ""), List.of("cloze"));
        long answered = add(c, "Basic", 1, List.of("answered", "yes"), List.of());
        c.scheduling().answer(c.notes().cardIds(answered).get(0), 3);
        return null;
      });
    }
    return file;
  }

  private static long add(Collection c, String notetype, long deck, List<String> fields, List<String> tags) {
    Notetype nt = c.notetypes().byName(notetype).orElseThrow();
    return c.notes().add(c.notes().draft(nt, fields, tags), deck).id();
  }

  /** Runs statements on a collection file through ankid's connection (the unicase collation is there). */
  static void breakWith(Path file, String... statements) {
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      for (String sql : statements) col.db().exec(sql);
    }
  }
}
