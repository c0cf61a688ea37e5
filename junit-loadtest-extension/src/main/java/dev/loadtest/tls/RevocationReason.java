package dev.loadtest.tls;

import java.util.Optional;

/**
 * Why a certificate was revoked: the ten CRLReason codes of RFC 5280 (section 5.3.1; code 7 is unused).
 * {@link #k6Name()} gives k6's {@code http.OCSP_REASON_*} value.
 */
public enum RevocationReason {

    /** 0; also what a revocation without a stated reason means (RFC 5280 asks CAs to omit 0). */
    UNSPECIFIED(0, "unspecified"),
    /** 1: the certificate's private key was compromised. */
    KEY_COMPROMISE(1, "key_compromise"),
    /** 2: the CA's private key was compromised. */
    CA_COMPROMISE(2, "ca_compromise"),
    /** 3: the subject's name or other information changed. */
    AFFILIATION_CHANGED(3, "affiliation_changed"),
    /** 4: the certificate was replaced. */
    SUPERSEDED(4, "superseded"),
    /** 5: the certificate is no longer needed. */
    CESSATION_OF_OPERATION(5, "cessation_of_operation"),
    /** 6: the certificate is on hold (a temporary revocation). */
    CERTIFICATE_HOLD(6, "certificate_hold"),
    /** 8: a hold was lifted (delta CRLs only). */
    REMOVE_FROM_CRL(8, "remove_from_crl"),
    /** 9: a privilege the certificate granted was withdrawn. */
    PRIVILEGE_WITHDRAWN(9, "privilege_withdrawn"),
    /** 10: an attribute authority was compromised. */
    AA_COMPROMISE(10, "aa_compromise");

    private final int code;
    private final String k6Name;

    RevocationReason(int code, String k6Name) {
        this.code = code;
        this.k6Name = k6Name;
    }

    /** The RFC 5280 CRLReason code. */
    public int code() {
        return code;
    }

    /** k6's name for the reason, e.g. {@code key_compromise}. */
    public String k6Name() {
        return k6Name;
    }

    /** The reason with this CRLReason code; empty for 7 and codes outside 0..10. */
    public static Optional<RevocationReason> ofCode(int code) {
        for (RevocationReason reason : values()) {
            if (reason.code == code) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
