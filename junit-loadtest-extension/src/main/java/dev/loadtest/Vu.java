package dev.loadtest;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The virtual user running the current iteration: its number, iteration counters, scenario, and k6's checks and
 * groups. Inject it as a test method parameter.
 */
public interface Vu {

    /** The VU number, from 1 (k6 {@code exec.vu.idInTest}). */
    int id();

    /** This iteration's number within this VU, from 0 (k6 {@code exec.vu.iterationInScenario}). */
    long iterationInVu();

    /** This iteration's number within the scenario, from 0 (k6 {@code exec.scenario.iterationInTest}). */
    long iteration();

    /** The scenario name. */
    String scenario();

    /**
     * A named, non-fatal check: feeds the {@code checks} rate and the per-check pass/fail counts.
     *
     * @return {@code passed}
     */
    boolean check(String name, boolean passed);

    /** A named, non-fatal check of a value; a condition that throws counts as failed. */
    default <T> boolean check(T value, String name, Predicate<? super T> condition) {
        boolean passed;
        try {
            passed = condition.test(value);
        } catch (RuntimeException e) {
            passed = false;
        }
        return check(name, passed);
    }

    /** Runs {@code body} in a group: sets the {@code group} tag and records {@code group_duration}. */
    default void group(String name, Runnable body) {
        group(name, () -> {
            body.run();
            return null;
        });
    }

    /** Runs {@code body} in a group and returns its result. */
    <T> T group(String name, Supplier<T> body);
}
