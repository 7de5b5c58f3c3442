package ankid.server.cli;

import ankid.server.gate.ConfirmMode;
import ankid.server.gate.ConfirmSettings;
import picocli.CommandLine;

/** Reads {@code --confirm destructive|modifying|off}, and the confirmation settings of a command. */
public final class ConfirmModeConverter implements CommandLine.ITypeConverter<ConfirmMode> {
  @Override
  public ConfirmMode convert(String value) {
    try {
      return ConfirmMode.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  /** The config file's confirm keys under the flag; a bad config value ends the command. */
  static ConfirmSettings settings(ProfileOptions options, ConfirmMode flag) {
    try {
      return ConfirmSettings.read(options.configFile(), flag);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, e.getMessage());
    }
  }
}
