package dev.xlat64.io.gateway;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.function.IntFunction;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.pipeline.BatchWriter;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.NeighborFrameHandler;
import dev.xlat64.core.pipeline.NeighborFrameRing;
import dev.xlat64.core.pipeline.NextHopResolver;
import dev.xlat64.core.pipeline.PacketBatch;
import dev.xlat64.core.pipeline.PacketPort;
import dev.xlat64.core.pipeline.PacketProcessor;
import dev.xlat64.core.pipeline.RxAgent;
import dev.xlat64.core.pipeline.RxCounters;
import dev.xlat64.core.pipeline.RxDiverter;
import dev.xlat64.core.pipeline.TxAgent;
import dev.xlat64.core.pipeline.TxCounters;
import dev.xlat64.core.pipeline.WorkerAgent;
import dev.xlat64.core.pipeline.WorkerCounters;
import dev.xlat64.core.pipeline.WorkerSelector;

/**
 * The data path assembled: an {@link RxAgent} and a {@link TxAgent} per port, {@code workers} {@link WorkerAgent}s,
 * a one-to-one ring from every RX agent to every worker and from every worker to every TX agent (so no ring
 * has two producers), optionally a local service's agent (the colocated DNS64) with its own ring to every TX
 * agent, and the threads that run them. It owns neither the ports nor the counters.
 */
public final class Gateway implements AutoCloseable
{
    /**
     * Bytes a producer claims per batch: ten 1500-byte packets or 64 short ones; a fuller batch is published and
     * the next one claimed. A batch is claimed whole whatever it ends up holding, so the ring size divided by this
     * is the number of batches that can wait for a slow consumer: 256 in the default 4 MiB ring, which matters at
     * moderate rates where a duty cycle carries one or two packets.
     */
    private static final int MAX_BATCH_BYTES = 16 * 1024;
    private static final long DRAIN_TIMEOUT_NS = 2_000_000_000L;
    /** ARP/NDP frames are few and short: 64 KiB holds hundreds. */
    private static final int NEIGHBOR_RING_BYTES = 64 * 1024;

    private final List<RxAgent> rxAgents = new ArrayList<>();
    private final List<WorkerAgent> workerAgents = new ArrayList<>();
    private final List<TxAgent> txAgents = new ArrayList<>();
    private final CachedNanoClock cachedClock = new CachedNanoClock();
    private final Agent localAgent;
    /** The port each RX agent polls, when it has a descriptor an idle thread can wait on. */
    private final Map<Agent, Pollable> pollableByAgent = new IdentityHashMap<>();
    private final List<RingBuffer> rings = new ArrayList<>();
    private final List<AgentRunner> runners = new ArrayList<>();
    private final List<String> threadLayout = new ArrayList<>();
    private boolean closed;

    /**
     * Settings of the assembly.
     *
     * @param workers number of worker agents.
     * @param threading how agents map to threads.
     * @param threads threads in shared mode.
     * @param cpus CPUs to pin the threads to, round-robin (agent threads when dedicated, shared threads when
     *     shared); empty for no pinning.
     * @param idleStrategy what an idle thread does.
     * @param idleSpinUs how long a {@code poll} thread spins after its last work before it sleeps.
     * @param batchSize frames per RX poll and batches per ring read.
     * @param ringBytes capacity of each ring, a power of two.
     */
    public record Settings(
        int workers, ThreadingMode threading, int threads, List<Integer> cpus, IdleStrategyName idleStrategy,
        int idleSpinUs, int batchSize, int ringBytes)
    {
        /** Settings with the default spin of the poll idle strategy. */
        public Settings(
            final int workers, final ThreadingMode threading, final int threads, final List<Integer> cpus,
            final IdleStrategyName idleStrategy, final int batchSize, final int ringBytes)
        {
            this(workers, threading, threads, cpus, idleStrategy, IdleStrategyName.DEFAULT_POLL_SPIN_US, batchSize,
                ringBytes);
        }

        public static Settings of(final GatewayConfig config)
        {
            return new Settings(config.workers(), config.threading(), config.threads(), config.cpus(),
                config.idleStrategy(), config.idleSpinUs(), config.batchSize(), config.ringBytes());
        }
    }

    /**
     * The parts the data path is built from, provided by the caller.
     *
     * @param ports the ports, one or two.
     * @param ipv6Port index in {@code ports} of the port IPv6 packets leave by.
     * @param ipv4Port index in {@code ports} of the port IPv4 packets leave by.
     * @param processors makes worker {@code w}'s processor (its translator).
     * @param selector picks the worker of each packet (flow affinity).
     * @param nextHops makes port {@code p}'s next-hop resolver, used on its TX agent's thread.
     * @param neighborFrames true to hand the ARP/NDP frames each RX agent sees to its port's resolver.
     * @param diverter takes packets for local services before the workers.
     * @param counters where every counter is allocated.
     * @param log where agents report unexpected exceptions.
     * @param localService makes the agent of a local service that answers through the TX path (the colocated
     *     DNS64), given its egress writers by family as a worker gets them; null for none.
     */
    public record Parts(
        List<PacketPort> ports, int ipv6Port, int ipv4Port, IntFunction<PacketProcessor> processors,
        WorkerSelector selector, IntFunction<NextHopResolver> nextHops, boolean neighborFrames, RxDiverter diverter,
        CountersManager counters,
        ErrorHandler log,
        Function<BatchWriter[], Agent> localService)
    {
        /** The parts without a local service. */
        public Parts(
            final List<PacketPort> ports, final int ipv6Port, final int ipv4Port,
            final IntFunction<PacketProcessor> processors, final WorkerSelector selector,
            final IntFunction<NextHopResolver> nextHops, final boolean neighborFrames, final RxDiverter diverter,
            final CountersManager counters, final ErrorHandler log)
        {
            this(ports, ipv6Port, ipv4Port, processors, selector, nextHops, neighborFrames, diverter, counters, log, null);
        }
    }

    private Gateway(final Parts parts, final Settings settings)
    {
        // One thread runs every agent: read the clock once per duty cycle for all of them (ClockedAgent).
        final NanoClock clock = oneSharedThread(settings) ? cachedClock : SystemNanoClock.INSTANCE;
        final List<PacketPort> ports = parts.ports();
        final int portCount = ports.size();
        final int workers = settings.workers();
        final int batchBytes = Math.min(MAX_BATCH_BYTES, settings.ringBytes() / 8);
        final RingBuffer[][] rxToWorker = new RingBuffer[portCount][workers];
        final RingBuffer[][] workerToTx = new RingBuffer[workers][portCount];
        for (int p = 0; p < portCount; p++)
        {
            for (int w = 0; w < workers; w++)
            {
                rxToWorker[p][w] = ring(settings.ringBytes());
                workerToTx[w][p] = ring(settings.ringBytes());
            }
        }
        final TxCounters[] txCounters = new TxCounters[portCount];
        final RingBuffer[] neighborRings = new RingBuffer[portCount];
        for (int p = 0; p < portCount; p++)
        {
            txCounters[p] = new TxCounters(parts.counters(), ports.get(p).name());
            neighborRings[p] = parts.neighborFrames() ? ring(NEIGHBOR_RING_BYTES) : null;
        }
        final WorkerSelector selector = parts.selector();
        for (int p = 0; p < portCount; p++)
        {
            final BatchWriter[] writers = new BatchWriter[workers];
            for (int w = 0; w < workers; w++)
            {
                writers[w] = new BatchWriter(rxToWorker[p][w], batchBytes, settings.batchSize());
            }
            final NeighborFrameHandler neighbors = neighborRings[p] == null ? NeighborFrameHandler.NONE :
                new NeighborFrameRing(neighborRings[p], txCounters[p].neighborRingFullCounter());
            final RxAgent rxAgent = new RxAgent(p, ports.get(p), writers, selector, parts.diverter(), neighbors,
                new RxCounters(parts.counters(), ports.get(p).name()), clock, parts.log(), settings.batchSize());
            rxAgents.add(rxAgent);
            if (ports.get(p) instanceof Pollable pollable)
            {
                pollableByAgent.put(rxAgent, pollable);
            }
        }
        for (int w = 0; w < workers; w++)
        {
            final BatchWriter[] egress = egressByFamily(workerToTx[w], parts, batchBytes, settings.batchSize());
            final RingBuffer[] inputs = new RingBuffer[portCount];
            for (int p = 0; p < portCount; p++)
            {
                inputs[p] = rxToWorker[p][w];
            }
            final String name = "worker-" + w;
            workerAgents.add(new WorkerAgent(name, inputs, egress, parts.processors().apply(w),
                new WorkerCounters(parts.counters(), name), clock, parts.log(),
                PacketBatch.maxPacketLength(batchBytes), settings.batchSize()));
        }
        // A local service writes into the TX path like one more worker: its own one-to-one ring per port.
        final RingBuffer[] serviceToTx = new RingBuffer[parts.localService() == null ? 0 : portCount];
        if (parts.localService() != null)
        {
            for (int p = 0; p < portCount; p++)
            {
                serviceToTx[p] = ring(settings.ringBytes());
            }
            localAgent = parts.localService().apply(
                egressByFamily(serviceToTx, parts, batchBytes, settings.batchSize()));
        }
        else
        {
            localAgent = null;
        }
        for (int p = 0; p < portCount; p++)
        {
            final RingBuffer[] inputs = new RingBuffer[workers + (serviceToTx.length > 0 ? 1 : 0)];
            for (int w = 0; w < workers; w++)
            {
                inputs[w] = workerToTx[w][p];
            }
            if (serviceToTx.length > 0)
            {
                inputs[workers] = serviceToTx[p];
            }
            txAgents.add(new TxAgent(p, ports.get(p), inputs, neighborRings[p], parts.nextHops().apply(p),
                txCounters[p], clock, parts.log(), settings.batchSize()));
        }
    }

    /**
     * Builds the agents and rings and starts the threads.
     */
    public static Gateway start(final Parts parts, final Settings settings)
    {
        if (parts.ports().isEmpty() || parts.ports().size() > 2)
        {
            throw new IllegalArgumentException("one or two ports expected, got " + parts.ports().size());
        }
        final Gateway gateway = new Gateway(parts, settings);
        gateway.startThreads(settings, parts.log());
        return gateway;
    }

    /**
     * @return a producer's writers into its rings to the TX agents ({@code toTxByPort}, one per port), indexed by
     *     the {@link Family} that leaves by each port: a worker or a local service gets them the same way.
     */
    private static BatchWriter[] egressByFamily(
        final RingBuffer[] toTxByPort, final Parts parts, final int batchBytes, final int batchSize)
    {
        final BatchWriter[] byPort = new BatchWriter[toTxByPort.length];
        for (int p = 0; p < toTxByPort.length; p++)
        {
            byPort[p] = new BatchWriter(toTxByPort[p], batchBytes, batchSize);
        }
        final BatchWriter[] egress = new BatchWriter[Family.values().length];
        egress[Family.IPV6.ordinal()] = byPort[parts.ipv6Port()];
        egress[Family.IPV4.ordinal()] = byPort[parts.ipv4Port()];
        return egress;
    }

    private RingBuffer ring(final int capacity)
    {
        final RingBuffer ring = new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
        rings.add(ring);
        return ring;
    }

    private List<Agent> agentsInPipelineOrder()
    {
        final List<Agent> agents = new ArrayList<>(rxAgents);
        agents.addAll(workerAgents);
        if (localAgent != null)
        {
            agents.add(localAgent);
        }
        agents.addAll(txAgents);
        return agents;
    }

    private void startThreads(final Settings settings, final ErrorHandler log)
    {
        final List<Agent> agents = agentsInPipelineOrder();
        if (settings.threading() == ThreadingMode.DEDICATED)
        {
            for (int i = 0; i < agents.size(); i++)
            {
                final Agent agent = placed(agents.get(i), i, settings);
                runners.add(new AgentRunner(
                    settings.idleStrategy().newStrategy(pollFds(List.of(agents.get(i))), settings.idleSpinUs()), log, null, agent));
            }
        }
        else
        {
            final int threads = Math.min(settings.threads(), agents.size());
            final List<List<Agent>> groups = new ArrayList<>();
            for (int t = 0; t < threads; t++)
            {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < agents.size(); i++)
            {
                groups.get(i % threads).add(agents.get(i));
            }
            for (int t = 0; t < threads; t++)
            {
                final List<Agent> group = groups.get(t);
                final Agent composite = group.size() == 1 ? group.get(0) : new CompositeAgent(group);
                final Agent agent = placed(
                    oneSharedThread(settings) ? new ClockedAgent(composite, cachedClock) : composite, t, settings);
                runners.add(new AgentRunner(settings.idleStrategy().newStrategy(pollFds(group), settings.idleSpinUs()), log, null, agent));
            }
        }
        for (final AgentRunner runner : runners)
        {
            AgentRunner.startOnThread(runner, r -> new Thread(r, "xlat64-" + runner.agent().roleName()));
        }
    }

    /** Records where the {@code index}th thread runs and pins it, round-robin onto the configured CPUs if any. */
    private Agent placed(final Agent agent, final int index, final Settings settings)
    {
        if (settings.cpus().isEmpty())
        {
            threadLayout.add(agent.roleName());
            return agent;
        }
        final int cpu = settings.cpus().get(index % settings.cpus().size());
        threadLayout.add(agent.roleName() + "@cpu" + cpu);
        return new PinnedAgent(agent, cpu);
    }

    private static boolean oneSharedThread(final Settings settings)
    {
        return settings.threading() == ThreadingMode.SHARED && settings.threads() == 1;
    }

    /**
     * @return the descriptors a thread running {@code agents} can sleep on: its RX agents' ports and any agent that
     *     is {@link Pollable} itself (a local service's socket).
     */
    private int[] pollFds(final List<Agent> agents)
    {
        final List<Integer> fds = new ArrayList<>();
        for (final Agent agent : agents)
        {
            final Pollable pollable = agent instanceof Pollable p ? p : pollableByAgent.get(agent);
            if (pollable != null && pollable.pollFd() >= 0)
            {
                fds.add(pollable.pollFd());
            }
        }
        return fds.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @return one entry per thread naming the agents it runs, for the start-up log line.
     */
    public List<String> threadLayout()
    {
        return List.copyOf(threadLayout);
    }

    public List<RxAgent> rxAgents()
    {
        return List.copyOf(rxAgents);
    }

    /**
     * @return true when every ring between the agents is empty.
     */
    public boolean isDrained()
    {
        for (final RingBuffer ring : rings)
        {
            if (ring.consumerPosition() < ring.producerPosition())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Stops taking frames from the ports, lets the packets already in the rings reach the TX agents (up to two
     * seconds), then stops the threads. The ports and the counters stay open: they belong to the caller.
     *
     * @return true when the rings were drained before the threads stopped.
     */
    public boolean drainAndStop()
    {
        if (closed)
        {
            return true;
        }
        closed = true;
        rxAgents.forEach(RxAgent::stopReceiving);
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT_NS;
        boolean drained;
        // An RX agent may be in the middle of its last poll: wait until each has run a cycle after the stop.
        while (!rxAgents.stream().allMatch(RxAgent::isStopped) && System.nanoTime() < deadline)
        {
            sleepMs(1);
        }
        while (!(drained = isDrained()) && System.nanoTime() < deadline)
        {
            sleepMs(1);
        }
        for (final AgentRunner runner : runners)
        {
            runner.close();
        }
        return drained;
    }

    @Override
    public void close()
    {
        drainAndStop();
    }

    private static void sleepMs(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
