package dev.xlat64.io.demo;

import java.io.IOException;
import java.io.PrintStream;

import dev.xlat64.io.lab.NetnsLab;

/**
 * The demo's DNS64 step: {@code dig} in the IPv6-only client asks the DNS64 in the gateway about names of the
 * zone on the IPv4-only server, and each answer is checked: a synthesized AAAA for an A-only name (RFC 6147
 * §5.1.7, with its TTL rule), a real AAAA passed on, NXDOMAIN kept, and the PTR of the synthesized address
 * (§5.3.1). The synthesized address is what the later steps ping and connect to.
 */
final class Dns64Steps
{
    /** How the demo prints a checked outcome. */
    @FunctionalInterface
    interface Verdict
    {
        void verdict(boolean ok, String success, String failure);
    }

    private final NetnsLab lab;
    private final PrintStream out;
    private final Verdict verdict;

    Dns64Steps(final NetnsLab lab, final PrintStream out, final Verdict verdict)
    {
        this.lab = lab;
        this.out = out;
        this.verdict = verdict;
    }

    /**
     * @return the address dig returned for the server, or null when it returned none.
     */
    String run() throws IOException
    {
        final DigResult server = dig("AAAA", "server.lab.example");
        final String synthesized = server.first("AAAA");
        final long ttl = server.answers().isEmpty() ? -1 : server.answers().get(0).ttl();
        verdict.verdict(LabGatewayConfig.SERVER_IPV6.equals(synthesized) && ttl == 300,
            "the name has only an A record (" + NetnsLab.SERVER_IPV4 + "); the gateway synthesized " + synthesized +
            " under pool6, with TTL 300: the zone's negative-caching TTL, below the A record's 3600 (RFC 6147 §5.1.7).",
            "expected " + LabGatewayConfig.SERVER_IPV6 + " with TTL 300:\n" + server.output());

        final DigResult dual = dig("AAAA", "dual.lab.example");
        verdict.verdict("2001:db8:1::99".equals(dual.first("AAAA")),
            "a name with an AAAA record of its own gets it unchanged (RFC 6147 §5.1.1).",
            "expected the real AAAA 2001:db8:1::99:\n" + dual.output());

        final DigResult missing = dig("AAAA", "nope.lab.example");
        verdict.verdict("NXDOMAIN".equals(missing.status()) && missing.answers().isEmpty(),
            "a name that does not exist stays NXDOMAIN.", "expected NXDOMAIN:\n" + missing.output());

        final String reverseOf = synthesized == null ? LabGatewayConfig.SERVER_IPV6 : synthesized;
        final DigResult ptr = dig("-x", reverseOf);
        verdict.verdict("server.lab.example.".equals(ptr.first("PTR")),
            "the reverse name of " + reverseOf + " is answered from 10.100.51.198.in-addr.arpa (RFC 6147 §5.3.1).",
            "expected PTR server.lab.example.:\n" + ptr.output());
        return synthesized;
    }

    private DigResult dig(final String type, final String name) throws IOException
    {
        out.println("   $ dig " + type + " " + name + " @" + NetnsLab.GATEWAY_IPV6);
        final DigResult result = DigResult.parse(lab.exec(NetnsLab.Role.CLIENT, "dig", "@" + NetnsLab.GATEWAY_IPV6,
            type, name, "+noall", "+comments", "+answer", "+tries=2", "+time=2").output());
        if (result.answers().isEmpty())
        {
            out.println("     status: " + (result.status() == null ? "no answer" : result.status()));
        }
        for (final DigResult.Record record : result.answers())
        {
            out.println("     " + record);
        }
        return result;
    }
}
