/**
 * OCSP for the virtual users' connections: checking stapled responses (signature, certificate ID, validity),
 * fetching responses from a certificate's responder, and the per-run and per-connection caches. Internal: not API,
 * may change without notice.
 */
package dev.loadtest.internal.ocsp;
