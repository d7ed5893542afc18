/**
 * The network-namespace lab of LAB.md ({@link dev.xlat64.io.lab.NetnsLab}): an IPv6-only client, the gateway and
 * an IPv4-only server joined by veth pairs, built and removed by the project itself with unique names per run.
 */
package dev.xlat64.io.lab;
