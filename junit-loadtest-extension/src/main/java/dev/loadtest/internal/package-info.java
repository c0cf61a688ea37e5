/** Internal implementation of junit-loadtest: not API, may change without notice. */
package dev.loadtest.internal;
