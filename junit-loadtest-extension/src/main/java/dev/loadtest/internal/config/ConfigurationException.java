package dev.loadtest.internal.config;

import org.junit.platform.commons.JUnitException;

/** A configuration error, raised before any load starts. */
public final class ConfigurationException extends JUnitException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String annotation, String attribute, String value, String where,
            String accepted) {
        super("Configuration error: " + annotation + " on " + where + ": " + attribute + " = '" + value
                + "' is not accepted: " + accepted);
    }

    public ConfigurationException(String message) {
        super("Configuration error: " + message);
    }
}
