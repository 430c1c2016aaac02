package org.telereg.platform;

import java.io.PrintStream;

/** Lets tests in module packages run the command line in-process. */
public final class TeleRegApplicationAccess {

    private TeleRegApplicationAccess() {}

    public static int run(String[] args, PrintStream out) {
        return TeleRegApplication.run(args, out, out);
    }
}
