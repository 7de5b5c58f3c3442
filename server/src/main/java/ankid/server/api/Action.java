package ankid.server.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an action group as an AnkiConnect action (named after the method unless
 * given). {@link #effect} has no default on purpose: an action cannot be declared, and so cannot
 * reach the registry, without saying what it can do (see {@link Effect} for the rule). Its
 * description for people and agents is a section of {@code actions.md} beside this class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {
  String value() default "";

  /** The worst this action can do with any parameters. */
  Effect effect();

  /**
   * Whether repeating a call with the same parameters changes nothing more (set this value, delete
   * these ids…); read-only actions are idempotent anyway. MCP clients may retry such tools.
   */
  boolean idempotent() default false;

  /**
   * Whether the action commits its own transactions, so the request must not wrap it in one of its
   * own: a sync agrees the collection's modification time with the other side; the graphical
   * actions take the web UI's state before the collection, as the page's event streams do (holding
   * the collection first would deadlock with them).
   */
  boolean ownTransactions() default false;
}
