package ankid.server.gate;

import ankid.engine.Collection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every row of every table of a collection, and every file of its media folder with its size, as
 * text: two snapshots are equal exactly when nothing was changed in between.
 */
record CollectionSnapshot(List<String> rows, List<String> media) {
  static CollectionSnapshot of(Collection col) {
    List<String> rows = col.read(c -> {
      List<String> out = new ArrayList<>();
      List<String> tables = c.db().query("select name from sqlite_master where type = 'table' order by name",
          rs -> rs.getString(1));
      for (String table : tables) {
        out.addAll(c.db().query("select * from " + table + " order by 1, 2", rs -> {
          StringBuilder row = new StringBuilder(table);
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object v = rs.getObject(i);
            row.append('|').append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
          }
          return row.toString();
        }));
      }
      return out;
    });
    return new CollectionSnapshot(rows, media(col.mediaFolder()));
  }

  private static List<String> media(Path folder) {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName() + ":" + f.toFile().length()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
