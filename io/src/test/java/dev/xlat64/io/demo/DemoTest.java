package dev.xlat64.io.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.xlat64.io.lab.ExecResult;
import dev.xlat64.io.lab.NetnsLab;
import dev.xlat64.io.lab.Requirements;

/**
 * The README's main job, {@code xlat64 demo}, run whole: every step passes, and the lab is gone afterwards.
 */
class DemoTest
{
    @Test
    void shouldRunEveryStepOfTheDemoAndLeaveNothingBehind() throws Exception
    {
        Requirements.requireLab();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        final int code = new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), false).run();

        final String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, output);
        final List<String> verdicts = output.lines().filter(l -> l.startsWith("   OK: ") || l.startsWith("   FAILED: "))
            .toList();
        assertEquals(11, verdicts.size(), output); // 4 DNS64 checks, then 7 for the traffic
        assertTrue(verdicts.stream().allMatch(l -> l.startsWith("   OK: ")), output);
        assertTrue(output.contains("The gateway exited with code 0 (clean shutdown)."), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("In plain words: the gateway translated ") &&
            l.contains("sent 2 ICMP errors of its own")), output); // Time Exceeded and Packet Too Big
        assertTrue(output.contains("     server.lab.example. 300 IN AAAA 2001:db8:64::c633:640a"), output);
        assertTrue(output.contains("The next steps use 2001:db8:64::c633:640a, the address dig returned."), output);
        assertTrue(output.contains("Everything crossed the gateway as it should."), output);

        final Matcher namespace = Pattern.compile("netns (xlat64-client-\\w+)").matcher(output);
        assertTrue(namespace.find(), output);
        final ExecResult list = new ExecResult(0, new String(
            new ProcessBuilder("ip", "netns", "list").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(!list.output().contains(namespace.group(1)), "namespace removed: " + list.output());
    }
}
