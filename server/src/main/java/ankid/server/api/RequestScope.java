package ankid.server.api;

import ankid.engine.Collection;
import ankid.server.Profiles;
import ankid.server.ServerLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;

/**
 * Where an action runs. A whole request first has the media its URLs name downloaded, with no lock
 * held, then runs as one transaction of the open collection ({@link Collection#transact}): a
 * request that only reads never begins one, a request that writes commits everything or nothing,
 * and each sub-request of {@code multi} is a savepoint inside it (a failing one undoes only
 * itself, as in AnkiConnect, but a crash never leaves half a batch).
 */
public final class RequestScope {
  /** No collection: actions run as they are (for dispatchers that serve no collection). */
  public static final RequestScope DIRECT = new RequestScope(null, null, ServerLimits.defaults());

  private final Profiles profiles;
  private final MediaDownloads downloads;
  private final ServerLimits limits;

  public RequestScope(Profiles profiles, MediaDownloads downloads, ServerLimits limits) {
    this.profiles = profiles;
    this.downloads = downloads;
    this.limits = limits;
  }

  public ServerLimits limits() {
    return limits;
  }

  /** Runs a whole request's action: downloads first, then one transaction. */
  Object whole(JsonNode params, Callable<Object> action) throws Exception {
    if (downloads == null) return transact(action);
    try (MediaDownloads.Prefetched fetched = downloads.prefetch(params)) {
      return transact(action);
    }
  }

  /** Runs an action that commits its own transactions ({@link Action#ownTransactions}): downloads first, then it. */
  Object own(JsonNode params, Callable<Object> action) throws Exception {
    if (downloads == null) return action.call();
    try (MediaDownloads.Prefetched fetched = downloads.prefetch(params)) {
      return action.call();
    }
  }

  /** Runs a sub-request of {@code multi}: a savepoint of the request's transaction. */
  Object nested(Callable<Object> action) throws Exception {
    return transact(action);
  }

  private Object transact(Callable<Object> action) throws Exception {
    Collection col = openCollection();
    if (col == null) return action.call();
    try {
      return col.transact(c -> {
        try {
          return action.call();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new Checked(e);
        }
      });
    } catch (Checked e) {
      throw e.exception;
    }
  }

  /** The open collection, or null when none is (the action then says so itself, or needs none). */
  private Collection openCollection() {
    if (profiles == null) return null;
    try {
      return profiles.collection();
    } catch (ApiError e) {
      return null;
    }
  }

  /** Carries a checked exception of an action through the transaction's function. */
  private static final class Checked extends RuntimeException {
    final Exception exception;

    Checked(Exception exception) {
      super(null, null, false, false);
      this.exception = exception;
    }
  }
}
