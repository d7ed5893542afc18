package dev.xlat64.io.gateway;

/**
 * Something a sleeping agent thread can wait on: a file descriptor that turns readable (POLLIN) when there is work,
 * such as a port's AF_PACKET socket or a local service's UDP socket. The {@link PollIdleStrategy} of a thread
 * sleeps in poll(2) on the descriptors of the ports and agents it runs.
 */
public interface Pollable
{
    /**
     * @return the file descriptor to wait on for POLLIN, or -1 when there is none (e.g. the socket is closed).
     */
    int pollFd();
}
