package ankid.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Anki's own collation: strings are written into a plain table of a
 * collection made by the real engine, and the engine compares and sorts them with {@code collate
 * unicase}.
 */
class UnicaseOracleTest {
  /** Characters chosen to hit every folding category (and the ones that must not fold). */
  private static final int[] POOL = {
    'a', 'A', 'b', 'B', 'f', 'F', 'i', 'I', 'k', 'K', 'l', 'L', 's', 'S', 't', 'T', 'z', 'Z', '_', '0',
    ' ', ':', '@', '[', '`', '{', '~', 0x7F,
    0xC0, 0xE0, 0xC4, 0xE4, 0xC9, 0xE9, 0xDF, 0x1E9E, 0xB5, 0x3BC, 0x17F, 0x130, 0x131, 0x149, 0x1F0,
    0x1C4, 0x1C5, 0x1C6, 0x3A3, 0x3C2, 0x3C3, 0x390, 0x3B0, 0x3B9, 0x3B1, 0x342, 0x301, 0x308,
    0x1F52, 0x1FB7, 0x1FC7, 0x1FF7, 0x1FD2, 0xFB00, 0xFB01, 0xFB03, 0xFB04, 0xFB05, 0xFB06,
    0x212A, 0x2126, 0x212B, 0x410, 0x430, 0x401, 0x451, 0x10A0, 0x2D00, 0x1C90, 0x10D0,
    0x13A0, 0xAB70, 0x13F8, 0x13F0, 0x24B6, 0x24D0, 0xFF21, 0xFF41, 0x587, 0x1E9A, 0xA7C4, 0xA794,
    0xA7C9, 0xA7CA, 0xA7F5, 0xA7C0, 0x2C2F, 0x10400, 0x10428, 0x104B0, 0x104D8, 0x16E40, 0x16E60,
    0x1E900, 0x1E922, 0x10570, 0x10597, 0xE000, 0xFFFD, 0xFFFF, 0x1F600, 0x4E2D, 0x65E5,
  };

  @Test
  void comparisonsAndOrderAgreeWithAnki(@TempDir Path dir) throws Exception {
    SharedFiles.require();
    Random random = new Random(20261127);
    List<String[]> pairs = new ArrayList<>();
    for (int[] cps : curatedPairs()) pairs.add(new String[] {str(cps[0]), str(cps[1])});
    for (int i = 0; i < 4000; i++) {
      String a = randomString(random);
      String b = random.nextInt(3) == 0 ? randomString(random) : caseVariant(a, random);
      pairs.add(new String[] {a, b});
    }
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 1500; i++) words.add(randomString(random));

    Path col = dir.resolve("c.anki2");
    Oracle.run("new", col.toString()).ok();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + col)) {
      try (Statement st = c.createStatement()) {
        st.execute("create table p (i integer primary key, a text, b text)");
        st.execute("create table w (x text)");
      }
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("insert into p values (?, ?, ?)")) {
        for (int i = 0; i < pairs.size(); i++) {
          ps.setInt(1, i);
          ps.setString(2, pairs.get(i)[0]);
          ps.setString(3, pairs.get(i)[1]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement("insert into w values (?)")) {
        for (String w : words) {
          ps.setString(1, w);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }

    JsonNode rows = Oracle.run("sql", col.toString(),
        "select i, case when a = b collate unicase then 0 when a < b collate unicase then -1 else 1 end"
            + " from p order by i").ok().get("rows");
    assertThat(rows.size()).isEqualTo(pairs.size());
    List<String> mismatches = new ArrayList<>();
    for (JsonNode row : rows) {
      String[] p = pairs.get(row.get(0).asInt());
      int ours = Integer.signum(Unicase.compare(p[0], p[1]));
      if (ours != row.get(1).asInt()) mismatches.add(describe(p) + " anki=" + row.get(1) + " ours=" + ours);
    }
    assertThat(mismatches).isEmpty();

    JsonNode sorted = Oracle.run("sql", col.toString(), "select x from w order by x collate unicase, x")
        .ok().get("rows");
    List<String> anki = new ArrayList<>();
    for (JsonNode row : sorted) anki.add(row.get(0).asText());
    List<String> ours = new ArrayList<>(words);
    // SQLite's BINARY tie-break is UTF-8 byte order, i.e. code point order.
    Comparator<String> unicase = Unicase::compare;
    ours.sort(unicase.thenComparing(UnicaseTest::codePointCompare));
    assertThat(ours).isEqualTo(anki);
  }

  /** Every character of the pool against its upper, lower and folded forms and its neighbours. */
  private static List<int[]> curatedPairs() {
    List<int[]> out = new ArrayList<>();
    for (int a : POOL) {
      for (int b : POOL) out.add(new int[] {a, b});
    }
    return out;
  }

  private static String randomString(Random random) {
    StringBuilder sb = new StringBuilder();
    int len = 1 + random.nextInt(6);
    for (int i = 0; i < len; i++) {
      int pick = random.nextInt(10);
      if (pick < 6) {
        sb.appendCodePoint(POOL[random.nextInt(POOL.length)]);
      } else if (pick < 9) {
        sb.appendCodePoint(0x20 + random.nextInt(0x5F));
      } else {
        int cp;
        do {
          cp = 0x80 + random.nextInt(0x1FF80);
        } while (Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.SURROGATE);
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  private static String caseVariant(String s, Random random) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      switch (random.nextInt(4)) {
        case 0 -> sb.appendCodePoint(Character.toUpperCase(cp));
        case 1 -> sb.appendCodePoint(Character.toLowerCase(cp));
        case 2 -> sb.append(Unicase.fold(str(cp)));
        default -> sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  private static String str(int cp) {
    return new String(Character.toChars(cp));
  }

  private static String describe(String[] p) {
    return hex(p[0]) + " vs " + hex(p[1]);
  }

  private static String hex(String s) {
    StringBuilder sb = new StringBuilder("[");
    s.codePoints().forEach(cp -> sb.append(String.format(" U+%04X", cp)));
    return sb.append(" ]").toString();
  }
}
