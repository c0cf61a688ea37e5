package dev.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.loadtest.internal.LoadRunner;
import dev.loadtest.internal.Verdict;
import dev.loadtest.internal.config.LoadPlan;
import dev.loadtest.internal.config.PlanParser;
import dev.loadtest.internal.engine.IterationBody;
import dev.loadtest.internal.engine.VuState;
import dev.loadtest.internal.report.DefaultLoadResult;
import dev.loadtest.internal.report.ReportWriter;
import dev.loadtest.internal.tls.TlsClients;
import dev.loadtest.internal.tls.TlsConfiguration;

/**
 * Runs a {@link LoadTest} method as a load test: reads the configuration, runs the iterations on virtual users,
 * then prints the summary, publishes report entries and fails the test on failed thresholds.
 */
final class LoadTestExtension implements InvocationInterceptor, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(LoadTestExtension.class);
    private static final String REPORT_DIR = "loadtest.reportDir";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        Method method = invocationContext.getExecutable();
        LoadPlan plan;
        try {
            LoadTest annotation = AnnotationSupport.findAnnotation(method, LoadTest.class).orElseThrow();
            plan = PlanParser.parse(annotation, thresholds(method, context), where(method), method.getName(),
                    context::getConfigurationParameter);
            plan = TlsConfiguration.apply(plan, method, context);
        } catch (RuntimeException e) {
            invocation.skip();
            throw e;
        }
        invocation.skip();
        Object target = invocationContext.getTarget().orElse(null);
        DefaultLoadResult result = LoadRunner.run(plan, iterationBody(method, target, context),
                TlsClients.factory(plan.client().tls()));
        context.getStore(NAMESPACE).put(LoadResult.class, result);
        System.out.println(result.summary());
        context.publishReportEntry(ReportWriter.keyFigures(result));
        writeReport(context, method, result);
        Verdict.check(result);
    }

    /**
     * How each iteration calls the test method. When it takes only {@link Http} and {@link Vu} (which JUnit resolved
     * to this extension before the run, or reported a conflict), the VU's own objects are passed directly: JUnit's
     * {@code ExecutableInvoker} asks every registered resolver for every parameter on every iteration, which cost 8 to
     * 13 % of a generator's CPU in the benchmarks. Any other parameter goes through JUnit's resolvers each time.
     */
    private static IterationBody iterationBody(Method method, Object target, ExtensionContext context) {
        Class<?>[] types = method.getParameterTypes();
        boolean ownOnly = Arrays.stream(types).allMatch(t -> t == Http.class || t == Vu.class);
        if (!ownOnly || !method.trySetAccessible()) {
            var invoker = context.getExecutableInvoker();
            return vu -> invoker.invoke(method, target);
        }
        return vu -> {
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                args[i] = types[i] == Http.class ? vu.http() : vu;
            }
            try {
                method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    private static List<Threshold> thresholds(Method method, ExtensionContext context) {
        List<Threshold> all = new ArrayList<>(AnnotationSupport.findRepeatableAnnotations(method, Threshold.class));
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext current = c.get();
            if (current.getTestMethod().isEmpty()) {
                current.getTestClass().ifPresent(type ->
                        all.addAll(AnnotationSupport.findRepeatableAnnotations(type, Threshold.class)));
            }
        }
        return all;
    }

    private static String where(Method method) {
        return "method [" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")]";
    }

    private static void writeReport(ExtensionContext context, Method method, DefaultLoadResult result) {
        Path dir = Path.of(context.getConfigurationParameter(REPORT_DIR).orElse("target/loadtest-reports"));
        String name = context.getRequiredTestClass().getName() + "." + method.getName();
        try {
            Path file = ReportWriter.write(result, dir, name);
            context.publishReportEntry("loadtest.report", file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the load test report to " + dir, e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Http.class || type == Vu.class || type == LoadResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == LoadResult.class) {
            LoadResult result = extensionContext.getStore(NAMESPACE).get(LoadResult.class, LoadResult.class);
            if (result == null) {
                throw new ParameterResolutionException("A LoadResult exists only after the load run: inject it into"
                        + " an @AfterEach method of a @LoadTest, not into " + parameterContext.getDeclaringExecutable());
            }
            return result;
        }
        // JUnit resolves the test method's parameters once on its own thread before the run; that invocation is
        // skipped, so no VU is bound there and nothing is handed out. Each iteration resolves them on its VU.
        Optional<VuState> vu = VuState.current();
        if (type == Http.class) {
            return vu.map(VuState::http).orElse(null);
        }
        return vu.orElse(null);
    }
}
