/**
 * The Internet checksum (RFC 1071) over packet bytes in an Agrona {@link org.agrona.DirectBuffer}:
 * full sums in a Vector API kernel with a scalar twin ({@link dev.xlat64.core.checksum.VectorChecksum},
 * {@link dev.xlat64.core.checksum.ScalarChecksum}), the {@link dev.xlat64.core.checksum.InternetChecksum}
 * facade with pseudo-header sums, and incremental updates (RFC 1624) in
 * {@link dev.xlat64.core.checksum.IncrementalChecksum}. Nothing here allocates.
 */
package dev.xlat64.core.checksum;
