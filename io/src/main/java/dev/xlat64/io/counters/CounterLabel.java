package dev.xlat64.io.counters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A counter label read back as a metric name and a label set. Two label styles live in the counters file:
 * the pipeline's {@code "rx-packets port=veth0 family=ipv6"} and the translator's {@code "worker-0.reason"};
 * anything else becomes the name as it stands.
 *
 * @param name the metric part, e.g. {@code rx-packets}.
 * @param labels the key/value pairs, in label order.
 */
public record CounterLabel(String name, Map<String, String> labels)
{
    public static CounterLabel parse(final String label)
    {
        final String[] words = label.trim().split(" +");
        final Map<String, String> labels = new LinkedHashMap<>();
        boolean structured = words.length > 1;
        for (int i = 1; i < words.length && structured; i++)
        {
            final int eq = words[i].indexOf('=');
            if (eq <= 0)
            {
                structured = false;
            }
            else
            {
                labels.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        if (structured)
        {
            return new CounterLabel(words[0], labels);
        }
        labels.clear();
        final int dot = label.indexOf('.');
        if (words.length == 1 && dot > 0 && dot < label.length() - 1)
        {
            labels.put("agent", label.substring(0, dot));
            return new CounterLabel(label.substring(dot + 1), labels);
        }
        return new CounterLabel(label.trim(), labels);
    }

    /**
     * @return the name as a Prometheus metric name: {@code xlat64_} and the name with every character outside
     * {@code [a-zA-Z0-9_]} turned into {@code _}.
     */
    public String metricName()
    {
        final StringBuilder sb = new StringBuilder("xlat64_");
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toLowerCase(c) : '_');
        }
        return sb.toString();
    }
}
