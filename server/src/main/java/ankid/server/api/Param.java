package ankid.server.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an action parameter by its AnkiConnect name. {@code dflt} is a JSON literal used when the
 * client omits the parameter; without it the parameter is required (Python positional semantics).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
  String REQUIRED = "\u0000required";

  String value();

  String dflt() default REQUIRED;
}
