package org.telereg.engine.sms;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code sms-train --in zh-train.tsv [--in more.tsv …] --out model.bin [--keywords list.tsv] [--folds k]
 * [--hash-bits n]}: trains an SMS model on one or more labelled corpora (layouts in {@link
 * SmsModelTrainer#readCorpus}) with the shipped keyword list or another one. With {@code --folds k} it first
 * cross-validates on the corpus and prints per-class and per-subtype precision and recall as Markdown.
 *
 * <p>Exit status: 0 model written; 1 unreadable input; 2 wrong arguments.
 */
public final class SmsTrainCommand {

    private static final String USAGE = "usage: sms-train --in corpus.tsv [--in more.tsv ...] --out model.bin"
            + " [--keywords list.tsv] [--folds k] [--hash-bits n]";

    private SmsTrainCommand() {}

    /** Runs the command; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments arguments;
        SmsModelTrainer trainer = SmsModelTrainer.standard();
        int folds = 0;
        try {
            arguments = CommandArguments.parse(
                    args, List.of("--out"), List.of("--keywords", "--folds", "--hash-bits"), List.of("--in"));
            if (arguments.all("--in").isEmpty()) {
                throw new IllegalArgumentException("Missing --in");
            }
            if (arguments.has("--hash-bits")) {
                trainer = trainer.withHashBits(Integer.parseInt(arguments.one("--hash-bits")));
            }
            if (arguments.has("--folds")) {
                folds = Integer.parseInt(arguments.one("--folds"));
                if (folds < 2) {
                    throw new IllegalArgumentException("--folds must be at least 2");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            if (arguments.has("--keywords")) {
                trainer = trainer.withKeywords(KeywordMatcher.read(Path.of(arguments.one("--keywords"))));
            }
            List<LabelledSms> corpus = new ArrayList<>();
            for (String file : arguments.all("--in")) {
                List<LabelledSms> part = SmsModelTrainer.readCorpus(Path.of(file));
                out.printf(Locale.ROOT, "read %d messages from %s%n", part.size(), file);
                corpus.addAll(part);
            }
            if (corpus.isEmpty()) {
                err.println("No messages to train on");
                return 1;
            }
            if (folds > 0) {
                out.printf(Locale.ROOT, "%d-fold cross-validation:%n%n", folds);
                out.println(trainer.crossValidate(corpus, folds).toMarkdown());
            }
            SmsModel model = trainer.train(corpus);
            Path target = Path.of(arguments.one("--out"));
            model.write(target);
            out.printf(
                    Locale.ROOT,
                    "model written to %s: %s; fraud threshold %.4f, ad threshold %.4f%n",
                    target,
                    model.description(),
                    model.fraudThreshold(),
                    model.adThreshold());
            return 0;
        } catch (NoSuchFileException e) {
            err.println("File not found: " + e.getFile());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
