package dev.xlat64.io.config;

/**
 * A configuration that cannot be used, with a message a user can act on: the file and line, the key path,
 * the value found and what was expected. Thrown at setup only; nothing starts half-configured.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message)
    {
        super(message);
    }
}
