/**
 * Next-hop MAC resolution for the gateway's ports without hand-configured MACs: ARP (RFC 826) and Neighbor
 * Discovery (RFC 4861) requests sent through the port, answers learned from its RX path, a neighbor cache with
 * RFC 4861 states and timers ({@link dev.xlat64.io.neighbor.NeighborResolver}), and the adapter the assembled
 * gateway plugs in ({@link dev.xlat64.io.gateway.NeighborNextHops}). The kernel of the gateway's namespace
 * holds the gateway's own addresses and answers ARP/NDP for them; this package only asks.
 */
package dev.xlat64.io.neighbor;
