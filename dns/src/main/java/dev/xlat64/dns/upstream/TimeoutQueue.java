package dev.xlat64.dns.upstream;

import java.util.Arrays;

/**
 * Deadlines of outstanding upstream attempts in send order. Every attempt has the same timeout, so the
 * deadlines are already sorted: the head is always the next to expire. An entry carries the attempt number
 * it was queued for, so one superseded by a retry or an answer is recognised as stale and skipped.
 */
final class TimeoutQueue
{
    private UpstreamExchange[] exchanges = new UpstreamExchange[64];
    private long[] deadlines = new long[64];
    private int[] attempts = new int[64];
    private int head;
    private int size;

    void add(final UpstreamExchange exchange, final long deadlineNs)
    {
        if (size == exchanges.length)
        {
            grow();
        }
        final int tail = (head + size) & (exchanges.length - 1);
        exchanges[tail] = exchange;
        deadlines[tail] = deadlineNs;
        attempts[tail] = exchange.attempt;
        size++;
    }

    /**
     * @return the next exchange whose current attempt has expired by {@code nowNs}, or null; stale entries
     *     are dropped on the way.
     */
    UpstreamExchange pollExpired(final long nowNs)
    {
        while (size > 0)
        {
            final UpstreamExchange exchange = exchanges[head];
            final boolean stale = exchange.done || attempts[head] != exchange.attempt;
            if (!stale && nowNs - deadlines[head] < 0)
            {
                return null;
            }
            exchanges[head] = null;
            head = (head + 1) & (exchanges.length - 1);
            size--;
            if (!stale)
            {
                return exchange;
            }
        }
        return null;
    }

    private void grow()
    {
        final int capacity = exchanges.length * 2;
        final UpstreamExchange[] e = new UpstreamExchange[capacity];
        final long[] d = new long[capacity];
        final int[] a = new int[capacity];
        for (int i = 0; i < size; i++)
        {
            final int from = (head + i) & (exchanges.length - 1);
            e[i] = exchanges[from];
            d[i] = deadlines[from];
            a[i] = attempts[from];
        }
        Arrays.fill(exchanges, null);
        exchanges = e;
        deadlines = d;
        attempts = a;
        head = 0;
    }
}
