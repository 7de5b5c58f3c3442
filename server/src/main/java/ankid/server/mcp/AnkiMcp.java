package ankid.server.mcp;

import ankid.server.Main;
import ankid.server.api.ActionRegistry;
import ankid.server.gate.ConfirmMode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/**
 * ankid's MCP server (the official MCP Java SDK): every action as a tool, the search syntax, decks
 * and notetypes as resources, over stdio ({@code ankid mcp}) or streamable HTTP ({@code /mcp}).
 */
public final class AnkiMcp {
  static final String INSTRUCTIONS = """
      ankid gives you a person's Anki collection through the AnkiConnect actions, one tool each.
      Read the ankid://search-syntax resource before searching (findNotes, findCards, notesInfo);
      ankid://decks and ankid://notetypes list what exists. A tool that changes something may answer
      with a confirmation preview instead of acting: nothing has changed then. Show the person the
      preview and call the tool again with its confirm token only after they agree.""";

  /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
  private static final java.util.logging.Logger SDK_LOG = java.util.logging.Logger.getLogger("io.modelcontextprotocol");

  static {
    // The SDK logs every client's initialize at INFO; warnings still show.
    SDK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private AnkiMcp() {}

  public static McpJsonMapper jsonMapper() {
    return new JacksonMcpJsonMapper(new ObjectMapper());
  }

  /** A server for one client over stdio (or any single-session transport). */
  public static McpSyncServer serve(McpServerTransportProvider transport, ActionRegistry registry, Backend backend,
      ConfirmMode mode) {
    return build(McpServer.sync(transport), registry, backend, mode);
  }

  /** A server for many clients over streamable HTTP. */
  public static McpSyncServer serve(McpStreamableServerTransportProvider transport, ActionRegistry registry,
      Backend backend, ConfirmMode mode) {
    return build(McpServer.sync(transport), registry, backend, mode);
  }

  private static McpSyncServer build(McpServer.SyncSpecification<?> spec, ActionRegistry registry, Backend backend,
      ConfirmMode mode) {
    return spec.serverInfo("ankid", Main.version())
        .instructions(INSTRUCTIONS)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
        .tools(new Tools(registry, backend, mode).specifications())
        .resources(new Resources(backend).specifications())
        .build();
  }
}
