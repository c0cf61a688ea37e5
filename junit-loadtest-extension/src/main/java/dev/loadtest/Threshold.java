package dev.loadtest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pass/fail criterion on a metric, in k6's syntax. A failed threshold fails the test with a message that lists
 * every failed threshold and its observed value.
 *
 * <pre>{@code
 * @Threshold(metric = "http_req_duration", condition = "p(95)<200")
 * @Threshold(metric = "http_req_duration{status:200,name:cart}", condition = "avg<100")
 * @Threshold(metric = "http_req_failed", condition = "rate<0.01", abortOnFail = true)
 * }</pre>
 *
 * <p>Aggregations: trends {@code avg min max med p(N)} (milliseconds for time trends), counters {@code count rate}
 * (rate per second), rates {@code rate}, gauges {@code value}. Operators: {@code < <= > >= == === !=}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Thresholds.class)
public @interface Threshold {

    /** Metric name, optionally with a tag filter: {@code http_req_duration{status:200}}. */
    String metric();

    /** The condition, such as {@code p(95)<200} or {@code rate<0.01}. */
    String condition();

    /** Stop the run as soon as this threshold fails (evaluated while running). */
    boolean abortOnFail() default false;

    /** With {@link #abortOnFail()}: how long to wait before evaluating, as a k6 duration string. */
    String delayAbortEval() default "";
}
