package dev.xlat64.io.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivilegesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAcceptAProcessWithCapNetRaw() throws Exception
    {
        final Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nCapEff:\t0000000000002000\n");
        assertNull(Privileges.missingNetRaw(status));
    }

    @Test
    void shouldSayWhatToDoWithoutCapNetRaw() throws Exception
    {
        final Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nCapEff:\t0000000000001000\n");
        assertEquals("xlat64 needs root (or CAP_NET_RAW) to open AF_PACKET sockets: run it with sudo",
            Privileges.missingNetRaw(status));
    }
}
