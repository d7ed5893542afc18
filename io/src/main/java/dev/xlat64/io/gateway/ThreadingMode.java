package dev.xlat64.io.gateway;

/**
 * How agents map to threads.
 */
public enum ThreadingMode
{
    /** One thread per agent (RX per port, each worker, TX per port), optionally pinned to CPUs. */
    DEDICATED("dedicated"),
    /** Agents composed onto {@code threads} threads (Agrona CompositeAgent), for small machines. */
    SHARED("shared");

    private final String configName;

    ThreadingMode(final String configName)
    {
        this.configName = configName;
    }

    public String configName()
    {
        return configName;
    }

    public static ThreadingMode of(final String configName)
    {
        for (final ThreadingMode mode : values())
        {
            if (mode.configName.equals(configName))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown threading mode " + configName);
    }
}
