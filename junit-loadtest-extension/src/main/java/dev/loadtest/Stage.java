package dev.loadtest;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One stage of a ramping executor: ramp linearly to {@link #target()} over {@link #duration()}.
 * For {@link Executor#RAMPING_VUS} the target is a VU count; for {@link Executor#RAMPING_ARRIVAL_RATE} it is a
 * rate of iterations per {@link LoadTest#timeUnit()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Stage {

    /** k6 duration string such as {@code "10s"}. */
    String duration();

    /** Target at the end of the stage. */
    int target();
}
