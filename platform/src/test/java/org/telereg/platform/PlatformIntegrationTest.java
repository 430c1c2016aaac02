package org.telereg.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one configuration of the MockMvc integration tests, so they share a single application
 * context: the whole platform on its own database, filled with a small demo data set, its clock kept away from
 * midnight ({@link AwayFromMidnight}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "telereg.demo.enterprises=60",
            "telereg.spam.attachments-dir=target/attachments",
            "telereg.antifraud.batches.storage-dir=target/cdr",
            "telereg.appeals.attachments-dir=target/appeals",
            "telereg.licensing.attachments-dir=target/licensing",
            "telereg.broadband.challenges.attachments-dir=target/broadband-evidence",
            "telereg.filing.attachments-dir=target/filing",
            "telereg.netsec.incident.attachments-dir=target/netsec",
            // Filing webhooks: receivers on loopback, and a dispatcher the tests drive themselves.
            "telereg.filing.webhooks.allow-loopback=true",
            "telereg.filing.webhooks.dispatch-interval=PT12H"
        })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(AwayFromMidnight.class)
public @interface PlatformIntegrationTest {}
