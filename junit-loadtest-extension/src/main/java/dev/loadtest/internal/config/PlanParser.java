package dev.loadtest.internal.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.loadtest.Executor;
import dev.loadtest.LoadTest;
import dev.loadtest.Stage;
import dev.loadtest.Threshold;
import dev.loadtest.internal.config.LoadPlan.StagePlan;
import dev.loadtest.internal.http.ClientSettings;
import dev.loadtest.internal.threshold.ThresholdParser;
import dev.loadtest.internal.threshold.ThresholdSpec;

/**
 * Turns {@link LoadTest} and {@link Threshold} annotations plus CI overrides into a {@link LoadPlan}, or fails
 * with a {@link ConfigurationException} before any load starts.
 */
public final class PlanParser {

    public static final String VUS = "loadtest.vus";
    public static final String DURATION = "loadtest.duration";
    public static final String ITERATIONS = "loadtest.iterations";
    public static final String SCALE = "loadtest.scale";

    private static final String AT = "@LoadTest";

    private final LoadTest a;
    private final String where;
    private final Function<String, Optional<String>> config;
    private final List<String> notes = new ArrayList<>();

    private PlanParser(LoadTest annotation, String where, Function<String, Optional<String>> config) {
        this.a = annotation;
        this.where = where;
        this.config = config;
    }

    /**
     * @param where e.g. {@code method [checkout()]}
     * @param defaultScenario scenario name when the annotation gives none
     * @param config configuration parameters (system properties, junit-platform.properties)
     */
    public static LoadPlan parse(LoadTest annotation, List<Threshold> thresholds, String where,
            String defaultScenario, Function<String, Optional<String>> config) {
        return new PlanParser(annotation, where, config).plan(thresholds, defaultScenario);
    }

    private LoadPlan plan(List<Threshold> thresholdAnnotations, String defaultScenario) {
        Executor executor = resolveExecutor();
        int vus = a.vus();
        long iterations = a.iterations();
        Duration duration = a.duration().isEmpty() ? Duration.ZERO : duration("duration", a.duration());
        List<StagePlan> stages = stages();

        // Overrides (k6: CLI flags win over script options), applied to what the executor uses.
        Optional<Integer> vusOverride = positiveInt(VUS);
        Optional<Long> iterOverride = positiveInt(ITERATIONS).map(Integer::longValue);
        Optional<Duration> durOverride = config.apply(DURATION).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> parseOverrideDuration(s));
        BigDecimal scale = scale();
        boolean vuBased = executor != Executor.CONSTANT_ARRIVAL_RATE && executor != Executor.RAMPING_ARRIVAL_RATE;
        if (vusOverride.isPresent() && vuBased && executor != Executor.RAMPING_VUS) {
            notes.add(VUS + "=" + vusOverride.get() + " (was " + vus + ")");
            vus = vusOverride.get();
        }
        if (iterOverride.isPresent() && usesIterations(executor)) {
            notes.add(ITERATIONS + "=" + iterOverride.get() + " (was " + iterations + ")");
            iterations = iterOverride.get();
        }
        if (durOverride.isPresent() && usesDuration(executor)) {
            notes.add(DURATION + "=" + DurationParser.format(durOverride.get()) + " (was "
                    + (a.duration().isEmpty() ? "unset" : a.duration()) + ")");
            duration = durOverride.get();
        }

        validateVus(executor, vus);
        if (executor == Executor.SHARED_ITERATIONS && iterations == 0) {
            iterations = 1;
        }
        if (executor == Executor.PER_VU_ITERATIONS && iterations == 0) {
            iterations = 1;
        }
        long rate = a.rate();
        long startRate = a.startRate();
        int startVus = a.startVus();
        int preAllocated = a.preAllocatedVus();
        int maxVus = a.maxVus();
        if (scale.compareTo(BigDecimal.ONE) != 0) {
            notes.add(SCALE + "=" + scale.toPlainString() + " (VUs, iterations and rates scaled)");
            vus = (int) scaled(vus, scale, 1);
            iterations = iterations == 0 ? 0 : scaled(iterations, scale, 1);
            startVus = (int) scaled(startVus, scale, 0);
            rate = rate == 0 ? 0 : scaled(rate, scale, 1);
            startRate = scaled(startRate, scale, 0);
            preAllocated = preAllocated == 0 ? 0 : (int) scaled(preAllocated, scale, 1);
            maxVus = maxVus == 0 ? 0 : (int) scaled(maxVus, scale, 1);
            stages = stages.stream().map(s -> new StagePlan(s.duration(), scaled(s.target(), scale, 0))).toList();
            if (executor == Executor.SHARED_ITERATIONS && iterations < vus) {
                iterations = vus;
            }
        }
        validateExecutor(executor, vus, iterations, duration, stages, startVus, rate, startRate, preAllocated,
                maxVus);

        Duration timeUnit = duration("timeUnit", a.timeUnit());
        if (timeUnit.isZero()) {
            throw error("timeUnit", a.timeUnit(), "a positive duration such as 1s or 1m");
        }
        ClientSettings client = new ClientSettings(a.connections(), a.clientExecutor(), a.discardResponseBodies(),
                StatusSet.parse(a.expectedStatuses(), where), positive("requestTimeout", a.requestTimeout()));
        List<ThresholdSpec> thresholds = thresholdAnnotations.stream()
                .map(t -> ThresholdParser.parse(t, where)).toList();
        String scenario = a.scenario().isBlank() ? defaultScenario : a.scenario().strip();
        return new LoadPlan(scenario, executor, vus, iterations, duration, stages, startVus,
                duration("gracefulRampDown", a.gracefulRampDown()), duration("gracefulStop", a.gracefulStop()),
                positive("maxDuration", a.maxDuration()), rate, startRate, timeUnit, preAllocated,
                maxVus == 0 ? preAllocated : maxVus, client, thresholds, List.copyOf(notes));
    }

    private Executor resolveExecutor() {
        if (a.executor() != Executor.AUTO) {
            return a.executor();
        }
        boolean hasDuration = !a.duration().isEmpty();
        if (a.stages().length > 0) {
            if (hasDuration) {
                throw conflict("stages", "duration", "stages already define the run time");
            }
            if (a.iterations() != 0) {
                throw conflict("stages", "iterations", "a ramping run is bounded by its stages, not iterations");
            }
            return Executor.RAMPING_VUS;
        }
        if (hasDuration && a.iterations() != 0) {
            throw conflict("duration", "iterations",
                    "set executor = SHARED_ITERATIONS with maxDuration to bound iterations by time");
        }
        if (a.rate() != 0) {
            return Executor.CONSTANT_ARRIVAL_RATE;
        }
        return hasDuration ? Executor.CONSTANT_VUS : Executor.SHARED_ITERATIONS;
    }

    private void validateVus(Executor executor, int vus) {
        boolean vuBased = executor != Executor.CONSTANT_ARRIVAL_RATE && executor != Executor.RAMPING_ARRIVAL_RATE
                && executor != Executor.RAMPING_VUS;
        if (vuBased && vus <= 0) {
            throw error("vus", String.valueOf(vus), "vus > 0");
        }
    }

    private void validateExecutor(Executor executor, int vus, long iterations, Duration duration,
            List<StagePlan> stages, int startVus, long rate, long startRate, int preAllocated, int maxVus) {
        String name = executor.name();
        switch (executor) {
            case SHARED_ITERATIONS -> {
                rejectSet(name, "duration", !duration.isZero(), "use maxDuration to bound iterations by time");
                rejectStages(name, stages);
                rejectRates(name);
                if (iterations < 0) {
                    throw error("iterations", String.valueOf(iterations), "iterations > 0");
                }
                if (iterations < vus) {
                    throw error("iterations", String.valueOf(iterations), "for SHARED_ITERATIONS, iterations >= vus ("
                            + vus + "), or every VU beyond the iterations would have nothing to do");
                }
            }
            case PER_VU_ITERATIONS -> {
                rejectSet(name, "duration", !duration.isZero(), "use maxDuration to bound iterations by time");
                rejectStages(name, stages);
                rejectRates(name);
                if (iterations < 0) {
                    throw error("iterations", String.valueOf(iterations), "iterations > 0");
                }
            }
            case CONSTANT_VUS -> {
                rejectSet(name, "iterations", iterations != 0, "CONSTANT_VUS runs for a duration");
                rejectStages(name, stages);
                rejectRates(name);
                if (duration.isZero()) {
                    throw error("duration", a.duration(), "CONSTANT_VUS needs a duration > 0, such as 30s");
                }
            }
            case RAMPING_VUS -> {
                rejectSet(name, "iterations", iterations != 0, "a ramping run is bounded by its stages");
                rejectSet(name, "duration", !duration.isZero(), "stages define the run time");
                rejectRates(name);
                requireStages(name, stages);
                if (startVus < 0) {
                    throw error("startVus", String.valueOf(startVus), "startVus >= 0");
                }
            }
            case CONSTANT_ARRIVAL_RATE -> {
                rejectStages(name, stages);
                rejectSet(name, "iterations", iterations != 0, "an arrival-rate run is bounded by its duration");
                rejectUnused(name, "startRate", a.startRate(), 0, "startRate belongs to RAMPING_ARRIVAL_RATE;"
                        + " CONSTANT_ARRIVAL_RATE starts rate iterations per timeUnit throughout");
                rejectArrivalRateVus(name);
                if (rate <= 0) {
                    throw error("rate", String.valueOf(rate), "CONSTANT_ARRIVAL_RATE needs rate > 0, the iterations"
                            + " started per timeUnit (" + a.timeUnit() + ")");
                }
                if (duration.isZero()) {
                    throw error("duration", a.duration(), "CONSTANT_ARRIVAL_RATE needs a duration > 0, such as 30s");
                }
                validatePool(preAllocated, maxVus);
            }
            case RAMPING_ARRIVAL_RATE -> {
                rejectSet(name, "iterations", iterations != 0, "a ramping run is bounded by its stages");
                rejectSet(name, "duration", !duration.isZero(), "stages define the run time");
                rejectSet(name, "rate", rate != 0, "use startRate and stage targets");
                rejectArrivalRateVus(name);
                requireStages(name, stages);
                if (startRate < 0) {
                    throw error("startRate", String.valueOf(startRate), "startRate >= 0, the iterations started per"
                            + " timeUnit (" + a.timeUnit() + ") at the start of RAMPING_ARRIVAL_RATE");
                }
                validatePool(preAllocated, maxVus);
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private void validatePool(int preAllocated, int maxVus) {
        if (preAllocated <= 0) {
            throw error("preAllocatedVus", String.valueOf(preAllocated), "preAllocatedVus > 0, the VUs an"
                    + " arrival-rate executor starts before its first iteration");
        }
        if (maxVus != 0 && maxVus < preAllocated) {
            throw error("maxVus", String.valueOf(maxVus), "maxVus >= preAllocatedVus (" + preAllocated
                    + "), or 0 for no VUs beyond the pre-allocated ones");
        }
    }

    private List<StagePlan> stages() {
        List<StagePlan> stages = new ArrayList<>();
        Stage[] declared = a.stages();
        for (int i = 0; i < declared.length; i++) {
            Stage s = declared[i];
            String attr = "stages[" + i + "]";
            Duration d = DurationParser.parse(s.duration(), AT, attr + ".duration", where);
            if (s.target() < 0) {
                throw error(attr + ".target", String.valueOf(s.target()), "target >= 0");
            }
            stages.add(new StagePlan(d, s.target()));
        }
        return List.copyOf(stages);
    }

    private void requireStages(String executor, List<StagePlan> stages) {
        if (stages.isEmpty()) {
            throw error("stages", "{}", executor + " needs at least one @Stage(duration = \"10s\", target = 20)");
        }
        if (stages.stream().allMatch(s -> s.duration().isZero())) {
            throw error("stages", "(total 0s)", executor + " needs stages whose durations add up to more than 0s");
        }
    }

    private void rejectStages(String executor, List<StagePlan> stages) {
        rejectSet(executor, "stages", !stages.isEmpty(), "stages belong to RAMPING_VUS and RAMPING_ARRIVAL_RATE");
    }

    private void rejectRates(String executor) {
        String hint = "it belongs to the arrival-rate executors (for stages of rates, set executor ="
                + " RAMPING_ARRIVAL_RATE)";
        rejectUnused(executor, "rate", a.rate(), 0, hint);
        rejectUnused(executor, "startRate", a.startRate(), 0, hint);
        rejectUnused(executor, "preAllocatedVus", a.preAllocatedVus(), 0, hint);
        rejectUnused(executor, "maxVus", a.maxVus(), 0, hint);
    }

    /** The VU attributes of the closed-model executors, whose default is 1, as declared (before loadtest.scale). */
    private void rejectArrivalRateVus(String executor) {
        String hint = "an arrival-rate executor starts preAllocatedVus VUs up front and more, up to maxVus, as needed";
        rejectUnused(executor, "vus", a.vus(), 1, hint);
        rejectUnused(executor, "startVus", a.startVus(), 1, hint);
    }

    /** Rejects a numeric attribute that the executor does not use but that was set to other than its default. */
    private void rejectUnused(String executor, String attribute, long declared, long unset, String hint) {
        if (declared != unset) {
            throw error(attribute, String.valueOf(declared), "only the default " + unset + " with executor = "
                    + executor + ", which does not use " + attribute + ": " + hint);
        }
    }

    private void rejectSet(String executor, String attribute, boolean set, String hint) {
        if (set) {
            throw new ConfigurationException(AT + " on " + where + ": " + attribute
                    + " conflicts with executor = " + executor + ": " + hint);
        }
    }

    private ConfigurationException conflict(String first, String second, String hint) {
        return new ConfigurationException(AT + " on " + where + ": " + first + " and " + second
                + " cannot both be set: " + hint);
    }

    private Duration duration(String attribute, String text) {
        return DurationParser.parse(text, AT, attribute, where);
    }

    private Duration positive(String attribute, String text) {
        Duration d = duration(attribute, text);
        if (d.isZero()) {
            throw error(attribute, text, "a duration > 0");
        }
        return d;
    }

    private Duration parseOverrideDuration(String value) {
        try {
            return DurationParser.parse(value, AT, "duration", where);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("override " + DURATION + " = '" + value
                    + "' is not accepted: a k6 duration such as 500ms, 30s, 1m30s or 2h");
        }
    }

    private Optional<Integer> positiveInt(String key) {
        return config.apply(key).map(String::strip).filter(s -> !s.isEmpty()).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigurationException("override " + key + " = '" + v + "' is not accepted: a whole number > 0");
        });
    }

    private BigDecimal scale() {
        return config.apply(SCALE).map(String::strip).filter(s -> !s.isEmpty()).map(v -> {
            try {
                BigDecimal d = new BigDecimal(v);
                if (d.signum() > 0) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigurationException("override " + SCALE + " = '" + v
                    + "' is not accepted: a factor > 0 such as 0.1 or 2");
        }).orElse(BigDecimal.ONE);
    }

    private static long scaled(long value, BigDecimal scale, long min) {
        long v = new BigDecimal(value).multiply(scale).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        return Math.max(min, v);
    }

    private static boolean usesIterations(Executor e) {
        return e == Executor.SHARED_ITERATIONS || e == Executor.PER_VU_ITERATIONS;
    }

    private static boolean usesDuration(Executor e) {
        return e == Executor.CONSTANT_VUS || e == Executor.CONSTANT_ARRIVAL_RATE;
    }

    private ConfigurationException error(String attribute, String value, String accepted) {
        return new ConfigurationException(AT, attribute, value, where, accepted);
    }
}
