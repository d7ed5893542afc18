package dev.xlat64.io.lab;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a test needs from the machine (network namespaces, a tool). Where it is missing the test is skipped with
 * the reason, except in CI ({@code CI} set in the environment, as {@code .ci/run} runs), where a missing
 * requirement is a failure: CI runs as root with its tools installed, so a skip there would hide a broken setup.
 */
public final class Requirements
{
    private Requirements()
    {
    }

    /**
     * Network namespaces can be made ({@link NetnsLab#unavailableReason()}).
     */
    public static void requireLab()
    {
        final String reason = NetnsLab.unavailableReason();
        require(reason == null, "network namespaces unavailable: " + reason);
    }

    /**
     * @param present whether the requirement is met.
     * @param whyNot what is missing and how to get it, e.g. "tcpdump is not installed (apt-get install tcpdump)".
     */
    public static void require(final boolean present, final String whyNot)
    {
        if (!present && System.getenv("CI") != null)
        {
            fail("CI must run this test, but " + whyNot);
        }
        Assumptions.assumeTrue(present, whyNot);
    }
}
