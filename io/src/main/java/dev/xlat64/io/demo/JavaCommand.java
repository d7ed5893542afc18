package dev.xlat64.io.demo;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts another xlat64 JVM like this one: the same java binary, JVM flags and class
 * path, with the xlat64 command line's main class and the given arguments.
 */
public final class JavaCommand
{
    private static final String MAIN_CLASS = "dev.xlat64.io.cli.Xlat64Command";

    private JavaCommand()
    {
    }

    public static List<String> xlat64(final String... args)
    {
        return java(MAIN_CLASS, args);
    }

    /**
     * @return the command line that runs {@code mainClass} with {@code args} in a JVM like this one.
     */
    public static List<String> java(final String mainClass, final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            // A debugger agent would make the child wait for a debugger on the same port.
            if (!argument.startsWith("-agentlib:jdwp"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }
}
