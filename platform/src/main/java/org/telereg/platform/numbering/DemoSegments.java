package org.telereg.platform.numbering;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.Actor;

/**
 * The demo's mobile segments: the reference data seeded once the demo operators exist, so every
 * number's block holder is known. Seeding is idempotent, so a restart adds nothing.
 */
@Component
@Profile("demo")
@Order(10)
class DemoSegments implements ApplicationRunner {

    private final SegmentSeeding seeding;

    DemoSegments(SegmentSeeding seeding) {
        this.seeding = seeding;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.seed(Actor.system());
    }
}
