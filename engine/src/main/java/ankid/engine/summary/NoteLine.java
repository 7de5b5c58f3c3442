package ankid.engine.summary;

/** One note as a person recognises it: its notetype and the text of its sort field. */
public record NoteLine(long id, String notetype, String sortField) {}
