package ankid.server.gui;

import ankid.server.Profiles;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The UI state of each profile (one {@link Gui} per profile name, made when first needed) and the
 * signal that tells open pages something changed.
 */
public final class Guis implements AutoCloseable {
  private final Profiles profiles;
  private final UiEvents events;
  private final Map<String, Gui> byProfile = new HashMap<>();
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ankid-gui-tasks");
    t.setDaemon(true);
    return t;
  });

  public Guis(Profiles profiles, UiEvents events) {
    this.profiles = profiles;
    this.events = events;
  }

  /** The active profile's UI. */
  public synchronized Gui current() {
    return byProfile.computeIfAbsent(String.valueOf(profiles.active()),
        p -> new Gui(profiles, events::signal, background));
  }

  public Profiles profiles() {
    return profiles;
  }

  public UiEvents events() {
    return events;
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
