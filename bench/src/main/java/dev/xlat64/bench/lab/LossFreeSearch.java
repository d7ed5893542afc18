package dev.xlat64.bench.lab;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The highest paced rate with loss at most {@code maxLoss} (RFC 8219 §7.3 throughput, with a loss tolerance as
 * LAB.md recommends for veths): doubling from a start rate until a trial loses, then bisection down to a
 * relative resolution. A trial whose generator fell short of the asked rate counts as a failure too, so the result
 * is never above what was actually offered.
 */
final class LossFreeSearch
{
    private final UdpTrial trial;
    private final double seconds;
    private final double maxLoss;
    private final PrintStream log;
    private boolean generatorBound;

    LossFreeSearch(final UdpTrial trial, final double seconds, final double maxLoss, final PrintStream log)
    {
        this.trial = trial;
        this.seconds = seconds;
        this.maxLoss = maxLoss;
        this.log = log;
    }

    /**
     * @return the best passing trial (rate 0 and no packets when even the start rate lost).
     */
    UdpTrial.Result search(final long startPps, final long maxPps, final double resolution)
        throws IOException, InterruptedException
    {
        UdpTrial.Result best = new UdpTrial.Result(0, 0, 0, seconds, 0, 0);
        boolean lossAbove = false;
        long low = 0;
        long high = -1;
        long rate = startPps;
        while (high < 0 || (high - low) > resolution * high)
        {
            final UdpTrial.Result result = trial.run(rate, seconds);
            final boolean offered = result.achievedPps() >= 0.97 * rate;
            final boolean pass = offered && result.loss() <= maxLoss;
            log.printf("    %,9d pps asked, %,9.0f offered: sent %,d, received %,d, loss %.4f%% -> %s%n",
                rate, result.achievedPps(), result.sent(), result.received(), 100 * result.loss(),
                pass ? "pass" : offered ? "loss" : "generator short");
            if (pass)
            {
                best = result;
                low = rate;
                if (high < 0 && rate * 2 > maxPps)
                {
                    break;
                }
            }
            else
            {
                high = rate;
                lossAbove |= offered;
            }
            rate = high < 0 ? rate * 2 : (low + high) / 2;
        }
        generatorBound = high >= 0 && !lossAbove;
        return best;
    }

    /**
     * @return true when, in the last search, no trial above the result lost packets: every higher rate failed
     *     only because the generator could not offer it, so the gateway's own loss-free rate is at least the result.
     */
    boolean generatorBound()
    {
        return generatorBound;
    }
}
