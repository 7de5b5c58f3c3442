package ankid.server;

import ankid.server.api.Downloader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * What a server needs, beside AnkiConnect's own config, to protect itself and its machine: the
 * {@link ServerLimits}, the {@link Exposure} rules, the config file (never handed to a client) and
 * how media URLs' host names are resolved (a stub in tests, so no test reaches beyond loopback).
 */
public record Safeguards(ServerLimits limits, Exposure exposure, Path configFile, Downloader.Resolver resolver) {
  /** A loopback server without a config file. */
  public static Safeguards defaults() {
    return new Safeguards(ServerLimits.defaults(), Exposure.loopback(), null, Downloader.Resolver.SYSTEM);
  }

  /** The config file's keys for a server that is exposed or not. */
  public static Safeguards read(JsonNode config, boolean exposed, Path configFile) {
    return new Safeguards(ServerLimits.read(config), Exposure.read(config, exposed), configFile,
        Downloader.Resolver.SYSTEM);
  }

  public Safeguards withLimits(ServerLimits newLimits) {
    return new Safeguards(newLimits, exposure, configFile, resolver);
  }

  public Safeguards withExposure(Exposure newExposure) {
    return new Safeguards(limits, newExposure, configFile, resolver);
  }

  public Safeguards withResolver(Downloader.Resolver newResolver) {
    return new Safeguards(limits, exposure, configFile, newResolver);
  }
}
