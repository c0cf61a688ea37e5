package dev.loadtest.internal.ocsp;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Finds the certificate that issued a server's certificate: in the chain the server presented (which the trust
 * manager has validated), else among the trusted CAs (servers rarely send their root). A candidate must carry the
 * issuer's name and its key must verify the certificate's signature.
 */
final class IssuerLookup {

    private IssuerLookup() {
    }

    /** The issuer of {@code chain.get(0)}, or null. */
    static X509Certificate find(List<X509Certificate> chain, List<X509Certificate> anchors) {
        X509Certificate leaf = chain.getFirst();
        for (int i = 1; i < chain.size(); i++) {
            if (issued(chain.get(i), leaf)) {
                return chain.get(i);
            }
        }
        for (X509Certificate anchor : anchors) {
            if (issued(anchor, leaf)) {
                return anchor;
            }
        }
        return null;
    }

    private static boolean issued(X509Certificate issuer, X509Certificate certificate) {
        if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
