package ankid.server.gui;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * One page's server-sent events: the UI state whenever it differs from what the page was last
 * sent, and a comment every {@value #HEARTBEAT_MILLIS} ms so a dead connection is noticed. Runs on
 * the request's thread until the page goes away or the server stops.
 */
final class EventStream {
  private static final long HEARTBEAT_MILLIS = 15_000;

  private final Guis guis;
  private final ObjectMapper json;

  EventStream(Guis guis, ObjectMapper json) {
    this.guis = guis;
    this.json = json;
  }

  void run(Response response) throws IOException, InterruptedException {
    UiEvents events = guis.events();
    String last = null;
    long seen = events.count();
    write(response, "retry: 1000\n\n");
    while (!events.closed()) {
      String state = json.writeValueAsString(StateJson.of(guis.current(), guis.profiles().active()));
      if (!state.equals(last)) {
        write(response, "event: state\ndata: " + state + "\n\n");
        last = state;
      }
      long now = events.await(seen, HEARTBEAT_MILLIS);
      if (now == seen) write(response, ": ping\n\n");
      seen = now;
    }
  }

  private static void write(Response response, String text) throws IOException {
    try (Blocker.Callback done = Blocker.callback()) {
      response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), done);
      done.block();
    }
  }
}
