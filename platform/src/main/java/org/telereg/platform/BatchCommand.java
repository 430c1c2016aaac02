package org.telereg.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of {@code ./telereg} that runs without the web server. Implementations are beans
 * whose name is the command name, listed in {@link TeleRegApplication#COMMANDS}.
 */
public interface BatchCommand {

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 success, 1 a finding (such as a broken chain), 2 bad usage
     */
    int run(List<String> arguments, PrintStream out);
}
