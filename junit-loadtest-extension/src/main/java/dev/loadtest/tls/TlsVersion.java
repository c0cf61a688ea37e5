package dev.loadtest.tls;

import java.util.Optional;

/** TLS protocol versions, with the names the JDK gives them. */
public enum TlsVersion {
    /** SSL 3.0: named for completeness; every current JDK disables it. */
    SSL_3_0("SSLv3"),
    /** TLS 1.0: disabled by default since JDK 16. */
    TLS_1_0("TLSv1"),
    /** TLS 1.1: disabled by default since JDK 16. */
    TLS_1_1("TLSv1.1"),
    /** TLS 1.2. */
    TLS_1_2("TLSv1.2"),
    /** TLS 1.3. */
    TLS_1_3("TLSv1.3");

    private final String jdkName;

    TlsVersion(String jdkName) {
        this.jdkName = jdkName;
    }

    /** The JDK's name, e.g. {@code TLSv1.3}: the value of the {@code tls_version} metric tag. */
    public String jdkName() {
        return jdkName;
    }

    /** The version the JDK calls {@code jdkName} (e.g. {@code TLSv1.2}), if it is one of these. */
    public static Optional<TlsVersion> ofJdkName(String jdkName) {
        for (TlsVersion v : values()) {
            if (v.jdkName.equals(jdkName)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
