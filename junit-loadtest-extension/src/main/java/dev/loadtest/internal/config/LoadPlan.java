package dev.loadtest.internal.config;

import java.time.Duration;
import java.util.List;

import dev.loadtest.Executor;
import dev.loadtest.internal.http.ClientSettings;
import dev.loadtest.internal.threshold.ThresholdSpec;

/**
 * A validated load-test configuration: what the annotations and overrides say, with the executor resolved.
 *
 * @param scenario scenario name
 * @param executor the resolved executor (never AUTO)
 * @param vus VUs for the VU-based executors
 * @param iterations iterations for the iteration executors
 * @param duration run time for the time-based executors
 * @param stages stages of the ramping executors
 * @param startVus VUs at the start of ramping-vus
 * @param gracefulRampDown grace for ramped-down VUs
 * @param gracefulStop grace for running iterations at the end
 * @param maxDuration bound of the iteration executors
 * @param rate iterations per time unit (constant-arrival-rate)
 * @param startRate iterations per time unit at the start (ramping-arrival-rate)
 * @param timeUnit the rate's period
 * @param preAllocatedVus VUs started before an arrival-rate run
 * @param maxVus most VUs of an arrival-rate run
 * @param client HTTP client settings
 * @param thresholds parsed thresholds
 * @param notes overrides that applied, for the summary
 */
public record LoadPlan(String scenario, Executor executor, int vus, long iterations, Duration duration,
        List<StagePlan> stages, int startVus, Duration gracefulRampDown, Duration gracefulStop, Duration maxDuration,
        long rate, long startRate, Duration timeUnit, int preAllocatedVus, int maxVus, ClientSettings client,
        List<ThresholdSpec> thresholds, List<String> notes) {

    /**
     * One stage.
     *
     * @param duration ramp time
     * @param target VUs or rate at the end
     */
    public record StagePlan(Duration duration, long target) {
    }

    /** A copy with other client settings and more notes for the summary. */
    public LoadPlan withClient(ClientSettings newClient, List<String> moreNotes) {
        List<String> allNotes = new java.util.ArrayList<>(notes);
        allNotes.addAll(moreNotes);
        return new LoadPlan(scenario, executor, vus, iterations, duration, stages, startVus, gracefulRampDown,
                gracefulStop, maxDuration, rate, startRate, timeUnit, preAllocatedVus, maxVus, newClient, thresholds,
                List.copyOf(allNotes));
    }

    /** The most VUs this plan may run at once (k6 {@code vus_max}). */
    public int maxConcurrentVus() {
        return switch (executor) {
            case RAMPING_VUS -> (int) Math.max(startVus,
                    stages.stream().mapToLong(StagePlan::target).max().orElse(0));
            case CONSTANT_ARRIVAL_RATE, RAMPING_ARRIVAL_RATE -> Math.max(preAllocatedVus, maxVus);
            default -> vus;
        };
    }

    /** Total time of the stages. */
    public Duration stagesDuration() {
        return stages.stream().map(StagePlan::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
