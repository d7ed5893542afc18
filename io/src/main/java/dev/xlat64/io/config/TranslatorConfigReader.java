package dev.xlat64.io.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.core.rfc7757.EamEntry;
import dev.xlat64.core.rfc7757.EamHairpinMode;
import dev.xlat64.core.rfc7757.EamTable;
import dev.xlat64.core.rfc7915.MtuPlateaus;
import dev.xlat64.core.rfc7915.TranslatorConfig;

/**
 * Reads the translator's keys from the top level of the configuration file into a {@link TranslatorConfig}.
 * <pre>
 * pool6: 2001:db8:64::/96            # RFC 6052 prefix (/32 /40 /48 /56 /64 /96); optional if eamt is given
 * allow-wkp-non-global: false        # RFC 6052 §3.1: refuse non-global IPv4 under 64:ff9b::/96
 * eamt:                              # RFC 7757 Explicit Address Mappings, equal suffix lengths
 *   - ipv6-prefix: 2001:db8:1::/120
 *     ipv4-prefix: 203.0.113.0/24
 * eam-hairpin-mode: intrinsic        # off | simple | intrinsic (RFC 7757 §4.2)
 * rfc6791-pool4: [198.51.100.200/30] # sources for ICMPv6 errors from untranslatable IPv6 routers
 * rfc6791-pool6: 2001:db8:6791::/96  # prefix for ICMPv4 errors from untranslatable IPv4 routers
 * translator-ipv4-address: 198.51.100.1   # source of ICMPv4 errors the translator sends
 * translator-ipv6-address: 2001:db8:1::1  # source of ICMPv6 errors the translator sends
 * ipv4-mtu: 1500
 * ipv6-mtu: 1500
 * lowest-ipv6-mtu: 1280              # RFC 7915 §4.1
 * mtu-plateaus: [65535, 32000, 17914, 8166, 4352, 2002, 1492, 1006, 508, 296, 68]
 * amend-udp-checksum-zero: false     # RFC 7915 §4.5
 * traffic-class: copy                # 4to6: copy the TOS, or a value 0-255 (0 zeroes it)
 * tos: copy                          # 6to4: copy the traffic class, or a value 0-255
 * icmp-error-hop-limit: 64
 * </pre>
 * Every bad value is a {@link ConfigException} naming the key, the value and what was expected; a file that
 * cannot produce a whole configuration produces none.
 */
public final class TranslatorConfigReader
{
    /** The translator's top-level keys. */
    public static final Set<String> KEYS = Set.of(
        "pool6", "allow-wkp-non-global", "eamt", "eam-hairpin-mode", "rfc6791-pool4", "rfc6791-pool6",
        "translator-ipv4-address", "translator-ipv6-address", "ipv4-mtu", "ipv6-mtu", "lowest-ipv6-mtu",
        "mtu-plateaus", "amend-udp-checksum-zero", "traffic-class", "tos", "icmp-error-hop-limit");

    /** The sections other readers own at the top level of the same file. */
    public static final Set<String> OTHER_SECTIONS = Set.of("gateway", "dns64");

    private TranslatorConfigReader()
    {
    }

    /**
     * Fails on a top-level key that is neither a translator key nor another reader's section, so that a typo
     * such as {@code pool-6} is an error rather than a setting silently ignored.
     *
     * @param root the top level of the file.
     * @return root.
     */
    public static ConfigNode rejectUnknownTopLevelKeys(final ConfigNode root)
    {
        final java.util.Set<String> known = new java.util.HashSet<>(KEYS);
        known.addAll(OTHER_SECTIONS);
        return root.rejectUnknownKeys(known);
    }

    /**
     * @param root the top level of the file (other sections such as {@code gateway:} are left to their readers).
     * @return the translator configuration.
     * @throws ConfigException on any bad or missing value.
     */
    public static TranslatorConfig read(final ConfigNode root)
    {
        final TranslatorConfig.Builder builder = TranslatorConfig.builder();
        final boolean allowNonGlobal = root.bool("allow-wkp-non-global", false);
        builder.pool6(root.parsed("pool6", text -> Rfc6052Prefix.parse(text, allowNonGlobal),
            "an RFC 6052 prefix of length 32, 40, 48, 56, 64 or 96, e.g. 64:ff9b::/96", null));

        final List<EamEntry> entries = new ArrayList<>();
        for (final ConfigNode entry : root.children("eamt"))
        {
            entry.rejectUnknownKeys(Set.of("ipv6-prefix", "ipv4-prefix"));
            final Ipv6Prefix six = entry.parsed("ipv6-prefix", Ipv6Prefix::parse, "an IPv6 prefix, e.g. 2001:db8:1::/120");
            final Ipv4Prefix four = entry.parsed("ipv4-prefix", Ipv4Prefix::parse, "an IPv4 prefix, e.g. 203.0.113.0/24");
            try
            {
                entries.add(new EamEntry(six.high(), six.low(), six.length(), four.address(), four.length()));
            }
            catch (final IllegalArgumentException ex)
            {
                throw entry.invalid("ipv6-prefix", six + " = " + four, "prefixes whose suffixes have the same length (" +
                    ex.getMessage() + ")");
            }
        }
        try
        {
            builder.eamt(new EamTable(entries));
        }
        catch (final IllegalArgumentException ex)
        {
            throw root.invalid("eamt", entries.size() + " entries", "each prefix once (" + ex.getMessage() + ")");
        }

        builder.eamHairpinMode(EamHairpinMode.valueOf(
            root.oneOf("eam-hairpin-mode", "intrinsic", "off", "simple", "intrinsic").toUpperCase(java.util.Locale.ROOT)));
        for (final Ipv4Prefix prefix : root.parsedList("rfc6791-pool4", Ipv4Prefix::parse, "an IPv4 prefix"))
        {
            builder.addRfc6791Pool4(prefix);
        }
        builder.rfc6791Pool6(root.parsed("rfc6791-pool6", text ->
        {
            final Ipv6Prefix prefix = Ipv6Prefix.parse(text);
            if (prefix.length() > 96)
            {
                throw new IllegalArgumentException("longer than /96, no room for the 32-bit IPv4 address");
            }
            return prefix;
        }, "an IPv6 prefix of length 96 or less", null));
        if (root.has("translator-ipv4-address"))
        {
            builder.translatorIpv4Address(root.parsed("translator-ipv4-address", Ipv4Address::parse, "an IPv4 address"));
        }
        if (root.has("translator-ipv6-address"))
        {
            final Ipv6Address address = root.parsed("translator-ipv6-address", Ipv6Address::parse, "an IPv6 address");
            builder.translatorIpv6Address(address.high(), address.low());
        }
        builder.ipv4MtuBytes(root.integer("ipv4-mtu", 68, 65535, 1500));
        builder.ipv6MtuBytes(root.integer("ipv6-mtu", 1280, 65535, 1500));
        builder.lowestIpv6MtuBytes(root.integer("lowest-ipv6-mtu", 1280, 65535, 1280));
        if (root.has("mtu-plateaus"))
        {
            final List<Integer> plateaus = root.parsedList("mtu-plateaus", text ->
            {
                final int value = Integer.parseInt(text.trim());
                if (value < 68 || value > 65535)
                {
                    throw new IllegalArgumentException("out of range");
                }
                return value;
            }, "MTU values from 68 to 65535");
            if (plateaus.isEmpty())
            {
                throw root.invalid("mtu-plateaus", "[]", "at least one MTU value");
            }
            builder.mtuPlateaus(new MtuPlateaus(plateaus.stream().mapToInt(Integer::intValue).toArray()));
        }
        builder.amendUdpChecksumZero(root.bool("amend-udp-checksum-zero", false));
        builder.trafficClass(copyOrByte(root, "traffic-class"));
        builder.tos(copyOrByte(root, "tos"));
        builder.icmpErrorHopLimit(root.integer("icmp-error-hop-limit", 1, 255, 64));

        if (!root.has("pool6") && entries.isEmpty())
        {
            throw root.invalid("pool6", "(absent)", "pool6 or at least one eamt entry: without either nothing translates");
        }
        try
        {
            return builder.build();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException("translator configuration: " + ex.getMessage());
        }
    }

    private static int copyOrByte(final ConfigNode root, final String key)
    {
        final String text = root.string(key, "copy");
        if ("copy".equals(text))
        {
            return TranslatorConfig.COPY;
        }
        try
        {
            final int value = Integer.parseInt(text.trim());
            if (value >= 0 && value <= 255)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw root.invalid(key, text, "copy, or a whole number from 0 to 255");
    }
}
