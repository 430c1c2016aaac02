package org.telereg.platform.antifraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.telereg.platform.PlatformIntegrationTest;

/** The embedded default: no Kafka anywhere. */
@PlatformIntegrationTest
class SuspectsTopicDefaultIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theDefaultConfigurationStartsNoKafkaConsumer() {
        assertThat(context.getBeansOfType(SuspectsTopicConsumer.class)).isEmpty();
        assertThat(context.getBean(StreamedVerdicts.class).status(1).consuming())
                .isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals(SuspectsTopicConsumer.THREAD));
    }
}
