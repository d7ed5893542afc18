package dev.xlat64.io.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CpuAffinityTest
{
    @Test
    void shouldCountTheMachinesOnlineCpusWhateverThisThreadsAffinity() throws IOException
    {
        // Counted another way: the cpuN directories whose 'online' file says 1 (CPU 0 often has no such file).
        final long online;
        try (Stream<Path> cpus = Files.list(Path.of("/sys/devices/system/cpu")))
        {
            online = cpus.filter(p -> p.getFileName().toString().matches("cpu[0-9]+"))
                .filter(p -> !Files.exists(p.resolve("online")) || readsOne(p.resolve("online")))
                .count();
        }
        assertEquals(online, CpuAffinity.onlineCpuCount());
    }

    private static boolean readsOne(final Path file)
    {
        try
        {
            return Files.readString(file).strip().equals("1");
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
