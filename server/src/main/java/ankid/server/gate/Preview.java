package ankid.server.gate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a request would do: one sentence for a person, and the details (counts, samples) as JSON. */
public record Preview(String intent, ObjectNode details) {}
