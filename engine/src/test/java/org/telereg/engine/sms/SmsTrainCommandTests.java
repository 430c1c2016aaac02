package org.telereg.engine.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsTrainCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private Path corpus() throws IOException {
        StringBuilder text = new StringBuilder("class\tsubtype\ttext\n");
        for (int i = 0; i < 20; i++) {
            text.append("fraud\timpersonate_authority\t我是公安局警官，你涉嫌洗钱案件编号")
                    .append(i)
                    .append("，请把钱转入安全账户\n");
            text.append("ad\tservices\t本店周年庆全场").append(i % 9 + 1).append("折，欢迎光临，回T退订\n");
            text.append("normal\tmixed_notices_and_ads\t今晚").append(i % 9 + 1).append("点回家吃饭，NAME记得买菜\n");
        }
        Path file = dir.resolve("corpus.tsv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void trainsAModelThatScreeningThenUses() throws IOException {
        Path model = dir.resolve("model.bin");

        int status = SmsTrainCommand.run(
                List.of("--in", corpus().toString(), "--out", model.toString(), "--folds", "2"),
                stream(out),
                stream(err));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("read 60 messages")
                .contains("2-fold cross-validation")
                .contains("| fraud | 20 |")
                .contains("model written to");
        Path messages = dir.resolve("messages.tsv");
        Files.writeString(messages, "id\tsender\ttext\na\t\t我是警官，你涉嫌洗钱，转入安全账户\nb\t\t今晚回家吃饭\n");
        Path verdicts = dir.resolve("verdicts.tsv");
        assertThat(SmsScreenCommand.run(
                        List.of("--in", messages.toString(), "--out", verdicts.toString(), "--model", model.toString()),
                        stream(out),
                        stream(err)))
                .isZero();
        assertThat(Files.readAllLines(verdicts))
                .as("verdicts")
                .extracting(l -> l.split("\t")[1])
                .containsExactly("verdict", "fraud", "normal");
    }

    @Test
    void modelReadBackGivesTheSameVerdicts() throws IOException {
        SmsModel trained = SmsModelTrainer.standard().withHashBits(12).train(SmsModelTrainer.readCorpus(corpus()));
        Path file = dir.resolve("m.bin");
        trained.write(file);
        SmsModel read = SmsModel.read(file);

        assertThat(read.fraudThreshold()).isEqualTo(trained.fraudThreshold());
        assertThat(read.keywords().groups()).isEqualTo(trained.keywords().groups());
        for (String text : List.of("我是警官请转入安全账户", "全场五折回T退订", "回家吃饭")) {
            assertThat(SmsScreener.of(read).screen(text))
                    .isEqualTo(SmsScreener.of(trained).screen(text));
        }
    }

    @Test
    void refusesAFileThatIsNotAModel() throws IOException {
        Path notModel = dir.resolve("not-model.bin");
        Files.writeString(notModel, "hello");
        Path messages = dir.resolve("messages.tsv");
        Files.writeString(messages, "id\tsender\ttext\na\t\t你好\n");

        int status = SmsScreenCommand.run(
                List.of(
                        "--in",
                        messages.toString(),
                        "--out",
                        dir.resolve("v.tsv").toString(),
                        "--model",
                        notModel.toString()),
                stream(out),
                stream(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read the model");
    }

    @Test
    void neutralisesAnonymisationMarksOfTheCorpus() {
        assertThat(SmsModelTrainer.clean("NAME您好，请拨打xxxxxxx，DIGIT月[DIGIT]日到PLACE，XXX警官"))
                .isEqualTo("您好，请拨打0000000，0月0日到，警官");
    }

    @Test
    void reportsTheLineOfABadCorpusRow() throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "class\tsubtype\ttext\nfraud\tx\t好\nspamish\tx\t坏\n");

        int status = SmsTrainCommand.run(
                List.of("--in", file.toString(), "--out", dir.resolve("m.bin").toString()), stream(out), stream(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3");
    }
}
