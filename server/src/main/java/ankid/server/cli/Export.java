package ankid.server.cli;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.packages.ExportOptions;
import ankid.engine.packages.ExportReport;
import ankid.engine.packages.Packages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ankid export FILE}: a deck with its subdecks, or the whole collection, as an .apkg in
 * current Anki's format (or the legacy one older versions read), or the whole collection as a
 * .colpkg. Through a running server when one holds the collection.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a deck or the whole collection as an .apkg, or the collection as a .colpkg.")
public final class Export implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  ProfileOptions options;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The package to write")
  Path file;

  @Option(names = "--deck", paramLabel = "NAME", description = "Export this deck and its subdecks (default: all)")
  String deck;

  @Option(names = "--with-scheduling", description = "Keep card states and review history (else cards are new)")
  boolean withScheduling;

  @Option(names = "--with-deck-presets", negatable = true,
      description = "Include the decks' presets (default: with --with-scheduling)")
  Boolean withDeckPresets;

  @Option(names = "--no-media", description = "Leave the media files out")
  boolean noMedia;

  @Option(names = "--legacy", description = "Write the format Anki before 2.1.50 reads")
  boolean legacy;

  @Option(names = "--colpkg", description = "Write the whole collection as a .colpkg (with scheduling)")
  boolean colpkg;

  @Override
  public Integer call() throws Exception {
    if (colpkg && (deck != null || withScheduling || withDeckPresets != null)) {
      throw new CliFailure(ExitCodes.USAGE, "--colpkg is always the whole collection with its scheduling;"
          + " --deck, --with-scheduling and --with-deck-presets do not apply");
    }
    Path out = file.toAbsolutePath().normalize();
    if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
      throw new CliFailure(ExitCodes.FAILED, "no such folder: " + out.getParent());
    }
    boolean presets = withDeckPresets != null ? withDeckPresets : withScheduling;
    Progress progress = Progress.forThisProcess();
    String summary;
    try (CollectionTarget target = CollectionTarget.open(options, false)) {
      summary = target instanceof CollectionTarget.Local local
          ? local(local.collection(), out, presets, progress).summary()
          : remote((CollectionTarget.Remote) target, out, presets);
    } catch (AnkiException e) {
      throw new CliFailure(ExitCodes.FAILED, e.getMessage());
    } finally {
      progress.done();
    }
    spec.commandLine().getOut().println(summary);
    return ExitCodes.OK;
  }

  private ExportReport local(Collection col, Path out, boolean presets, Progress progress) {
    if (colpkg) return Packages.exportColpkg(col, out, !noMedia, legacy, progress);
    Long deckId = null;
    if (deck != null) {
      deckId = col.read(c -> c.decks().byName(deck)).map(Deck::id)
          .orElseThrow(() -> new CliFailure(ExitCodes.FAILED, "no deck named " + deck));
    }
    return Packages.exportApkg(col, out, new ExportOptions(deckId, withScheduling, presets, !noMedia, legacy), progress);
  }

  /** exportPackage with ankid's {@code options}; a null deck means the whole collection. */
  private String remote(CollectionTarget.Remote remote, Path out, boolean presets)
      throws IOException, InterruptedException {
    ObjectNode params = JSON.createObjectNode();
    if (deck == null) params.putNull("deck");
    else params.put("deck", deck);
    params.put("path", out.toString());
    params.put("includeSched", withScheduling);
    ObjectNode opts = params.putObject("options");
    opts.put("colpkg", colpkg);
    opts.put("legacy", legacy);
    opts.put("withMedia", !noMedia);
    opts.put("withDeckConfigs", presets);
    try {
      JsonNode result = remote.client().call("exportPackage", params);
      if (result.isBoolean() && !result.asBoolean()) throw new CliFailure(ExitCodes.FAILED, "no deck named " + deck);
      return result.path("summary").asText();
    } catch (ServerClient.ErrorReply e) {
      throw new CliFailure(ExitCodes.FAILED, e.getMessage());
    }
  }
}
