package ankid.server.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every action, found by reflection on the action groups, with its parameters bound the way
 * Python binds keyword arguments: unknown names and missing required ones are errors with
 * Python's wording, as AnkiConnect clients see them. Each action carries its {@link Effect}, which
 * {@link Action} makes mandatory, so nothing reaches the registry unclassified.
 */
public final class ActionRegistry {
  private final ObjectMapper json;
  private final Map<String, Entry> actions = new TreeMap<>();

  /** A parameter as the action declares it; {@code dflt} is null when the parameter is required. */
  public record ParamSpec(String name, JavaType type, JsonNode dflt) {
    public boolean required() {
      return dflt == null;
    }
  }

  /** An action's name, what it can do, whether repeating it changes more, and its parameters in order. */
  public record ActionSpec(String name, Effect effect, boolean idempotent, List<ParamSpec> params) {}

  /** An action with its parameters bound: what the gate previews and then runs. */
  public record BoundCall(ActionSpec action, List<Object> args) {
    /** The bound value of a parameter (after defaults and conversion). */
    @SuppressWarnings("unchecked")
    public <T> T arg(String name) {
      for (int i = 0; i < action.params().size(); i++) {
        if (action.params().get(i).name().equals(name)) return (T) args.get(i);
      }
      throw new IllegalArgumentException(action.name() + " has no parameter " + name);
    }

    public String name() {
      return action.name();
    }
  }

  private record Entry(ActionSpec spec, Object target, Method method) {}

  public ActionRegistry(ObjectMapper json, Object... groups) {
    this.json = json;
    for (Object group : groups) register(group);
  }

  private void register(Object group) {
    for (Method m : group.getClass().getMethods()) {
      Action a = m.getAnnotation(Action.class);
      if (a == null) continue;
      String name = a.value().isEmpty() ? m.getName() : a.value();
      List<ParamSpec> params = new ArrayList<>();
      for (Parameter p : m.getParameters()) {
        Param spec = p.getAnnotation(Param.class);
        if (spec == null) throw new IllegalStateException(name + ": parameter without @Param");
        JsonNode dflt = null;
        if (!spec.dflt().equals(Param.REQUIRED)) {
          try {
            dflt = json.readTree(spec.dflt());
          } catch (Exception e) {
            throw new IllegalStateException(name + ": bad default " + spec.dflt(), e);
          }
        }
        params.add(new ParamSpec(spec.value(), json.getTypeFactory().constructType(p.getParameterizedType()), dflt));
      }
      if (a.effect() == null) throw new IllegalStateException(name + ": no effect declared");
      ActionSpec spec = new ActionSpec(name, a.effect(), a.idempotent() || a.effect() == Effect.READ_ONLY,
          List.copyOf(params));
      if (actions.put(name, new Entry(spec, group, m)) != null) {
        throw new IllegalStateException("action registered twice: " + name);
      }
    }
  }

  /** Action names in code-point order, as apiReflect lists them. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(actions.keySet()));
  }

  public boolean has(String name) {
    return actions.containsKey(name);
  }

  /** The action's declaration, if there is such an action. */
  public Optional<ActionSpec> spec(String name) {
    Entry e = actions.get(name);
    return e == null ? Optional.empty() : Optional.of(e.spec);
  }

  /** Whether the action commits its own transactions ({@link Action#ownTransactions}). */
  public boolean ownsTransactions(String name) {
    Entry e = actions.get(name);
    return e != null && e.method.getAnnotation(Action.class).ownTransactions();
  }

  /** Every action's declaration, in code-point order of names. */
  public List<ActionSpec> specs() {
    return actions.values().stream().map(Entry::spec).toList();
  }

  /** Binds {@code params} and runs the action. */
  public Object invoke(String name, JsonNode params) throws Exception {
    return invoke(bind(name, params));
  }

  /** Runs an action whose parameters are bound. */
  public Object invoke(BoundCall call) throws Exception {
    Entry e = actions.get(call.name());
    try {
      return e.method.invoke(e.target, call.args().toArray());
    } catch (InvocationTargetException ite) {
      Throwable cause = ite.getCause();
      if (cause instanceof Exception ex) throw ex;
      throw (Error) cause;
    }
  }

  /**
   * Binds {@code params} to the action's parameters with Python's keyword rules, failing with
   * the error the action itself would give; nothing runs.
   */
  public BoundCall bind(String name, JsonNode params) {
    Entry e = actions.get(name);
    if (e == null) throw new ApiError("unsupported action");
    List<ParamSpec> specs = e.spec.params();
    String qualified = "AnkiConnect." + name + "()";
    for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (specs.stream().noneMatch(p -> p.name.equals(key))) {
        throw new ApiError(qualified + " got an unexpected keyword argument '" + key + "'");
      }
    }
    List<String> missing = new ArrayList<>();
    Object[] args = new Object[specs.size()];
    for (int i = 0; i < args.length; i++) {
      ParamSpec p = specs.get(i);
      JsonNode value = params.get(p.name);
      if (value == null) {
        if (p.dflt == null) {
          missing.add(p.name);
          continue;
        }
        value = p.dflt;
      }
      args[i] = convert(name, p, value);
    }
    if (!missing.isEmpty()) throw new ApiError(qualified + " " + missingMessage(missing));
    return new BoundCall(e.spec, Collections.unmodifiableList(Arrays.asList(args)));
  }

  private Object convert(String action, ParamSpec p, JsonNode value) {
    if (p.type.getRawClass() == JsonNode.class) return value;
    if (value.isNull()) {
      // None is fine where the action's own default is None; elsewhere Python fails at its first use.
      if (p.dflt != null && p.dflt.isNull() && !p.type.isPrimitive()) return null;
      if (p.type.isCollectionLikeType()) throw new ApiError("'NoneType' object is not iterable");
      throw new ApiError(action + ": '" + p.name + "' must not be None");
    }
    if (p.type.isCollectionLikeType() && value.isArray() && p.type.getContentType().getRawClass() != JsonNode.class) {
      for (JsonNode element : value) {
        if (!element.isNull()) continue;
        if (p.type.getContentType().isTypeOrSubTypeOf(Number.class)) {
          throw new ApiError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
        }
        throw new ApiError(action + ": '" + p.name + "' must not contain None");
      }
    }
    Object converted;
    try {
      converted = json.convertValue(value, p.type);
    } catch (IllegalArgumentException ex) {
      throw new ApiError(action + ": '" + p.name + "' has an invalid value: " + PythonRepr.repr(value));
    }
    // Jackson makes a list of one null from a scalar such as ""; no action takes None in its lists
    if (converted instanceof java.util.Collection<?> c && c.contains(null)) {
      throw new ApiError(action + ": '" + p.name + "' has an invalid value: " + PythonRepr.repr(value));
    }
    return converted;
  }

  private static String missingMessage(List<String> missing) {
    List<String> quoted = missing.stream().map(m -> "'" + m + "'").toList();
    String list;
    if (quoted.size() == 1) list = quoted.get(0);
    else if (quoted.size() == 2) list = quoted.get(0) + " and " + quoted.get(1);
    else list = String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1);
    return "missing " + missing.size() + " required positional argument" + (missing.size() == 1 ? "" : "s") + ": " + list;
  }
}
