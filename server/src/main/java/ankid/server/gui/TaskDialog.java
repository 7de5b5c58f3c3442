package ankid.server.gui;

/**
 * The Import or Check Database screen: what runs, and how it went ({@code running}, {@code done}
 * with Anki's summary, {@code failed} with the error shown instead).
 *
 * @param file the file being imported (null while the screen waits for one, and for Check Database)
 */
record TaskDialog(String file, Status status, String message) {
  enum Status { WAITING, RUNNING, DONE, FAILED }

  static TaskDialog waiting() {
    return new TaskDialog(null, Status.WAITING, null);
  }

  static TaskDialog running(String file) {
    return new TaskDialog(file, Status.RUNNING, null);
  }
}
