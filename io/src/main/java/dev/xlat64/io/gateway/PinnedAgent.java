package dev.xlat64.io.gateway;

import org.agrona.concurrent.Agent;

/**
 * Runs an agent on a thread pinned to one CPU: the pinning happens in {@link #onStart()}, on the agent's thread.
 */
final class PinnedAgent implements Agent
{
    private final Agent delegate;
    private final int cpu;

    PinnedAgent(final Agent delegate, final int cpu)
    {
        this.delegate = delegate;
        this.cpu = cpu;
    }

    @Override
    public void onStart()
    {
        CpuAffinity.pinCurrentThread(cpu);
        delegate.onStart();
    }

    @Override
    public int doWork() throws Exception
    {
        return delegate.doWork();
    }

    @Override
    public void onClose()
    {
        delegate.onClose();
    }

    @Override
    public String roleName()
    {
        return delegate.roleName();
    }
}
