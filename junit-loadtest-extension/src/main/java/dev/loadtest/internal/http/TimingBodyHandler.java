package dev.loadtest.internal.http;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Notes when the response headers arrived (time to first byte) and when the body ended, and counts body bytes.
 * One instance per request.
 */
final class TimingBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    private static final byte[] EMPTY = new byte[0];

    private final boolean discard;
    volatile long headersAt;
    volatile long completedAt;
    volatile long bodyBytes;

    TimingBodyHandler(boolean discard) {
        this.discard = discard;
    }

    @Override
    public BodySubscriber<byte[]> apply(ResponseInfo info) {
        headersAt = System.nanoTime();
        BodySubscriber<byte[]> inner = discard ? BodySubscribers.replacing(EMPTY) : BodySubscribers.ofByteArray();
        return new BodySubscriber<>() {
            private long bytes;

            @Override
            public CompletionStage<byte[]> getBody() {
                return inner.getBody();
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                inner.onSubscribe(subscription);
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                for (ByteBuffer b : items) {
                    bytes += b.remaining();
                }
                inner.onNext(items);
            }

            @Override
            public void onError(Throwable throwable) {
                completedAt = System.nanoTime();
                inner.onError(throwable);
            }

            @Override
            public void onComplete() {
                bodyBytes = bytes;
                completedAt = System.nanoTime();
                inner.onComplete();
            }
        };
    }
}
