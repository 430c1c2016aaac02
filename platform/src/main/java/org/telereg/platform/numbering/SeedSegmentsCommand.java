package org.telereg.platform.numbering;

import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;
import org.telereg.platform.BatchCommand;
import org.telereg.platform.access.Actor;

/**
 * {@code ./telereg segments-seed}: allocates the basic operators' mobile segments from the reference
 * data on a real installation, once the operators are registered; running it again adds only what is
 * missing. Exits 1 when an operator is missing, so a deployment script notices.
 */
@Component("segments-seed")
class SeedSegmentsCommand implements BatchCommand {

    private final SegmentSeeding seeding;

    SeedSegmentsCommand(SegmentSeeding seeding) {
        this.seeding = seeding;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (!arguments.isEmpty()) {
            out.println("用法 / usage: ./telereg segments-seed");
            return 2;
        }
        SegmentSeeding.SeedResult result = seeding.seed(Actor.system());
        out.printf(
                "参考号段 %d 个：新分配 %d，已有 %d，与现有分配重叠 %d / reference blocks %d: created %d,"
                        + " already held %d, overlapping %d%n",
                result.blocks(),
                result.created(),
                result.alreadyHeld(),
                result.overlapping(),
                result.blocks(),
                result.created(),
                result.alreadyHeld(),
                result.overlapping());
        for (String carrier : result.missingHolders()) {
            out.printf(
                    "未找到运营商 / no registered operator for %s (telereg.numbering.segment-holders.%s)%n",
                    carrier, carrier);
        }
        return result.missingHolders().isEmpty() ? 0 : 1;
    }
}
