package ankid.server.gate;

import ankid.engine.Collection;
import java.util.function.Function;

/** How the gate reaches the open collection ({@code Profiles::withCollection}, which pins it for the work). */
@FunctionalInterface
public interface CollectionAccess {
  <T> T with(Function<Collection, T> work);
}
