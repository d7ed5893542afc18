package dev.xlat64.io.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/**
 * Reads the version Maven filtered into {@code version.properties}, with the JVM that runs it.
 */
final class VersionProvider implements CommandLine.IVersionProvider
{
    @Override
    public String[] getVersion() throws IOException
    {
        final Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties"))
        {
            if (in != null)
            {
                properties.load(in);
            }
        }
        return new String[] {
            "xlat64 " + properties.getProperty("version", "unknown"),
            "JVM " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
