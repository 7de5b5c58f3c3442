package ankid.server.api;

import ankid.engine.packages.ImportOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The ankid-only {@code options} object of importPackage and exportPackage, which AnkiConnect
 * clients never send. Import: {@code withScheduling}, {@code withDeckConfigs},
 * {@code mergeNotetypes} (booleans), {@code updateNotes}, {@code updateNotetypes}
 * ({@code "ifNewer"}, {@code "always"}, {@code "never"}) — omitted ones take the options the last
 * import used, as Anki's import dialog does — and {@code replaceCollection} (a .colpkg replaces
 * the whole collection after a backup). Export: {@code colpkg}, {@code legacy}, {@code withMedia}
 * (default true) and {@code withDeckConfigs} (default: as {@code includeSched}).
 */
final class PackageOptions {
  private static final Set<String> IMPORT_KEYS = Set.of("withScheduling", "withDeckConfigs", "mergeNotetypes",
      "updateNotes", "updateNotetypes", "replaceCollection");
  private static final Set<String> EXPORT_KEYS = Set.of("colpkg", "legacy", "withMedia", "withDeckConfigs");

  private PackageOptions() {}

  record Import(ImportOptions options, boolean replaceCollection) {}

  record Export(boolean colpkg, boolean legacy, boolean withMedia, boolean withDeckConfigs) {}

  static Import forImport(JsonNode o, ImportOptions remembered) {
    check(o, IMPORT_KEYS);
    ImportOptions opts = remembered
        .withScheduling(bool(o, "withScheduling", remembered.withScheduling()))
        .withDeckConfigs(bool(o, "withDeckConfigs", remembered.withDeckConfigs()))
        .withMergeNotetypes(bool(o, "mergeNotetypes", remembered.mergeNotetypes()))
        .withUpdateNotes(condition(o, "updateNotes", remembered.updateNotes()))
        .withUpdateNotetypes(condition(o, "updateNotetypes", remembered.updateNotetypes()));
    return new Import(opts, bool(o, "replaceCollection", false));
  }

  static Export forExport(JsonNode o, boolean includeSched) {
    check(o, EXPORT_KEYS);
    return new Export(bool(o, "colpkg", false), bool(o, "legacy", false), bool(o, "withMedia", true),
        bool(o, "withDeckConfigs", includeSched));
  }

  private static void check(JsonNode o, Set<String> known) {
    if (!o.isObject()) throw new ApiError("options must be an object");
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) throw new ApiError("unknown option '" + key + "'");
    }
  }

  private static boolean bool(JsonNode o, String key, boolean dflt) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) return dflt;
    if (!v.isBoolean()) throw new ApiError("option " + key + " must be true or false");
    return v.asBoolean();
  }

  private static ImportOptions.UpdateCondition condition(JsonNode o, String key, ImportOptions.UpdateCondition dflt) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) return dflt;
    return switch (v.asText()) {
      case "ifNewer" -> ImportOptions.UpdateCondition.IF_NEWER;
      case "always" -> ImportOptions.UpdateCondition.ALWAYS;
      case "never" -> ImportOptions.UpdateCondition.NEVER;
      default -> throw new ApiError("option " + key + " must be \"ifNewer\", \"always\" or \"never\"");
    };
  }
}
