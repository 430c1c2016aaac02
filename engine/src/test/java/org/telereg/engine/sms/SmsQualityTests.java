package org.telereg.engine.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-validated quality against the product targets; docs/sms-quality.md records the full tables. */
class SmsQualityTests {

    // Maven runs tests in the module directory; the team's reference data sits beside the repository.
    private static final Path ZH_TRAIN = Path.of("..", "..", "shared", "data", "sms", "zh-train.tsv");

    @TempDir
    Path dir;

    @Test
    void findsFraudWithoutCallingNormalMessagesFraudOnChineseCorpus() throws IOException {
        assumeTrue(
                Files.isRegularFile(ZH_TRAIN),
                "Skipped: the Chinese SMS corpus is not at "
                        + ZH_TRAIN.toAbsolutePath().normalize()
                        + " (the team's shared/data folder beside the repository)");
        List<LabelledSms> corpus = SmsModelTrainer.readCorpus(ZH_TRAIN);

        SmsQualityReport report = SmsModelTrainer.standard().crossValidate(corpus, 5);

        System.out.println("Chinese corpus, 5-fold cross-validation\n" + report.toMarkdown());
        assertThat(report.recall(SmsCategory.FRAUD)).isGreaterThanOrEqualTo(0.95);
        assertThat(report.rate(SmsCategory.NORMAL, SmsCategory.FRAUD)).isLessThanOrEqualTo(0.02);
    }

    @Test
    void separatesEnglishSpamFromHam() throws IOException {
        Path uci = dir.resolve("uci.tsv");
        try (InputStream in = getClass().getResourceAsStream("uci-SMSSpamCollection.tsv")) {
            Files.copy(in, uci, StandardCopyOption.REPLACE_EXISTING);
        }
        List<LabelledSms> corpus = SmsModelTrainer.readCorpus(uci);
        assertThat(corpus).hasSize(5574);

        SmsQualityReport report = SmsModelTrainer.standard().crossValidate(corpus, 5);

        System.out.println("UCI SMS Spam Collection, 5-fold cross-validation\n" + report.toMarkdown());
        assertThat(report.recall(SmsCategory.AD)).isGreaterThanOrEqualTo(0.90);
        assertThat(report.precision(SmsCategory.AD)).isGreaterThanOrEqualTo(0.95);
        assertThat(report.count(SmsCategory.NORMAL, SmsCategory.FRAUD)).isZero();
    }
}
