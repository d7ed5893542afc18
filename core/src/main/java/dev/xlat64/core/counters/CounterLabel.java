package dev.xlat64.core.counters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A counter label, {@code <scope>.<counter-name>{key=value,...}} (see {@link CounterDescriptor}), written and read
 * back in this one class.
 *
 * @param scope the scope word, e.g. {@code pipeline}.
 * @param counterName the counter name in its scope, e.g. {@code rx-packets}.
 * @param labels the key/value pairs, in label order.
 */
public record CounterLabel(String scope, String counterName, Map<String, String> labels)
{
    public CounterLabel
    {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /**
     * @return the label of {@code descriptor} with the given keys and values.
     * @throws IllegalArgumentException naming the counter, the key and the value when one breaks the style.
     */
    public static String format(final CounterDescriptor descriptor, final String... keyValues)
    {
        final StringBuilder sb = new StringBuilder(descriptor.scope().scopeName()).append('.')
            .append(descriptor.counterName());
        if ((keyValues.length & 1) != 0)
        {
            throw new IllegalArgumentException("counter " + sb + ": keys and values must come in pairs, got " +
                keyValues.length + " strings");
        }
        for (int i = 0; i < keyValues.length; i += 2)
        {
            final String key = keyValues[i];
            final String value = keyValues[i + 1];
            if (key == null || !key.matches("[a-z][a-z0-9_]*"))
            {
                throw new IllegalArgumentException("counter " + sb + ": label key '" + key +
                    "' is not a Prometheus label name [a-z][a-z0-9_]*");
            }
            if (value == null || value.isEmpty() || !value.matches("[^{},=\\s]+"))
            {
                throw new IllegalArgumentException("counter " + sb + ": value '" + value + "' of label key '" + key +
                    "' must be non-empty without '{', '}', ',', '=' or white space");
            }
        }
        for (int i = 0; i < keyValues.length; i += 2)
        {
            sb.append(i == 0 ? '{' : ',').append(keyValues[i]).append('=').append(keyValues[i + 1]);
        }
        return keyValues.length > 0 ? sb.append('}').toString() : sb.toString();
    }

    /**
     * @return the parts of {@code label}, or null when it is not in the label style (e.g. a counter some library
     * allocated itself).
     */
    public static CounterLabel parse(final String label)
    {
        final int brace = label.indexOf('{');
        final String head = brace < 0 ? label : label.substring(0, brace);
        final int dot = head.indexOf('.');
        if (dot <= 0 || dot == head.length() - 1 || !head.matches("[a-z0-9-]+\\.[a-z0-9-]+"))
        {
            return null;
        }
        final Map<String, String> labels = new LinkedHashMap<>();
        if (brace >= 0)
        {
            if (!label.endsWith("}") || label.length() == brace + 2)
            {
                return null;
            }
            for (final String pair : label.substring(brace + 1, label.length() - 1).split(",", -1))
            {
                final int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1 || pair.indexOf('=', eq + 1) >= 0)
                {
                    return null;
                }
                labels.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new CounterLabel(head.substring(0, dot), head.substring(dot + 1), labels);
    }
}
