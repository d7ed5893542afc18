package dev.xlat64.io.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML mapping of the configuration file, with its dotted key path, read through typed getters.
 * <p>
 * Every getter that cannot give what was asked throws a {@link ConfigException} naming the file and line,
 * the key path, the value and what was expected, e.g.
 * {@code xlat64.yaml:3: pool6: '2001:db8::/33' is not an RFC 6052 prefix (prefix length must be ...)}.
 * Values stay text until asked for, so a number or an address is parsed by the reader that knows its type.
 */
public final class ConfigNode
{
    private final String source;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private ConfigNode(final String source, final String path, final MappingNode node)
    {
        this.source = source;
        this.path = path;
        this.node = node;
        for (final NodeTuple tuple : node.getValue())
        {
            final String key = scalarText(tuple.getKeyNode(), path.isEmpty() ? "(top level)" : path);
            if (entries.put(key, tuple) != null)
            {
                throw error(tuple.getKeyNode(), qualify(key) + ": appears twice");
            }
        }
    }

    /**
     * Loads a configuration file whose top level is a mapping.
     */
    public static ConfigNode load(final Path file)
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            return parse(file.toString(), new Compose(settings(file.toString())).composeReader(reader));
        }
        catch (final NoSuchFileException ex)
        {
            throw new ConfigException(file + ": no such file");
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file + ": cannot be read: " + ex.getMessage());
        }
        catch (final YamlEngineException ex)
        {
            throw new ConfigException(file + ": not valid YAML: " + ex.getMessage());
        }
    }

    /**
     * Parses YAML text; {@code source} names it in error messages.
     */
    public static ConfigNode parse(final String source, final String yaml)
    {
        try
        {
            return parse(source, new Compose(settings(source)).composeString(yaml));
        }
        catch (final YamlEngineException ex)
        {
            throw new ConfigException(source + ": not valid YAML: " + ex.getMessage());
        }
    }

    private static ConfigNode parse(final String source, final Optional<Node> root)
    {
        if (root.isEmpty())
        {
            return new ConfigNode(source, "", new MappingNode(
                org.snakeyaml.engine.v2.nodes.Tag.MAP, List.of(), org.snakeyaml.engine.v2.common.FlowStyle.AUTO));
        }
        if (!(root.get() instanceof MappingNode mapping))
        {
            throw new ConfigException(source + ": the top level must be a mapping of keys to values");
        }
        return new ConfigNode(source, "", mapping);
    }

    private static LoadSettings settings(final String source)
    {
        return LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(true).build();
    }

    /**
     * The dotted key path of this mapping, empty at the top level.
     */
    public String path()
    {
        return path;
    }

    public boolean has(final String key)
    {
        return entries.containsKey(key);
    }

    /**
     * Fails on any key not in {@code known}, so a typo is an error and not a silently ignored setting.
     */
    public ConfigNode rejectUnknownKeys(final Set<String> known)
    {
        for (final Map.Entry<String, NodeTuple> entry : entries.entrySet())
        {
            if (!known.contains(entry.getKey()))
            {
                throw error(entry.getValue().getKeyNode(), qualify(entry.getKey()) + ": unknown key (expected one of " +
                    String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        return this;
    }

    public String string(final String key)
    {
        return scalarText(required(key).getValueNode(), qualify(key));
    }

    public String string(final String key, final String defaultValue)
    {
        return has(key) ? string(key) : defaultValue;
    }

    public int integer(final String key, final int min, final int max)
    {
        final String text = string(key);
        final long value;
        try
        {
            value = Long.parseLong(text.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw invalid(key, text, "a whole number from " + min + " to " + max);
        }
        if (value < min || value > max)
        {
            throw invalid(key, text, "a whole number from " + min + " to " + max);
        }
        return (int)value;
    }

    public int integer(final String key, final int min, final int max, final int defaultValue)
    {
        return has(key) ? integer(key, min, max) : defaultValue;
    }

    public boolean bool(final String key, final boolean defaultValue)
    {
        if (!has(key))
        {
            return defaultValue;
        }
        final String text = string(key);
        return switch (text)
        {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, text, "true or false");
        };
    }

    /**
     * One of a fixed set of words, e.g. an idle strategy.
     */
    public String oneOf(final String key, final String defaultValue, final String... allowed)
    {
        final String text = string(key, defaultValue);
        for (final String word : allowed)
        {
            if (word.equals(text))
            {
                return text;
            }
        }
        throw invalid(key, text, "one of " + String.join(", ", allowed));
    }

    /**
     * A value parsed by {@code parser}; its {@link IllegalArgumentException} becomes a {@link ConfigException}
     * that keeps the parser's reason and adds {@code expected}.
     */
    public <T> T parsed(final String key, final Function<String, T> parser, final String expected)
    {
        return parseScalar(required(key).getValueNode(), qualify(key), parser, expected);
    }

    public <T> T parsed(final String key, final Function<String, T> parser, final String expected, final T defaultValue)
    {
        return has(key) ? parsed(key, parser, expected) : defaultValue;
    }

    /**
     * A list of scalars, each parsed by {@code parser}; a single scalar counts as a list of one.
     * An absent key is an empty list.
     */
    public <T> List<T> parsedList(final String key, final Function<String, T> parser, final String expected)
    {
        if (!has(key))
        {
            return List.of();
        }
        final Node value = required(key).getValueNode();
        final List<T> result = new ArrayList<>();
        if (value instanceof ScalarNode)
        {
            result.add(parseScalar(value, qualify(key), parser, expected));
        }
        else if (value instanceof SequenceNode sequence)
        {
            int index = 0;
            for (final Node item : sequence.getValue())
            {
                result.add(parseScalar(item, qualify(key) + "[" + index++ + "]", parser, expected));
            }
        }
        else
        {
            throw error(value, qualify(key) + ": expected " + expected + " or a list of them");
        }
        return result;
    }

    /**
     * A nested mapping, which must be present.
     */
    public ConfigNode child(final String key)
    {
        final Node value = required(key).getValueNode();
        if (!(value instanceof MappingNode mapping))
        {
            throw error(value, qualify(key) + ": expected a mapping of keys to values");
        }
        return new ConfigNode(source, qualify(key), mapping);
    }

    public Optional<ConfigNode> optionalChild(final String key)
    {
        return has(key) ? Optional.of(child(key)) : Optional.empty();
    }

    /**
     * A list of mappings, e.g. EAMT entries; an absent key is an empty list.
     */
    public List<ConfigNode> children(final String key)
    {
        if (!has(key))
        {
            return List.of();
        }
        final Node value = required(key).getValueNode();
        if (!(value instanceof SequenceNode sequence))
        {
            throw error(value, qualify(key) + ": expected a list of mappings");
        }
        final List<ConfigNode> result = new ArrayList<>();
        int index = 0;
        for (final Node item : sequence.getValue())
        {
            final String itemPath = qualify(key) + "[" + index++ + "]";
            if (!(item instanceof MappingNode mapping))
            {
                throw error(item, itemPath + ": expected a mapping of keys to values");
            }
            result.add(new ConfigNode(source, itemPath, mapping));
        }
        return result;
    }

    /**
     * An error about {@code key} of this mapping, for checks that involve several keys.
     */
    public ConfigException invalid(final String key, final String value, final String expected)
    {
        final Node at = has(key) ? entries.get(key).getValueNode() : node;
        return error(at, qualify(key) + ": '" + value + "' is not valid (expected " + expected + ")");
    }

    private <T> T parseScalar(final Node value, final String keyPath, final Function<String, T> parser, final String expected)
    {
        final String text = scalarText(value, keyPath);
        try
        {
            return parser.apply(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw error(value, keyPath + ": '" + text + "' is not valid: " + ex.getMessage() + " (expected " + expected + ")");
        }
    }

    private NodeTuple required(final String key)
    {
        final NodeTuple tuple = entries.get(key);
        if (tuple == null)
        {
            throw error(node, qualify(key) + ": missing");
        }
        return tuple;
    }

    private String scalarText(final Node value, final String keyPath)
    {
        if (!(value instanceof ScalarNode scalar))
        {
            throw error(value, keyPath + ": expected a single value, not a " +
                (value instanceof SequenceNode ? "list" : "mapping"));
        }
        return scalar.getValue();
    }

    private String qualify(final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    private ConfigException error(final Node at, final String message)
    {
        final int line = at.getStartMark().map(Mark::getLine).orElse(-1);
        return new ConfigException(source + (line >= 0 ? ":" + (line + 1) : "") + ": " + message);
    }
}
