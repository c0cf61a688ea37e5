package dev.loadtest.internal.http;

/** The VU was interrupted (the run is stopping) while a request was in flight; the request is not recorded. */
public final class RequestInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestInterruptedException(InterruptedException cause) {
        super("request interrupted: the run is stopping", cause);
    }
}
