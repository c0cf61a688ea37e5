package dev.loadtest.internal.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;

import dev.loadtest.tls.OcspInfo;
import dev.loadtest.tls.OcspSource;
import dev.loadtest.tls.RevocationReason;

/**
 * Reads one DER OCSPResponse (RFC 6960) about a certificate and checks it: the response status, the signature
 * (by the certificate's issuer, or by a responder the issuer authorised: a certificate the issuer signed, with the
 * OCSPSigning extended key use, valid when the response was produced), the certificate ID, and the validity period
 * (thisUpdate not in the future, nextUpdate not past, each with {@link #CLOCK_SKEW} of tolerance).
 */
final class OcspResponseParser {

    /** Tolerance for clocks that disagree, as OpenSSL's default validity period. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String[] RESPONSE_STATUS = {"successful", "malformedRequest", "internalError", "tryLater",
        "(unused)", "sigRequired", "unauthorized"};

    private OcspResponseParser() {
    }

    /**
     * The checked outcome.
     *
     * @param info what the response says, or why it cannot be trusted
     * @param forAnotherCertificate whether the response, well signed or not, has no answer for the certificate:
     *     a caller with several stapled responses may look at the next
     */
    record Outcome(OcspInfo info, boolean forAnotherCertificate) {
    }

    /**
     * @param issuer the certificate's issuer; null when it could not be found, which makes any response INVALID
     */
    static Outcome parse(byte[] der, X509Certificate certificate, X509Certificate issuer, OcspSource source,
            Instant now) {
        OCSPResp response;
        try {
            response = new OCSPResp(der);
        } catch (IOException | RuntimeException e) {
            return invalid(source, "not a DER OCSP response (" + der.length + " bytes): " + e.getMessage());
        }
        int status = response.getStatus();
        if (status != OCSPResp.SUCCESSFUL) {
            String name = status >= 0 && status < RESPONSE_STATUS.length ? RESPONSE_STATUS[status] : "unknown";
            return new Outcome(OcspInfo.serverFailed(source,
                    "the responder answered " + name + " (" + status + ")"), false);
        }
        BasicOCSPResp basic;
        try {
            if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
                return invalid(source, "not a basic OCSP response");
            }
            basic = b;
        } catch (OCSPException | RuntimeException e) {
            return invalid(source, "not a basic OCSP response: " + e.getMessage());
        }
        if (issuer == null) {
            return invalid(source, "the issuer of " + certificate.getSubjectX500Principal().getName()
                    + " is neither in the server's chain nor a trusted CA, so the response cannot be verified");
        }
        X509CertificateHolder issuerHolder = BouncyCastle.holder(issuer);
        String problem = verifySignature(basic, issuerHolder);
        if (problem != null) {
            return invalid(source, problem);
        }
        SingleResp single = find(basic, issuerHolder, certificate.getSerialNumber());
        if (single == null) {
            return new Outcome(OcspInfo.invalid(source, "the response is about another certificate: it has no"
                    + " answer for serial number " + certificate.getSerialNumber().toString(16) + " of issuer "
                    + issuer.getSubjectX500Principal().getName()), true);
        }
        Instant producedAt = instant(basic.getProducedAt());
        Instant thisUpdate = instant(single.getThisUpdate());
        Instant nextUpdate = single.getNextUpdate() != null ? instant(single.getNextUpdate()) : null;
        if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
            return invalid(source, "the response is not yet valid: thisUpdate " + thisUpdate + " is in the future");
        }
        if (nextUpdate != null && nextUpdate.isBefore(now.minus(CLOCK_SKEW))) {
            return invalid(source, "the response is out of date: nextUpdate " + nextUpdate + " has passed");
        }
        CertificateStatus certStatus = single.getCertStatus();
        OcspInfo info;
        if (certStatus == CertificateStatus.GOOD) {
            info = OcspInfo.good(source, producedAt, thisUpdate, nextUpdate);
        } else if (certStatus instanceof RevokedStatus revoked) {
            RevocationReason reason = revoked.hasRevocationReason()
                    ? RevocationReason.ofCode(revoked.getRevocationReason()).orElse(null)
                    : RevocationReason.UNSPECIFIED;
            if (reason == null) {
                return invalid(source, "the revocation reason " + revoked.getRevocationReason()
                        + " is not an RFC 5280 CRLReason");
            }
            info = OcspInfo.revoked(source, producedAt, thisUpdate, nextUpdate,
                    instant(revoked.getRevocationTime()), reason);
        } else if (certStatus instanceof UnknownStatus) {
            info = OcspInfo.unknown(source, producedAt, thisUpdate, nextUpdate);
        } else {
            return invalid(source, "an unknown certificate status " + certStatus);
        }
        return new Outcome(info, false);
    }

    /** Null when the response is signed by the issuer or a responder it authorised; else what is wrong. */
    private static String verifySignature(BasicOCSPResp basic, X509CertificateHolder issuer) {
        RespID responder = basic.getResponderId();
        String issuerName = issuer.getSubject().toString();
        try {
            if (names(responder, issuer)) {
                return basic.isSignatureValid(BouncyCastle.verifier(issuer))
                        ? null
                        : "the signature does not verify against the issuer " + issuerName;
            }
            for (X509CertificateHolder candidate : basic.getCerts()) {
                if (!names(responder, candidate)) {
                    continue;
                }
                String notAuthorised = authorised(candidate, issuer, basic.getProducedAt());
                if (notAuthorised != null) {
                    return "the response is signed by " + candidate.getSubject() + ", which " + notAuthorised;
                }
                return basic.isSignatureValid(BouncyCastle.verifier(candidate))
                        ? null
                        : "the signature does not verify against the delegated responder " + candidate.getSubject();
            }
            return "the response is signed by a responder that is neither the issuer " + issuerName
                    + " nor a certificate in the response";
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return "the signature cannot be checked: " + e.getMessage();
        }
    }

    /** Null when {@code responder} is an OCSP signer that {@code issuer} authorised; else why not. */
    private static String authorised(X509CertificateHolder responder, X509CertificateHolder issuer, Date when)
            throws OperatorCreationException {
        if (!responder.getIssuer().equals(issuer.getSubject())) {
            return "the issuer " + issuer.getSubject() + " did not issue";
        }
        try {
            if (!responder.isSignatureValid(BouncyCastle.verifier(issuer))) {
                return "does not carry the issuer's signature";
            }
        } catch (org.bouncycastle.cert.CertException e) {
            return "does not carry the issuer's signature: " + e.getMessage();
        }
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            return "lacks the OCSPSigning extended key use";
        }
        if (!responder.isValidOn(when)) {
            return "was not valid when the response was produced";
        }
        return null;
    }

    private static boolean names(RespID responder, X509CertificateHolder certificate) {
        try {
            return responder.equals(new RespID(X500Name.getInstance(certificate.getSubject())))
                    || responder.equals(new RespID(certificate.getSubjectPublicKeyInfo(),
                            BouncyCastle.digests().get(RespID.HASH_SHA1)));
        } catch (OCSPException | OperatorCreationException e) {
            return false;
        }
    }

    private static SingleResp find(BasicOCSPResp basic, X509CertificateHolder issuer, BigInteger serial) {
        for (SingleResp single : basic.getResponses()) {
            try {
                if (single.getCertID().getSerialNumber().equals(serial)
                        && single.getCertID().matchesIssuer(issuer, BouncyCastle.digests())) {
                    return single;
                }
            } catch (OCSPException e) {
                // a hash algorithm BouncyCastle lacks: not a match
            }
        }
        return null;
    }

    private static Outcome invalid(OcspSource source, String why) {
        return new Outcome(OcspInfo.invalid(source, why), false);
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }
}
