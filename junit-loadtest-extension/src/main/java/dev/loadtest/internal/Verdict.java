package dev.loadtest.internal;

import java.util.List;
import java.util.Map;

import org.opentest4j.AssertionFailedError;

import dev.loadtest.LoadResult;
import dev.loadtest.LoadResult.ThresholdOutcome;
import dev.loadtest.internal.threshold.ThresholdEvaluator;

/**
 * Decides whether a load test passed. Thresholds are the verdict, as in k6. A test that declares no threshold
 * fails when any iteration threw, like a plain JUnit test would.
 */
public final class Verdict {

    private Verdict() {
    }

    public static void check(LoadResult result) {
        StringBuilder message = new StringBuilder();
        result.abortReason().ifPresent(r -> message.append("Load test '").append(result.scenario())
                .append("' was aborted early: ").append(r).append('\n'));
        List<ThresholdOutcome> failed = result.thresholds().stream().filter(t -> !t.passed()).toList();
        if (!failed.isEmpty()) {
            message.append("Load test '").append(result.scenario()).append("' failed ").append(failed.size())
                    .append(" of ").append(result.thresholds().size()).append(" thresholds:\n");
            failed.forEach(t -> message.append("  ").append(ThresholdEvaluator.failureLine(t)).append('\n'));
        }
        Map<String, Long> errors = result.iterationErrors();
        if (result.thresholds().isEmpty() && !errors.isEmpty()) {
            long total = errors.values().stream().mapToLong(Long::longValue).sum();
            message.append("Load test '").append(result.scenario()).append("': ").append(total).append(" of ")
                    .append(total + result.count("iterations") - total)
                    .append(" iterations threw (declare a @Threshold to judge the run by its metrics instead):\n");
            errors.forEach((m, n) -> message.append("  ").append(n).append(" × ").append(m).append('\n'));
        }
        if (!message.isEmpty()) {
            throw new AssertionFailedError(message.toString().stripTrailing());
        }
    }
}
