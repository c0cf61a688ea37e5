package dev.loadtest.internal.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspSource;
import dev.loadtest.tls.OcspStatus;

/**
 * Asks a certificate's OCSP responder (from its Authority Information Access) about it: an RFC 6960 request with a
 * SHA-1 certificate ID (what responders widely accept), POSTed over java.net.http, the whole exchange bounded by a
 * timeout. Every failure becomes a SERVER_FAILED {@link OcspInfo} that names the responder; only interruption
 * throws.
 */
final class OcspFetcher {

    private final Duration timeout;

    OcspFetcher(Duration timeout) {
        this.timeout = timeout;
    }

    /** The responder URL in {@code certificate}'s Authority Information Access, if any (http or https only). */
    static Optional<URI> responder(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(extension).getOctets());
            for (AccessDescription d : aia.getAccessDescriptions()) {
                if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    URI uri = new URI(d.getAccessLocation().getName().toString());
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                        return Optional.of(uri);
                    }
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // a malformed extension names no usable responder
        }
        return Optional.empty();
    }

    /**
     * Fetches the response for {@code certificate} from {@code responder} and checks it with {@code parse}, which
     * sees the bytes only when a response arrived.
     */
    OcspInfo fetch(URI responder, X509Certificate certificate, X509Certificate issuer, Parser parse)
            throws InterruptedException {
        byte[] request;
        try {
            request = request(certificate.getSerialNumber(), issuer);
        } catch (OCSPException | OperatorCreationException | IOException e) {
            return OcspInfo.serverFailed(OcspSource.FETCHED, "cannot build an OCSP request: " + e.getMessage());
        }
        HttpRequest post = HttpRequest.newBuilder(responder).timeout(timeout)
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        // A client per fetch: fetches are rare (one per certificate until nextUpdate) and nothing outlives them.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<byte[]> response = client.sendAsync(post, HttpResponse.BodyHandlers.ofByteArray())
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (response.statusCode() != 200) {
                return failed(responder, "answered HTTP " + response.statusCode());
            }
            OcspInfo info = parse.parse(response.body());
            return info.error().map(e -> named(info, e + " (OCSP responder " + responder + ")")).orElse(info);
        } catch (TimeoutException e) {
            return failed(responder, "did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return failed(responder, "did not answer within " + timeout.toMillis() + " ms");
            }
            return failed(responder, "could not be reached: " + describe(cause));
        } finally {
            // Nothing of the client may outlive the fetch (a timed-out exchange would otherwise run on).
            client.shutdownNow();
            client.close();
        }
    }

    /** Checks response bytes. */
    @FunctionalInterface
    interface Parser {
        OcspInfo parse(byte[] der);
    }

    private static OcspInfo named(OcspInfo info, String error) {
        return info.status() == OcspStatus.INVALID
                ? OcspInfo.invalid(OcspSource.FETCHED, error)
                : OcspInfo.serverFailed(OcspSource.FETCHED, error);
    }

    private static OcspInfo failed(URI responder, String what) {
        return OcspInfo.serverFailed(OcspSource.FETCHED, "the OCSP responder " + responder + " " + what);
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage());
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t && cause.getMessage() != null && !cause.getMessage().equals(t.getMessage())) {
            sb.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage())
                    .append(')');
        }
        return sb.toString();
    }

    private static byte[] request(BigInteger serial, X509Certificate issuer)
            throws OCSPException, OperatorCreationException, IOException {
        CertificateID id = new CertificateID(BouncyCastle.digests().get(CertificateID.HASH_SHA1),
                BouncyCastle.holder(issuer), serial);
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }
}
