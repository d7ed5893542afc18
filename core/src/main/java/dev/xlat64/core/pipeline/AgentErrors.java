package dev.xlat64.core.pipeline;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The boundary of an agent: an unexpected exception is counted, logged the first time its class is seen,
 * and swallowed so the agent keeps running (STYLE.md "Packets"). Packet faults never get here; they are
 * counted drops.
 */
public final class AgentErrors
{
    private static final int MAX_LOGGED_CLASSES = 16;

    private final String agentName;
    private final AtomicCounter errors;
    private final ErrorHandler log;
    private final Class<?>[] loggedClasses = new Class<?>[MAX_LOGGED_CLASSES];
    private int loggedCount;

    /**
     * @param agentName named in the log line.
     * @param errors counts every exception caught.
     * @param log receives the first exception of each class.
     */
    public AgentErrors(final String agentName, final AtomicCounter errors, final ErrorHandler log)
    {
        this.agentName = agentName;
        this.errors = errors;
        this.log = log;
    }

    public void onError(final Throwable error)
    {
        errors.incrementRelease();
        for (int i = 0; i < loggedCount; i++)
        {
            if (loggedClasses[i] == error.getClass())
            {
                return;
            }
        }
        if (loggedCount < MAX_LOGGED_CLASSES)
        {
            loggedClasses[loggedCount++] = error.getClass();
        }
        log.onError(new IllegalStateException(
            agentName + ": unexpected " + error.getClass().getSimpleName() +
            " (counted; further ones of this class are only counted)", error));
    }
}
