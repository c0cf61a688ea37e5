package dev.loadtest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Optional;

import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture test classes through the real JUnit engine. */
final class TestKit {

    private TestKit() {
    }

    static EngineExecutionResults run(Class<?> testClass, String... configKeysAndValues) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameter("loadtest.reportDir", "target/loadtest-reports/testkit");
        for (int i = 0; i < configKeysAndValues.length; i += 2) {
            builder.configurationParameter(configKeysAndValues[i], configKeysAndValues[i + 1]);
        }
        return builder.execute();
    }

    /** The key figures the extension published for the (single) load test that ran. */
    static Map<String, String> figures(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class))
                .flatMap(Optional::stream)
                .map(ReportEntry::getKeyValuePairs)
                .filter(m -> m.containsKey("loadtest.scenario"))
                .findFirst().orElseThrow(() -> new AssertionError("no load test figures were published"));
    }

    /** The failure message of the single failed test. */
    static String failureMessage(EngineExecutionResults results) {
        Event failed = results.testEvents().failed().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no test failed"));
        return failed.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable()
                .map(Throwable::getMessage).orElse("");
    }
}
