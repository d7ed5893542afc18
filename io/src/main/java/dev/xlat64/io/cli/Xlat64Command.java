package dev.xlat64.io.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code xlat64} command line. Each job is a subcommand in a class of its own, registered here.
 */
@Command(
    name = "xlat64",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Userspace NAT64/SIIT gateway with a colocated DNS64 server.",
    // One line each, so that parallel work merges without conflicts.
    subcommands = {
        DemoCommand.class,
        RunCommand.class,
        TranslateCommand.class,
        Dns64Command.class,
        StatsCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class Xlat64Command implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine()
    {
        return new CommandLine(new Xlat64Command());
    }

    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }
}
