package ankid.engine.storage;

import com.ibm.icu.lang.UCharacter;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Collation;

/** Anki's {@code unicase} collation (provisional: full case folding, code-point order). */
public final class Unicase {
  private Unicase() {}

  public static String fold(String s) {
    return UCharacter.foldCase(s, UCharacter.FOLD_CASE_DEFAULT);
  }

  public static int compare(String a, String b) {
    String fa = fold(a), fb = fold(b);
    int i = 0, j = 0;
    while (i < fa.length() && j < fb.length()) {
      int ca = fa.codePointAt(i), cb = fb.codePointAt(j);
      if (ca != cb) return ca < cb ? -1 : 1;
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(fa.length() - i, fb.length() - j) == 0 ? 0 : (i < fa.length() ? 1 : -1);
  }

  public static void register(Connection conn) throws SQLException {
    Collation.create(conn, "unicase", new Collation() {
      @Override
      protected int xCompare(String a, String b) {
        return compare(a, b);
      }
    });
  }
}
