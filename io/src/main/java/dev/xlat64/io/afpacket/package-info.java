/**
 * AF_PACKET I/O through jnr-ffi: {@link dev.xlat64.io.afpacket.PacketSocket} maps an RX ring and a TX ring
 * (TPACKET_V3 by default, TPACKET_V2 for low latency) and hands frames over in place through an Agrona
 * {@code UnsafeBuffer} on the mapped address; {@link dev.xlat64.io.afpacket.LibC} is the thin native boundary and
 * {@link dev.xlat64.io.afpacket.TpacketLayout} the C struct offsets, checked against gcc by a test.
 *
 * <p>Interfaces must have their offloads off ({@code ethtool -K DEV rx off tx off sg off tso off gso off gro off}):
 * GSO/GRO frames longer than the MTU and checksum-partial frames are dropped and counted
 * ({@link dev.xlat64.io.afpacket.PacketSocketCounter}), never handed to the translator.
 */
package dev.xlat64.io.afpacket;
