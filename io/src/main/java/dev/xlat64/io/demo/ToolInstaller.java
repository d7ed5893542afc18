package dev.xlat64.io.demo;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the outside tools the demo runs exist, installing the missing ones with apt-get after a one-line
 * notice. A fresh machine has iproute2 but not ethtool (the lab turns veth offloads off with it) or ping.
 */
public final class ToolInstaller
{
    /** Command name to the Debian package that provides it. */
    public static final Map<String, String> DEMO_TOOLS = toolMap();

    private ToolInstaller()
    {
    }

    private static Map<String, String> toolMap()
    {
        final Map<String, String> tools = new LinkedHashMap<>();
        tools.put("ip", "iproute2");
        tools.put("ethtool", "ethtool");
        tools.put("ping", "iputils-ping");
        tools.put("dig", "dnsutils");
        return tools;
    }

    /**
     * @return the packages providing the commands of {@code tools} that are not on the PATH.
     */
    public static List<String> missingPackages(final Map<String, String> tools, final String path)
    {
        final List<String> missing = new ArrayList<>();
        tools.forEach((command, pkg) ->
        {
            if (!onPath(command, path) && !missing.contains(pkg))
            {
                missing.add(pkg);
            }
        });
        return missing;
    }

    static boolean onPath(final String command, final String path)
    {
        for (final String dir : (path == null ? "" : path).split(File.pathSeparator))
        {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command)))
            {
                return true;
            }
        }
        // sudo may run with a short PATH; the sbin directories hold ip and ethtool.
        for (final String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"))
        {
            if (Files.isExecutable(Path.of(dir, command)))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Installs what is missing.
     *
     * @throws IOException saying which packages could not be installed and how to do it by hand.
     */
    public static void ensure(final Map<String, String> tools, final PrintStream out) throws IOException
    {
        final List<String> missing = missingPackages(tools, System.getenv("PATH"));
        if (missing.isEmpty())
        {
            return;
        }
        out.println("xlat64 demo: installing " + String.join(" ", missing) + " with apt-get (the demo uses them)");
        final List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
        install.addAll(missing);
        if (run(List.of("apt-get", "update", "-qq")) != 0 || run(install) != 0)
        {
            throw new IOException("could not install " + String.join(" ", missing) +
                "; install them by hand (apt-get install " + String.join(" ", missing) + ") and run the demo again");
        }
    }

    private static int run(final List<String> command) throws IOException
    {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        final Process process = builder.start();
        try
        {
            if (!process.waitFor(10, TimeUnit.MINUTES))
            {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
