/**
 * Classic libpcap capture files (draft-ietf-opsawg-pcap): a zero-copy record reader and a buffered writer, for offline
 * translation and for tests. pcapng is not read: its magic is recognised and refused with a clear message.
 */
package dev.xlat64.io.pcap;
