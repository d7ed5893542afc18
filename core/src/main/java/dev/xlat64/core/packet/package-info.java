/**
 * Flyweights over packet headers: each class wraps a {@link org.agrona.MutableDirectBuffer} at an offset and reads or
 * writes the header's fields in place, in network byte order, without allocating.
 *
 * <p>Conventions shared by every flyweight: {@code wrap(buffer, offset)} returns {@code this}; a getter is named after the
 * field ({@code payloadLength()}), the setter has the same name and returns {@code this}; {@code *_OFFSET} constants give
 * each field's position relative to the header start and {@code HEADER_LENGTH} the fixed header size. Getters never check
 * bounds beyond what the buffer itself does: call {@code validate(availableBytes)} first on untrusted input, which returns a
 * {@link dev.xlat64.core.packet.HeaderFault} instead of throwing.
 */
package dev.xlat64.core.packet;
