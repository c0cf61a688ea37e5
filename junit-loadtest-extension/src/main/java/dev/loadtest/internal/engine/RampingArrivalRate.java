package dev.loadtest.internal.engine;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import dev.loadtest.internal.config.LoadPlan;
import dev.loadtest.internal.config.LoadPlan.StagePlan;

/**
 * k6 {@code ramping-arrival-rate}: the rate of iteration starts goes linearly from {@code startRate} through each
 * stage's target, in iterations per {@code timeUnit}. As in k6, iteration {@code i} (from 1) is due when the
 * integral of the rate reaches {@code i}, so the run starts {@code floor(integral)} iterations in all.
 */
final class RampingArrivalRate implements ExecutorStrategy {

    @Override
    public void execute(RunContext ctx) throws InterruptedException {
        LoadPlan plan = ctx.plan();
        ArrivalRateScheduler.run(ctx, new Schedule(plan.startRate(), plan.stages(), plan.timeUnit()));
    }

    /**
     * The integral of a piecewise-linear rate. The iteration count and the stage each iteration falls in are
     * exact (integer arithmetic on {@code (from + to) * duration / (2 * timeUnit)}); only the time within a stage
     * is a floating-point solution of the quadratic.
     */
    static final class Schedule implements ArrivalRateSchedule {

        private final long[] stageStart;
        private final long[] stageLength;
        private final double[] fromPerNano;
        private final double[] toPerNano;
        /** Iterations due by the end of each stage, times {@link #scale}; entry 0 is the start. */
        private final BigInteger[] scaledTotalAt;
        private final BigInteger scale;
        private final long lengthNanos;
        private final long iterations;

        Schedule(long startRate, List<StagePlan> stages, Duration timeUnit) {
            int count = stages.size();
            long unit = timeUnit.toNanos();
            stageStart = new long[count];
            stageLength = new long[count];
            fromPerNano = new double[count];
            toPerNano = new double[count];
            scaledTotalAt = new BigInteger[count + 1];
            scale = BigInteger.valueOf(2 * unit);
            scaledTotalAt[0] = BigInteger.ZERO;
            long at = 0;
            long from = startRate;
            for (int k = 0; k < count; k++) {
                StagePlan stage = stages.get(k);
                long length = stage.duration().toNanos();
                stageStart[k] = at;
                stageLength[k] = length;
                fromPerNano[k] = (double) from / unit;
                toPerNano[k] = (double) stage.target() / unit;
                scaledTotalAt[k + 1] = scaledTotalAt[k]
                        .add(BigInteger.valueOf(from + stage.target()).multiply(BigInteger.valueOf(length)));
                at += length;
                from = stage.target();
            }
            lengthNanos = at;
            iterations = scaledTotalAt[count].divide(scale).longValueExact();
        }

        @Override
        public long iterations() {
            return iterations;
        }

        @Override
        public long offsetNanos(long n) {
            BigInteger due = BigInteger.valueOf(n + 1).multiply(scale);
            for (int k = 0; k < stageLength.length; k++) {
                if (due.compareTo(scaledTotalAt[k + 1]) <= 0 && due.compareTo(scaledTotalAt[k]) > 0) {
                    double remaining = due.subtract(scaledTotalAt[k]).doubleValue() / scale.doubleValue();
                    return stageStart[k] + Math.min(stageLength[k], Math.round(timeInStage(k, remaining)));
                }
            }
            throw new IllegalArgumentException("iteration " + n + " is beyond the schedule of " + iterations);
        }

        /**
         * The time {@code x} into stage {@code k} at which {@code from * x + (to - from) / (2 * length) * x^2}
         * reaches {@code remaining}; written as {@code 2r / (a + sqrt(a^2 + 2kr))}, which stays accurate when the
         * ramp is nearly flat.
         */
        private double timeInStage(int k, double remaining) {
            double a = fromPerNano[k];
            double slope = (toPerNano[k] - a) / stageLength[k];
            double root = Math.sqrt(Math.max(0, a * a + 2 * slope * remaining));
            return 2 * remaining / (a + root);
        }

        @Override
        public long lengthNanos() {
            return lengthNanos;
        }
    }
}
