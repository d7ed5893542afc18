package dev.xlat64.io.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Xlat64CommandTest
{
    @Test
    void shouldPrintFilteredVersion()
    {
        final StringWriter out = new StringWriter();
        final CommandLine cli = Xlat64Command.commandLine();
        cli.setOut(new PrintWriter(out));

        assertEquals(0, cli.execute("--version"));
        assertTrue(out.toString().startsWith("xlat64 0."), out.toString());
    }

    @Test
    void shouldRejectUnknownOption()
    {
        final CommandLine cli = Xlat64Command.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));

        assertEquals(2, cli.execute("--no-such-option"));
    }
}
