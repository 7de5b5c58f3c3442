package ankid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The searches issue 16 times, each for cards and for notes: the typical kinds of query a client sends. */
final class SearchQueries {
  static final List<String> TEXTS = List.of(
      "deck:Spanish",
      "deck:Japanese tag:marked",
      "is:due",
      "is:new deck:Medicine",
      "added:7",
      "rated:7",
      "tag:gram*",
      "tag:lang::spanish",
      "front:*heart*",
      "\"the quick brown fox\"",
      "re:^a.*o$",
      "nc:nino",
      "prop:ivl>10",
      "-is:suspended card:1",
      "flag:1",
      "");

  private SearchQueries() {}

  /** {@code nid:} with {@code count} of the ids, spread over the collection. */
  static String noteIdList(List<Long> noteIds, int count) {
    List<Long> picked = new ArrayList<>();
    for (int i = 0; i < count && i < noteIds.size(); i++) picked.add(noteIds.get((int) ((long) i * noteIds.size() / count)));
    return "nid:" + picked.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  static String label(String query) {
    if (query.isEmpty()) return "\"\" (everything)";
    if (query.startsWith("nid:")) return "nid: x" + query.split(",").length;
    return query;
  }
}
