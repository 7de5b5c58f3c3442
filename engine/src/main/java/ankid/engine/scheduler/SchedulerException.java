package ankid.engine.scheduler;

/** An invalid scheduling request; the message follows Anki's wording where Anki has one. */
public class SchedulerException extends ankid.engine.AnkiException {
  public SchedulerException(String message) {
    super(message);
  }
}
