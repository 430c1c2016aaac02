package org.telereg.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one configuration of the browser tests, so they share a single running application: the
 * whole platform on a random port and its own database, with the demo data of {@link
 * PlatformIntegrationTest} and its clock kept away from midnight ({@link AwayFromMidnight}). Tests drive it
 * through a {@link Browser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "telereg.demo.enterprises=60",
            "telereg.spam.attachments-dir=target/attachments",
            "telereg.antifraud.batches.storage-dir=target/cdr",
            "telereg.appeals.attachments-dir=target/appeals",
            "telereg.licensing.attachments-dir=target/licensing",
            "telereg.broadband.challenges.attachments-dir=target/broadband-evidence",
            "telereg.filing.attachments-dir=target/filing",
            "telereg.netsec.incident.attachments-dir=target/netsec",
            // Filing webhooks: the browser test's receiver listens on loopback.
            "telereg.filing.webhooks.allow-loopback=true"
        })
@ActiveProfiles("demo")
@Import(AwayFromMidnight.class)
public @interface BrowserIntegrationTest {}
