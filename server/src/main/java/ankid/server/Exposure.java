package ankid.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a server lets clients reach beyond the collection, by whether anything but loopback can
 * reach the server. AnkiConnect trusts whoever can call it with any file and any URL; that is
 * kept on a loopback-only server, and tightened on an exposed one.
 *
 * @param exposed the server listens on an address other than loopback
 * @param allowedPaths folders client file paths must lie in; empty means none ({@code allowedPaths};
 *     absent on a loopback server means any path, as AnkiConnect allows)
 * @param allowedDownloadNetworks loopback or private addresses (or CIDR ranges) media URLs may
 *     still reach on an exposed server ({@code allowedDownloadNetworks})
 */
public record Exposure(boolean exposed, Optional<List<Path>> allowedPaths, List<String> allowedDownloadNetworks) {
  /** A loopback-only server with no config: AnkiConnect's rules. */
  public static Exposure loopback() {
    return new Exposure(false, Optional.empty(), List.of());
  }

  /** The config's {@code allowedPaths} and {@code allowedDownloadNetworks} for a server exposed or not. */
  public static Exposure read(JsonNode config, boolean exposed) {
    JsonNode paths = config == null ? null : config.get("allowedPaths");
    Optional<List<Path>> allowed = Optional.empty();
    if (paths != null && paths.isArray()) {
      List<Path> list = new ArrayList<>();
      paths.forEach(p -> list.add(Path.of(p.asText()).toAbsolutePath().normalize()));
      allowed = Optional.of(List.copyOf(list));
    }
    if (exposed && allowed.isEmpty()) allowed = Optional.of(List.of());
    List<String> networks = new ArrayList<>();
    JsonNode nets = config == null ? null : config.get("allowedDownloadNetworks");
    if (nets != null && nets.isArray()) nets.forEach(n -> networks.add(n.asText()));
    return new Exposure(exposed, allowed, List.copyOf(networks));
  }
}
