package dev.loadtest.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the files and passwords the TLS annotations name. Files: {@code classpath:path}, {@code file:path} or a
 * plain path. Passwords: {@code env:NAME}, {@code sys:NAME} (configuration parameter or system property), or the
 * text itself.
 */
final class TlsSources {

    static final String CLASSPATH = "classpath:";
    static final String FILE = "file:";
    static final String ENV = "env:";
    static final String SYS = "sys:";

    private final Function<String, Optional<String>> config;

    /** @param config JUnit configuration parameters (which fall back to system properties) */
    TlsSources(Function<String, Optional<String>> config) {
        this.config = config;
    }

    byte[] read(String location) throws TlsInputException {
        String l = location.strip();
        if (l.isEmpty()) {
            throw new TlsInputException("a file: classpath:path, file:path or a path");
        }
        if (l.startsWith(CLASSPATH)) {
            String resource = l.substring(CLASSPATH.length());
            resource = resource.startsWith("/") ? resource.substring(1) : resource;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
            if (in == null) {
                in = TlsSources.class.getClassLoader().getResourceAsStream(resource);
            }
            if (in == null) {
                throw new TlsInputException("no such classpath resource [" + resource + "]");
            }
            try (InputStream stream = in) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new TlsInputException("cannot read classpath resource [" + resource + "]: " + e.getMessage());
            }
        }
        Path path = Path.of(l.startsWith(FILE) ? l.substring(FILE.length()) : l);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new TlsInputException("no such file [" + path.toAbsolutePath() + "]");
        } catch (IOException e) {
            throw new TlsInputException("cannot read file [" + path.toAbsolutePath() + "]: " + e);
        }
    }

    /** The password {@code spec} stands for; empty for none. */
    char[] password(String spec) throws TlsInputException {
        if (spec.startsWith(ENV)) {
            String name = spec.substring(ENV.length()).strip();
            String value = name.isEmpty() ? null : System.getenv(name);
            if (value == null) {
                throw new TlsInputException("the environment variable [" + name + "] is not set");
            }
            return value.toCharArray();
        }
        if (spec.startsWith(SYS)) {
            String name = spec.substring(SYS.length()).strip();
            Optional<String> value = name.isEmpty() ? Optional.empty()
                    : config.apply(name).or(() -> Optional.ofNullable(System.getProperty(name)));
            return value.orElseThrow(() -> new TlsInputException("neither a configuration parameter nor a system"
                    + " property [" + name + "] is set")).toCharArray();
        }
        return spec.toCharArray();
    }
}
