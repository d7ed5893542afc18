package dev.xlat64.io.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What iputils {@code ping} printed, reduced to what the demo tells the user.
 *
 * @param transmitted echo requests sent.
 * @param received echo replies received.
 * @param averageRttMs average round-trip time, or NaN.
 * @param errorFrom the source of the first ICMP error line ("From X icmp_seq=N ..."), or null.
 * @param error the text of that error (e.g. "Time exceeded: Hop limit", "Packet too big: mtu=1420"), or null.
 * @param output everything ping printed.
 */
public record PingResult(int transmitted, int received, double averageRttMs, String errorFrom, String error,
    String output)
{
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern RTT = Pattern.compile("rtt min/avg/max/mdev = [0-9.]+/([0-9.]+)/");
    private static final Pattern ERROR = Pattern.compile("From (\\S+?):? icmp_seq=\\d+ (.+)");

    public static PingResult parse(final String output)
    {
        final Matcher summary = SUMMARY.matcher(output);
        final Matcher rtt = RTT.matcher(output);
        final Matcher error = ERROR.matcher(output);
        final boolean hasError = error.find();
        return new PingResult(
            summary.find() ? Integer.parseInt(summary.group(1)) : 0,
            summary.find(0) ? Integer.parseInt(summary.group(2)) : 0,
            rtt.find() ? Double.parseDouble(rtt.group(1)) : Double.NaN,
            hasError ? error.group(1) : null,
            hasError ? error.group(2).strip() : null,
            output);
    }
}
