/**
 * TLS of the virtual users' clients: the timing SSLContext/SSLEngine wrapper, per-host client certificates, trust,
 * and the reading and validation of the TLS annotations. Internal: not API, may change without notice.
 */
package dev.loadtest.internal.tls;
