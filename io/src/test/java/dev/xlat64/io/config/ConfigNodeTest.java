package dev.xlat64.io.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigNodeTest
{
    private static final String YAML = """
        pool6: 2001:db8:64::/96
        ipv4-mtu: 1500
        amend-udp-checksum-zero: yes
        eamt:
          - ipv6: 2001:db8:1::/120
            ipv4: 203.0.113.0/24
        gateway:
          workers: two
        upstreams: [127.0.0.1, "::1"]
        """;

    private final ConfigNode root = ConfigNode.parse("test.yaml", YAML);

    @Test
    void shouldReadTypedValues()
    {
        assertEquals("2001:db8:64::/96", root.string("pool6"));
        assertEquals(1500, root.integer("ipv4-mtu", 68, 65535));
        assertEquals(1280, root.integer("ipv6-mtu", 1280, 65535, 1280));
        assertTrue(root.bool("amend-udp-checksum-zero", false));
        assertEquals(List.of("127.0.0.1", "::1"), root.parsedList("upstreams", s -> s, "an address"));
        assertEquals("2001:db8:1::/120", root.children("eamt").get(0).string("ipv6"));
        assertEquals("eamt[0]", root.children("eamt").get(0).path());
    }

    @Test
    void shouldNameFileLineKeyValueAndExpectation()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> root.child("gateway").integer("workers", 1, 64));
        assertEquals("test.yaml:8: gateway.workers: 'two' is not valid (expected a whole number from 1 to 64)",
            ex.getMessage());
    }

    @Test
    void shouldKeepParserReasonInError()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> root.parsed("pool6", text ->
        {
            throw new IllegalArgumentException("prefix length must be one of 32, 40, 48, 56, 64, 96");
        }, "an RFC 6052 prefix"));
        assertEquals("test.yaml:1: pool6: '2001:db8:64::/96' is not valid: prefix length must be one of " +
            "32, 40, 48, 56, 64, 96 (expected an RFC 6052 prefix)", ex.getMessage());
    }

    @Test
    void shouldRejectUnknownKeysAndMissingOnes()
    {
        final ConfigException unknown = assertThrows(ConfigException.class,
            () -> root.rejectUnknownKeys(Set.of("pool6", "eamt")));
        assertEquals("test.yaml:2: ipv4-mtu: unknown key (expected one of eamt, pool6)", unknown.getMessage());

        final ConfigException missing = assertThrows(ConfigException.class, () -> root.child("gateway").string("ipv6-interface"));
        assertEquals("test.yaml:8: gateway.ipv6-interface: missing", missing.getMessage());
    }

    @Test
    void shouldRejectDuplicateKeysWrongShapesAndBadYaml()
    {
        assertEquals("d.yaml:2: a: appears twice",
            assertThrows(ConfigException.class, () -> ConfigNode.parse("d.yaml", "a: 1\na: 2\n")).getMessage());
        assertEquals("s.yaml:1: a: expected a single value, not a list",
            assertThrows(ConfigException.class, () -> ConfigNode.parse("s.yaml", "a: [1, 2]\n").string("a")).getMessage());
        assertEquals("t.yaml: the top level must be a mapping of keys to values",
            assertThrows(ConfigException.class, () -> ConfigNode.parse("t.yaml", "- 1\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigNode.parse("y.yaml", "a: [1\n"))
            .getMessage().startsWith("y.yaml: not valid YAML: "));
        assertEquals("/nonexistent/x.yaml: no such file",
            assertThrows(ConfigException.class, () -> ConfigNode.load(Path.of("/nonexistent/x.yaml"))).getMessage());
    }

    @Test
    void shouldTreatEmptyFileAsEmptyMapping()
    {
        assertFalse(ConfigNode.parse("e.yaml", "").has("pool6"));
    }
}
