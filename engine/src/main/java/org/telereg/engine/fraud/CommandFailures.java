package org.telereg.engine.fraud;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;

/** How the fraud commands report a failure: one message on standard error and the exit code. */
final class CommandFailures {

    private CommandFailures() {}

    /**
     * Reports the failure of {@code command}.
     *
     * @return 2 for a wrong command line (the usage follows the message), 1 for refused input or a failed run
     */
    static int report(String command, String usage, Throwable failure, PrintStream err) {
        if (failure instanceof Options.UsageException) {
            err.println(command + ": " + failure.getMessage());
            err.print(usage);
            return 2;
        }
        if (failure instanceof NoSuchFileException missing) {
            err.println(command + ": no such file: " + missing.getFile());
        } else if (failure instanceof CdrFormatException || failure instanceof IllegalArgumentException) {
            err.println(command + ": " + failure.getMessage());
        } else if (failure instanceof IOException) {
            err.println(command + ": cannot read or write: " + failure.getMessage());
        } else if (failure instanceof OutOfMemoryError) {
            // The state grows with distinct (subscriber, counterpart) pairs; say what to do rather than die.
            err.println(command + ": out of memory: the distinct pairs of subscribers and the numbers they call do not"
                    + " fit in the heap; run with a larger heap (java -Xmx...), up to 80 bytes per distinct pair");
        } else {
            throw new IllegalStateException("unexpected failure of " + command, failure);
        }
        return 1;
    }
}
