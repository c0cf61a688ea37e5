package dev.loadtest.internal.tls;

/** A TLS input (file, password, key) that cannot be used; the message says why, never what a password is. */
final class TlsInputException extends Exception {

    private static final long serialVersionUID = 1L;

    TlsInputException(String message) {
        super(message);
    }
}
