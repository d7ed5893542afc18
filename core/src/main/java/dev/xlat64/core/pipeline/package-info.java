/**
 * The data path as Agrona agents, with no I/O of its own (ports are {@link dev.xlat64.core.pipeline.PacketPort}s
 * the io module provides):
 * <pre>
 *  port p: RxAgent[p] --(one ring per worker)--> WorkerAgent[w] --(one ring per port)--> TxAgent[q]: port q
 *          RxAgent[p] --(ARP/NDP, NeighborFrameRing)--------------------------------> TxAgent[p] (neighbor cache)
 * </pre>
 * Every ring is a one-to-one Agrona ring (a ring per RX agent and worker, and per worker and TX agent), so no ring
 * has two producers. A ring message is a {@link dev.xlat64.core.pipeline.PacketBatch} of raw IP packets, filled in
 * place with {@code tryClaim}/{@code commit} by a {@link dev.xlat64.core.pipeline.BatchWriter}; a full ring is a
 * counted drop, never a wait. The {@link dev.xlat64.core.pipeline.WorkerSelector} keeps a flow on one worker
 * ({@link dev.xlat64.core.pipeline.SiitWorkerSelector}: both directions), the
 * {@link dev.xlat64.core.pipeline.PacketProcessor} is the worker's translator, the
 * {@link dev.xlat64.core.pipeline.NextHopResolver} gives the TX agent each packet's Ethernet destination, and the
 * {@link dev.xlat64.core.pipeline.RxDiverter} is where a local service (DNS64) will take its packets.
 * Counters are described by {@link dev.xlat64.core.counters.PipelineCounter}.
 */
package dev.xlat64.core.pipeline;
