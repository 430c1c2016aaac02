package org.telereg.engine.fraud;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code telereg cdr-generate}: writes generated calls, SMS, users and labels files with ground truth
 * (docs/fraud-archetypes.md).
 *
 * <pre>
 * cdr-generate --out DIR --subscribers N --seed S [--days D] [--start yyyy-MM-dd]
 *              [--fraud-share X] [--lookalike-share X] [--shift X] [--anonymised] [--gzip]
 * </pre>
 *
 * <p>Exit codes: 0 written, 1 cannot write, 2 wrong command line.
 */
public final class CdrGenerateCommand {

    static final String USAGE = """
            usage: cdr-generate --out DIR --subscribers N --seed S [--days D] [--start yyyy-MM-dd]
                                [--fraud-share X] [--lookalike-share X] [--shift X] [--anonymised] [--gzip]
              --out              directory for calls.csv, sms.csv, users.csv and labels.csv
              --subscribers      number of subscribers
              --seed             random seed; the same arguments write the same bytes
              --days             length of the window in days (default 30)
              --start            first day (default 2020-03-01)
              --fraud-share      share of fraud subscribers (default 0.12)
              --lookalike-share  share of legitimate look-alikes: couriers, drivers, call centres, ... (default 0.3)
              --shift            0..1, move archetypes towards their look-alikes (default 0)
              --anonymised       write numbers as hexadecimal tokens, as in the public contest data
              --gzip             gzip the files (.csv.gz)
            """;

    private CdrGenerateCommand() {}

    /** Runs the command; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(
                    "cdr-generate",
                    args,
                    Set.of("out", "subscribers", "seed", "days", "start", "fraud-share", "lookalike-share", "shift"),
                    Set.of("anonymised", "gzip"));
            if (!options.has("subscribers") || !options.has("seed")) {
                throw new Options.UsageException("cdr-generate needs --subscribers and --seed");
            }
            GeneratorSettings defaults = GeneratorSettings.of(0, 1);
            LocalDate start;
            try {
                start = options.has("start") ? LocalDate.parse(options.text("start")) : defaults.start();
            } catch (DateTimeParseException e) {
                throw new Options.UsageException("--start must be a date as yyyy-MM-dd");
            }
            GeneratorSettings settings;
            try {
                settings = new GeneratorSettings(
                        options.longInteger("seed", 0),
                        options.integer("subscribers", 0),
                        options.integer("days", defaults.days()),
                        start,
                        options.decimal("fraud-share", defaults.fraudShare()),
                        options.decimal("lookalike-share", defaults.lookalikeShare()),
                        options.decimal("shift", 0),
                        options.has("anonymised"),
                        options.has("gzip"));
            } catch (IllegalArgumentException e) {
                throw new Options.UsageException(e.getMessage());
            }
            long started = System.nanoTime();
            GeneratedCdrs written = new CdrGenerator(settings).writeTo(options.requiredPath("out"));
            out.printf(Locale.ROOT, "wrote %s: %,d rows%n", written.calls(), written.callRows());
            out.printf(Locale.ROOT, "wrote %s: %,d rows%n", written.sms(), written.smsRows());
            out.printf(
                    Locale.ROOT,
                    "wrote %s and %s: %,d subscribers%n",
                    written.users(),
                    written.labels(),
                    settings.subscribers());
            for (Map.Entry<Archetype, Integer> entry : new java.util.TreeMap<>(written.subscribers()).entrySet()) {
                out.printf(
                        Locale.ROOT,
                        "  %-15s %6d%s%n",
                        entry.getKey().name().toLowerCase(Locale.ROOT),
                        entry.getValue(),
                        entry.getKey().fraud() ? "  fraud" : "");
            }
            out.printf(Locale.ROOT, "in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (Options.UsageException e) {
            err.println("cdr-generate: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("cdr-generate: cannot write: " + e.getMessage());
            return 1;
        }
    }
}
