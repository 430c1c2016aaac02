package org.telereg.platform.audit;

import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;
import org.telereg.platform.BatchCommand;

/** {@code ./telereg audit-verify}: recomputes the chain and exits 1 when any link is broken. */
@Component("audit-verify")
class AuditVerifyCommand implements BatchCommand {

    private final AuditLog log;

    AuditVerifyCommand(AuditLog log) {
        this.log = log;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        AuditVerification result = log.verify();
        if (result.intact()) {
            out.printf("审计日志完整 / audit log intact: %d rows checked%n", result.checked());
            return 0;
        }
        out.printf("审计日志被篡改 / audit log broken: %d rows checked%n", result.checked());
        for (AuditVerification.Break broken : result.breaks()) {
            out.printf("  seq %d: %s%n", broken.seq(), broken.reason());
        }
        return 1;
    }
}
