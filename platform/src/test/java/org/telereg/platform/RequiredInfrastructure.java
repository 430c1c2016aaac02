package org.telereg.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the PostgreSQL pass and the browser test only where their server or browser exists, and
 * says why when it does not. Under CI ({@code CI=true}) nothing is ever disabled: a missing
 * PostgreSQL or chromium fails the build instead of hiding behind a skip.
 */
public class RequiredInfrastructure implements ExecutionCondition {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestClass().isEmpty() || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided per class");
        }
        String name = context.getTestClass().get().getSimpleName();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (TestDatabases.usesPostgres() && !TestDatabases.postgresReachable() && !ci) {
            return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + TestDatabases.postgresUrl()
                    + ": start it (see README) to run " + name + " on PostgreSQL");
        }
        if (name.endsWith("BrowserIntegrationTests") && !Files.isExecutable(CHROMEDRIVER) && !ci) {
            return ConditionEvaluationResult.disabled(
                    "chromium-driver not installed: apt-get install -y chromium chromium-driver to run " + name);
        }
        return ConditionEvaluationResult.enabled("infrastructure present");
    }
}
