package ankid.server.cli;

import ankid.server.gate.ConfirmMode;
import ankid.server.gate.ConfirmSettings;
import ankid.server.mcp.AnkiMcp;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ankid mcp}: an MCP server on stdin/stdout for one agent, on the profile's collection —
 * through the {@code ankid serve} that holds it, else opened here. Runs until the client closes
 * stdin. Destructive tools are confirmed unless {@code --confirm off} (or config {@code confirm:
 * "off"}) says otherwise.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
    description = {"Serve MCP over stdio: every action as a tool, the search syntax, decks and notetypes as resources.",
        "Talks to the running ankid serve of the profile, else opens the collection itself."})
public final class Mcp implements Callable<Integer> {
  @Mixin
  ProfileOptions options;

  @Option(names = "--confirm", paramLabel = "MODE", converter = ConfirmModeConverter.class,
      description = "Confirm destructive|modifying tools, or off (default: config key confirm, else destructive)")
  ConfirmMode confirm;

  @Override
  public Integer call() throws Exception {
    ConfirmSettings settings = ConfirmModeConverter.settings(options, confirm);
    CountDownLatch closed = new CountDownLatch(1);
    try (ActionCaller caller = ActionCaller.open(options, settings, true)) {
      McpSyncServer server = AnkiMcp.serve(
          new StdioServerTransportProvider(AnkiMcp.jsonMapper(), new EndAware(System.in, closed), System.out),
          caller.registry(), caller, settings.mcp());
      closed.await();
      server.closeGracefully();
    }
    return ExitCodes.OK;
  }

  /** Tells when the client has closed our stdin (end of the session). */
  private static final class EndAware extends FilterInputStream {
    private final CountDownLatch closed;

    EndAware(InputStream in, CountDownLatch closed) {
      super(in);
      this.closed = closed;
    }

    @Override
    public int read() throws IOException {
      return seen(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return seen(super.read(b, off, len));
      } catch (IOException e) {
        closed.countDown();
        throw e;
      }
    }

    private int seen(int n) {
      if (n < 0) closed.countDown();
      return n;
    }
  }
}
