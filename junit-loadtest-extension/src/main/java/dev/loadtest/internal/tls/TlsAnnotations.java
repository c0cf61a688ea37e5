package dev.loadtest.internal.tls;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds the TLS annotations of a test: on the method, then on its class (and superclasses, the annotations being
 * {@code @Inherited}), then on the enclosing classes of {@code @Nested} classes; also as meta-annotations.
 */
final class TlsAnnotations {

    /**
     * An annotation and where it was declared, for messages.
     *
     * @param annotation the annotation
     * @param where e.g. {@code method [Checkout.pay(Http)]} or {@code class [Checkout]}
     */
    record Declared<A extends Annotation>(A annotation, String where) {
    }

    private final Method method;
    private final List<Class<?>> classes;

    TlsAnnotations(Method method, List<Class<?>> classes) {
        this.method = method;
        this.classes = List.copyOf(classes);
    }

    /** The test method's class and, for {@code @Nested} classes, the enclosing test classes, innermost first. */
    static TlsAnnotations of(Method method, ExtensionContext context) {
        List<Class<?>> classes = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext current = c.get();
            if (current.getTestMethod().isEmpty()) {
                current.getTestClass().filter(t -> !classes.contains(t)).ifPresent(classes::add);
            }
        }
        if (classes.isEmpty()) {
            classes.add(method.getDeclaringClass());
        }
        return new TlsAnnotations(method, classes);
    }

    /** The nearest declaration: the method's, else the innermost class's. */
    <A extends Annotation> Optional<Declared<A>> nearest(Class<A> type) {
        Optional<A> onMethod = AnnotationSupport.findAnnotation(method, type);
        if (onMethod.isPresent()) {
            return Optional.of(new Declared<>(onMethod.get(), where(method)));
        }
        for (Class<?> c : classes) {
            Optional<A> onClass = AnnotationSupport.findAnnotation(c, type);
            if (onClass.isPresent()) {
                return Optional.of(new Declared<>(onClass.get(), where(c)));
            }
        }
        return Optional.empty();
    }

    /** The declarations of a repeatable annotation, per element: the method's first, then each class's. */
    <A extends Annotation> List<List<Declared<A>>> levels(Class<A> type) {
        List<List<Declared<A>>> levels = new ArrayList<>();
        String m = where(method);
        levels.add(AnnotationSupport.findRepeatableAnnotations(method, type).stream()
                .map(a -> new Declared<>(a, m)).toList());
        for (Class<?> c : classes) {
            String w = where(c);
            levels.add(AnnotationSupport.findRepeatableAnnotations(c, type).stream()
                    .map(a -> new Declared<>(a, w)).toList());
        }
        return levels;
    }

    static String where(Method method) {
        return "method [" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")]";
    }

    static String where(Class<?> type) {
        return "class [" + type.getSimpleName() + "]";
    }
}
