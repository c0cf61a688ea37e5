/**
 * AssertJ assertions for load test responses and their TLS facts. Entry point:
 * {@link dev.loadtest.assertions.LoadAssertions#assertThat(dev.loadtest.LoadResponse)}. Needs AssertJ on the test
 * class path (the library declares it optional).
 *
 * <pre>{@code
 * assertThat(res).hasStatus(200).hasVersion(HttpClient.Version.HTTP_2)
 *         .hasTlsVersion(TlsVersion.TLS_1_3).hasAlpn("h2")
 *         .certificate().hasSubjectAlternativeName("api.example.com").isValidForAtLeast(Duration.ofDays(14));
 * assertThat(refused).isTlsFailure().hasTlsAlert("protocol_version");
 * }</pre>
 *
 * <p>The assertion classes are not final and take the actual value in their constructor, so they work with
 * AssertJ's soft assertions ({@code softly.proxy(LoadResponseAssert.class, LoadResponse.class, res)}).
 */
package dev.loadtest.assertions;
