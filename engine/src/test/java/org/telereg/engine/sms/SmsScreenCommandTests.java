package org.telereg.engine.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsScreenCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SmsScreenCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path input(String content, Charset charset) throws IOException {
        Path file = dir.resolve("messages.tsv");
        Files.write(file, content.getBytes(charset));
        return file;
    }

    @Test
    void writesOneVerdictPerMessageInInputOrder() throws IOException {
        Path in = input(
                "id\tsender\ttext\n"
                        + "m3\t10690000123\t【某银行】您的U盾已过期，请立即登录 wap.abc-bank.cn 升级，否则账户将被冻结\n"
                        + "m1\t\t晚上回家吃饭吗\n"
                        + "m2\t13800138000\t我是市公安局民警，你涉嫌洗钱，请将资金转入安全账户配合调查\n",
                StandardCharsets.UTF_8);
        Path verdicts = dir.resolve("verdicts.tsv");

        assertThat(run("--in", in.toString(), "--out", verdicts.toString())).isZero();

        List<String> lines = Files.readAllLines(verdicts, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id\tverdict\tscore\treasons");
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).extracting(l -> l.split("\t")[0]).containsExactly("m3", "m1", "m2");
        assertThat(lines.get(1).split("\t")[1]).isEqualTo("fraud");
        assertThat(lines.get(1)).contains("port:10690000123").contains("url:wap.abc-bank.cn");
        assertThat(lines.get(2).split("\t")[1]).isEqualTo("normal");
        assertThat(lines.get(3).split("\t")[1]).isEqualTo("fraud");
        assertThat(lines.get(3)).contains("group:auth.safe-account");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("screened 3 messages");
    }

    @Test
    void refusesAGbkFileAndSaysHowToConvertIt() throws IOException {
        Path in = input("id\tsender\ttext\nm1\t\t您的银行卡已冻结，请联系客服\n", Charset.forName("GBK"));
        Path verdicts = dir.resolve("verdicts.tsv");

        assertThat(run("--in", in.toString(), "--out", verdicts.toString())).isEqualTo(1);

        assertThat(errors()).contains("GBK").contains("iconv -f GBK -t UTF-8");
        assertThat(verdicts).doesNotExist();
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path in = input("", StandardCharsets.UTF_8);

        assertThat(run("--in", in.toString(), "--out", dir.resolve("v.tsv").toString()))
                .isEqualTo(1);

        assertThat(errors()).contains("is empty");
        assertThat(dir.resolve("v.tsv")).doesNotExist();
    }

    @Test
    void refusesAFileWithoutTheHeader() throws IOException {
        Path in = input("m1\t\t晚上回家吃饭吗\n", StandardCharsets.UTF_8);

        assertThat(run("--in", in.toString(), "--out", dir.resolve("v.tsv").toString()))
                .isEqualTo(1);

        assertThat(errors()).contains("line 1: expected the header id<TAB>sender<TAB>text");
    }

    @Test
    void headerOnlyGivesHeaderOnly() throws IOException {
        Path in = input("\uFEFFid\tsender\ttext\r\n", StandardCharsets.UTF_8);
        Path verdicts = dir.resolve("verdicts.tsv");

        assertThat(run("--in", in.toString(), "--out", verdicts.toString())).isZero();

        assertThat(Files.readAllLines(verdicts)).containsExactly("id\tverdict\tscore\treasons");
    }

    @Test
    void reportsBadRowsWithLineNumbersAndScreensTheRest() throws IOException {
        Path in = input("id\tsender\ttext\nm1\t\t你好\nbroken row\n\t\t没有编号\nm4\t\t文本里\t有制表符\n", StandardCharsets.UTF_8);
        Path verdicts = dir.resolve("verdicts.tsv");

        assertThat(run("--in", in.toString(), "--out", verdicts.toString())).isEqualTo(1);

        assertThat(errors()).contains("line 3: expected 3 tab-separated fields").contains("line 4: empty id");
        assertThat(Files.readAllLines(verdicts))
                .extracting(l -> l.split("\t")[0])
                .containsExactly("id", "m1", "m4");
    }

    @Test
    void reportsTheLineOfInvalidUtf8AfterAValidStart() throws IOException {
        StringBuilder content = new StringBuilder("id\tsender\ttext\n");
        for (int i = 0; i < 5000; i++) {
            content.append("m").append(i).append("\t\t晚上回家吃饭吗，明天见\n");
        }
        byte[] valid = content.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "m-bad\t\t".getBytes(StandardCharsets.UTF_8);
        Path in = dir.resolve("messages.tsv");
        Files.write(in, concat(valid, bad, new byte[] {(byte) 0xC4, (byte) 0xFA, '\n'}));
        Path verdicts = dir.resolve("verdicts.tsv");

        assertThat(run("--in", in.toString(), "--out", verdicts.toString())).isEqualTo(1);

        assertThat(errors()).contains("not valid UTF-8");
        assertThat(verdicts).doesNotExist();
    }

    @Test
    void rejectsUnknownArgumentsWithUsage() {
        assertThat(run("--in", "a.tsv")).isEqualTo(2);
        assertThat(run("--in", "a.tsv", "--out", "b.tsv", "--colour", "red")).isEqualTo(2);
        assertThat(errors()).contains("usage: sms-screen");
    }

    @Test
    void saysWhenTheInputIsMissing() {
        assertThat(run(
                        "--in",
                        dir.resolve("nope.tsv").toString(),
                        "--out",
                        dir.resolve("v.tsv").toString()))
                .isEqualTo(1);
        assertThat(errors()).contains("Input file not found");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
