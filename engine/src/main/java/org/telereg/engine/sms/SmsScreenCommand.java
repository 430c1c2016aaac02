package org.telereg.engine.sms;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sms-screen --in messages.tsv --out verdicts.tsv [--model model.bin]}: screens a file of messages.
 *
 * <p>Input: UTF-8 (a byte-order mark is skipped), header {@code id<TAB>sender<TAB>text}, one message per line;
 * sender may be empty; the text is everything after the second tab. A GBK file is recognised and refused with a
 * message saying how to convert it; it is not converted, so that a wrongly guessed encoding never produces
 * verdicts on garbled text. Output: UTF-8, header {@code id<TAB>verdict<TAB>score<TAB>reasons}, one row per
 * valid input row in input order. Rows without the three fields or with an empty id are reported on the error
 * stream with their line numbers and left out. The output file appears only once the whole input has been read.
 *
 * <p>Exit status: 0 all rows screened; 1 the input was refused or had bad rows; 2 wrong arguments.
 */
public final class SmsScreenCommand {

    static final String INPUT_HEADER = "id\tsender\ttext";
    static final String OUTPUT_HEADER = "id\tverdict\tscore\treasons";
    private static final String USAGE = "usage: sms-screen --in messages.tsv --out verdicts.tsv [--model model.bin]";
    private static final int MAX_REPORTED_ROWS = 100;

    private SmsScreenCommand() {}

    /** Runs the command; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments arguments;
        try {
            arguments = CommandArguments.parse(args, List.of("--in", "--out"), List.of("--model"), List.of());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path in = Path.of(arguments.one("--in"));
        Path target = Path.of(arguments.one("--out"));
        SmsScreener screener;
        try {
            screener = arguments.has("--model")
                    ? SmsScreener.of(SmsModel.read(Path.of(arguments.one("--model"))))
                    : SmsScreener.standard();
        } catch (NoSuchFileException e) {
            err.println("Model file not found: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("Cannot read the model: " + e.getMessage());
            return 1;
        }
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        int line = 0;
        try (BufferedReader reader = TsvInput.open(in)) {
            String header = reader.readLine();
            line = 1;
            if (header == null) {
                err.println(in + " is empty; expected the header line " + INPUT_HEADER.replace("\t", "<TAB>"));
                return 1;
            }
            if (!stripCarriageReturn(header).equals(INPUT_HEADER)) {
                err.println(in + " line 1: expected the header " + INPUT_HEADER.replace("\t", "<TAB>") + ", found '"
                        + abbreviate(header) + "'");
                return 1;
            }
            Map<SmsCategory, Integer> counts = new EnumMap<>(SmsCategory.class);
            int bad = 0;
            try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writer.write(OUTPUT_HEADER);
                writer.write('\n');
                for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                    line++;
                    row = stripCarriageReturn(row);
                    String[] f = row.split("\t", 3);
                    String problem = f.length < 3
                            ? "expected 3 tab-separated fields (id, sender, text), found " + f.length
                            : f[0].isBlank() ? "empty id" : null;
                    if (problem != null) {
                        if (++bad <= MAX_REPORTED_ROWS) {
                            err.println(in + " line " + line + ": " + problem);
                        }
                        continue;
                    }
                    SmsVerdict verdict = screener.screen(f[1].strip(), f[2]);
                    counts.merge(verdict.category(), 1, Integer::sum);
                    writer.write(f[0]);
                    writer.write('\t');
                    writer.write(verdict.category().label());
                    writer.write('\t');
                    writer.write(verdict.formattedScore());
                    writer.write('\t');
                    writer.write(verdict.reasons());
                    writer.write('\n');
                }
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            if (bad > MAX_REPORTED_ROWS) {
                err.println("... and " + (bad - MAX_REPORTED_ROWS) + " more bad rows");
            }
            int screened = counts.values().stream().mapToInt(Integer::intValue).sum();
            out.printf(
                    "screened %d messages: normal %d, ad %d, fraud %d; %d bad rows left out; verdicts in %s%n",
                    screened,
                    counts.getOrDefault(SmsCategory.NORMAL, 0),
                    counts.getOrDefault(SmsCategory.AD, 0),
                    counts.getOrDefault(SmsCategory.FRAUD, 0),
                    bad,
                    target);
            return bad == 0 ? 0 : 1;
        } catch (TsvInput.NotUtf8Exception e) {
            err.println(e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("Input file not found: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println(
                    TsvInput.isCodingError(e)
                            ? in + " line " + (line + 1) + ": not valid UTF-8; nothing was written"
                            : "Cannot screen " + in + ": " + e.getMessage());
            return 1;
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                err.println("Cannot remove " + temporary + ": " + e.getMessage());
            }
        }
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String abbreviate(String s) {
        String visible = s.replace("\t", "<TAB>");
        return visible.length() > 60 ? visible.substring(0, 60) + "…" : visible;
    }
}
