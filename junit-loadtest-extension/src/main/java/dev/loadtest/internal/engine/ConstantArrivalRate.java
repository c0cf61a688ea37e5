package dev.loadtest.internal.engine;

import java.math.BigInteger;
import java.time.Duration;

import dev.loadtest.internal.config.LoadPlan;

/**
 * k6 {@code constant-arrival-rate}: {@code rate} iterations start per {@code timeUnit} for {@code duration},
 * whatever the response times. Iteration {@code n} is due at {@code n * timeUnit / rate} (the first at once), so
 * a run of duration {@code d} starts {@code ceil(d * rate / timeUnit)} iterations, or drops them.
 */
final class ConstantArrivalRate implements ExecutorStrategy {

    @Override
    public void execute(RunContext ctx) throws InterruptedException {
        LoadPlan plan = ctx.plan();
        ArrivalRateScheduler.run(ctx, new Schedule(plan.rate(), plan.timeUnit(), plan.duration()));
    }

    /** Starts {@code rate} per {@code timeUnit} for {@code duration}. */
    record Schedule(long rate, Duration timeUnit, Duration duration) implements ArrivalRateSchedule {

        @Override
        public long iterations() {
            // ceil(duration * rate / timeUnit), exactly: the product overflows a long for long runs at high rates.
            BigInteger[] qr = BigInteger.valueOf(duration.toNanos()).multiply(BigInteger.valueOf(rate))
                    .divideAndRemainder(BigInteger.valueOf(timeUnit.toNanos()));
            return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
        }

        @Override
        public long offsetNanos(long n) {
            return Math.round((double) n * timeUnit.toNanos() / rate);
        }

        @Override
        public long lengthNanos() {
            return duration.toNanos();
        }
    }
}
