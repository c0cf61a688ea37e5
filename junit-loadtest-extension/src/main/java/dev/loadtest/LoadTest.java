package dev.loadtest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns a test method into a load test: the method body is one iteration of one virtual user (VU), and the
 * extension runs it concurrently on virtual threads, one thread per VU, following a k6 executor.
 *
 * <p>The executor is inferred when omitted, like k6's shortcut options: {@code stages} give
 * {@link Executor#RAMPING_VUS}, {@code duration} gives {@link Executor#CONSTANT_VUS}, otherwise
 * {@link Executor#SHARED_ITERATIONS} (one iteration when {@code iterations} is not set either).
 *
 * <pre>{@code
 * @LoadTest(vus = 50, duration = "30s")
 * @Threshold(metric = "http_req_duration", condition = "p(95)<200")
 * void checkout(Http http) {
 *     LoadResponse res = http.get(baseUri.resolve("/cart"));
 *     assertThat(res).hasStatus(200);
 * }
 * }</pre>
 *
 * <p>Durations are k6 duration strings: {@code "500ms"}, {@code "30s"}, {@code "1m30s"}, {@code "2h"}.
 * The system properties or configuration parameters {@code loadtest.vus}, {@code loadtest.duration},
 * {@code loadtest.iterations} and {@code loadtest.scale} override what the annotation says.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@ExtendWith(LoadTestExtension.class)
public @interface LoadTest {

    /** The executor; inferred from the other attributes when {@link Executor#AUTO}. */
    Executor executor() default Executor.AUTO;

    /** Number of virtual users (k6 {@code vus}). */
    int vus() default 1;

    /** How long the executor runs, for {@link Executor#CONSTANT_VUS} and the arrival-rate executors. */
    String duration() default "";

    /** Iterations: shared by all VUs, or per VU; 0 means not set (one iteration for shared iterations). */
    int iterations() default 0;

    /** Stages for the ramping executors: each ramps linearly to its target over its duration. */
    Stage[] stages() default {};

    /** VUs at the start of a {@link Executor#RAMPING_VUS} run. */
    int startVus() default 1;

    /** Time a ramped-down VU is given to finish its iteration. */
    String gracefulRampDown() default "30s";

    /** Time running iterations are given to finish when the executor's time is up. */
    String gracefulStop() default "30s";

    /** Upper bound on the run time of the iteration-based executors. */
    String maxDuration() default "10m";

    /** Iterations started per {@link #timeUnit()} by {@link Executor#CONSTANT_ARRIVAL_RATE}; 0 means not set. */
    int rate() default 0;

    /** Iterations started per {@link #timeUnit()} at the start of {@link Executor#RAMPING_ARRIVAL_RATE}. */
    int startRate() default 0;

    /** The period that {@link #rate()}, {@link #startRate()} and arrival-rate stage targets refer to. */
    String timeUnit() default "1s";

    /** VUs started before an arrival-rate run begins; 0 means not set. */
    int preAllocatedVus() default 0;

    /** Most VUs an arrival-rate run may start; 0 means as many as {@link #preAllocatedVus()}. */
    int maxVus() default 0;

    /** The scenario name, used as the {@code scenario} tag; the method name when empty. */
    String scenario() default "";

    /** How VUs get their HTTP client: a small shared pool (default) or one client and pool per VU, like k6. */
    Connections connections() default Connections.SHARED;

    /** The executor java.net.http runs its asynchronous work on; the benchmarks chose {@link ClientExecutor#AUTO}. */
    ClientExecutor clientExecutor() default ClientExecutor.AUTO;

    /** Discard response bodies instead of keeping them (k6 {@code discardResponseBodies}). */
    boolean discardResponseBodies() default false;

    /**
     * Statuses that count as expected for {@code http_req_failed}: ranges and single codes, e.g.
     * {@code "200-399"} or {@code "200-299,404"}.
     */
    String expectedStatuses() default "200-399";

    /** Default request timeout (k6's default: 60 s). */
    String requestTimeout() default "60s";

}
