package dev.xlat64.core.rfc7915;

import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.core.rfc7757.EamHairpinMode;
import dev.xlat64.core.rfc7757.EamTable;

/**
 * Everything a SIIT translator needs to know, immutable, made by {@link #builder()}. Config keys (io.config)
 * carry the same names: pool6, eamt, eam-hairpin-mode, rfc6791-pool4, rfc6791-pool6, translator-ipv4-address,
 * translator-ipv6-address, ipv4-mtu, ipv6-mtu, lowest-ipv6-mtu, mtu-plateaus, amend-udp-checksum-zero,
 * traffic-class, tos, icmp-error-hop-limit.
 */
public final class TranslatorConfig
{
    /** {@link #trafficClass()} and {@link #tos()} value meaning "copy from the other header". */
    public static final int COPY = -1;

    private final Rfc6052Prefix pool6;
    private final EamTable eamt;
    private final EamHairpinMode eamHairpinMode;
    private final List<Ipv4Prefix> rfc6791Pool4;
    private final long rfc6791Pool4Size;
    private final Ipv6Prefix rfc6791Pool6;
    private final Integer translatorIpv4Address;
    private final long translatorIpv6High;
    private final long translatorIpv6Low;
    private final boolean hasTranslatorIpv6Address;
    private final int ipv4MtuBytes;
    private final int ipv6MtuBytes;
    private final int lowestIpv6MtuBytes;
    private final MtuPlateaus mtuPlateaus;
    private final boolean amendUdpChecksumZero;
    private final int trafficClass;
    private final int tos;
    private final int icmpErrorHopLimit;

    private TranslatorConfig(final Builder b)
    {
        pool6 = b.pool6;
        eamt = b.eamt;
        eamHairpinMode = b.eamHairpinMode;
        rfc6791Pool4 = List.copyOf(b.rfc6791Pool4);
        long size = 0;
        for (final Ipv4Prefix prefix : rfc6791Pool4)
        {
            size += 1L << (32 - prefix.length());
        }
        rfc6791Pool4Size = size;
        rfc6791Pool6 = b.rfc6791Pool6;
        translatorIpv4Address = b.translatorIpv4Address;
        hasTranslatorIpv6Address = b.hasTranslatorIpv6Address;
        translatorIpv6High = b.translatorIpv6High;
        translatorIpv6Low = b.translatorIpv6Low;
        ipv4MtuBytes = b.ipv4MtuBytes;
        ipv6MtuBytes = b.ipv6MtuBytes;
        lowestIpv6MtuBytes = b.lowestIpv6MtuBytes;
        mtuPlateaus = b.mtuPlateaus;
        amendUdpChecksumZero = b.amendUdpChecksumZero;
        trafficClass = b.trafficClass;
        tos = b.tos;
        icmpErrorHopLimit = b.icmpErrorHopLimit;
    }

    /**
     * @return a builder with the defaults: no pool6, empty EAMT, intrinsic hairpinning, MTUs 1500/1500,
     *     lowest-ipv6-mtu 1280, RFC 1191 plateaus, amend-udp-checksum-zero off, traffic class and TOS copied,
     *     ICMP errors sent with hop limit/TTL 64.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /** @return the RFC 6052 prefix, or null if the translator uses the EAMT only. */
    public Rfc6052Prefix pool6()
    {
        return pool6;
    }

    /** @return the Explicit Address Mapping Table (RFC 7757), maybe empty. */
    public EamTable eamt()
    {
        return eamt;
    }

    /** @return how EAM hairpinning is done (RFC 7757 §4.2). */
    public EamHairpinMode eamHairpinMode()
    {
        return eamHairpinMode;
    }

    /** @return RFC 6791 IPv4 pool for sources of ICMPv6 errors from untranslatable IPv6 routers, maybe empty. */
    public List<Ipv4Prefix> rfc6791Pool4()
    {
        return rfc6791Pool4;
    }

    /**
     * @param index 0..(number of pool addresses - 1).
     * @return that address of the RFC 6791 IPv4 pool, counting through the prefixes in order.
     */
    public int rfc6791Pool4Address(final long index)
    {
        long remaining = index;
        for (int i = 0; i < rfc6791Pool4.size(); i++)
        {
            final Ipv4Prefix prefix = rfc6791Pool4.get(i);
            final long size = 1L << (32 - prefix.length());
            if (remaining < size)
            {
                return prefix.address() + (int)remaining;
            }
            remaining -= size;
        }
        throw new IndexOutOfBoundsException("RFC 6791 pool index " + index);
    }

    /** @return how many addresses the RFC 6791 IPv4 pool holds. */
    public long rfc6791Pool4Size()
    {
        return rfc6791Pool4Size;
    }

    /** @return RFC 6791 IPv6 prefix (length <= 96) for sources of ICMPv4 errors from untranslatable IPv4 routers, or null. */
    public Ipv6Prefix rfc6791Pool6()
    {
        return rfc6791Pool6;
    }

    /** @return true if the translator has an IPv4 address of its own. */
    public boolean hasTranslatorIpv4Address()
    {
        return translatorIpv4Address != null;
    }

    /** @return the translator's IPv4 address: source of the ICMPv4 errors it generates, last RFC 6791 fallback. */
    public int translatorIpv4Address()
    {
        return translatorIpv4Address == null ? 0 : translatorIpv4Address;
    }

    /** @return true if the translator has an IPv6 address of its own. */
    public boolean hasTranslatorIpv6Address()
    {
        return hasTranslatorIpv6Address;
    }

    /** @return high half of the translator's IPv6 address. */
    public long translatorIpv6High()
    {
        return translatorIpv6High;
    }

    /** @return low half of the translator's IPv6 address. */
    public long translatorIpv6Low()
    {
        return translatorIpv6Low;
    }

    /** @return MTU of the IPv4 egress link. */
    public int ipv4MtuBytes()
    {
        return ipv4MtuBytes;
    }

    /** @return MTU of the IPv6 egress link. */
    public int ipv6MtuBytes()
    {
        return ipv6MtuBytes;
    }

    /** @return RFC 7915 §4.1 lowest-ipv6-mtu: IPv4 packets without DF are fragmented to fit it. */
    public int lowestIpv6MtuBytes()
    {
        return lowestIpv6MtuBytes;
    }

    /** @return the MTU plateaus of RFC 1191 for Fragmentation Needed with MTU 0. */
    public MtuPlateaus mtuPlateaus()
    {
        return mtuPlateaus;
    }

    /** @return true to compute a checksum for IPv4 UDP with a zero one (RFC 7915 §4.5 option 2). */
    public boolean amendUdpChecksumZero()
    {
        return amendUdpChecksumZero;
    }

    /** @return IPv6 Traffic Class for 4to6 packets, or {@link #COPY} to copy the IPv4 TOS (RFC 7915 §4.1). */
    public int trafficClass()
    {
        return trafficClass;
    }

    /** @return IPv4 TOS for 6to4 packets, or {@link #COPY} to copy the IPv6 Traffic Class (RFC 7915 §5.1). */
    public int tos()
    {
        return tos;
    }

    /** @return hop limit / TTL of the ICMP errors the translator generates. */
    public int icmpErrorHopLimit()
    {
        return icmpErrorHopLimit;
    }

    /**
     * Collects the settings; {@link #build()} checks them together.
     */
    public static final class Builder
    {
        private Rfc6052Prefix pool6;
        private EamTable eamt = EamTable.EMPTY;
        private EamHairpinMode eamHairpinMode = EamHairpinMode.INTRINSIC;
        private final List<Ipv4Prefix> rfc6791Pool4 = new ArrayList<>();
        private Ipv6Prefix rfc6791Pool6;
        private Integer translatorIpv4Address;
        private boolean hasTranslatorIpv6Address;
        private long translatorIpv6High;
        private long translatorIpv6Low;
        private int ipv4MtuBytes = 1500;
        private int ipv6MtuBytes = 1500;
        private int lowestIpv6MtuBytes = 1280;
        private MtuPlateaus mtuPlateaus = MtuPlateaus.RFC1191;
        private boolean amendUdpChecksumZero;
        private int trafficClass = COPY;
        private int tos = COPY;
        private int icmpErrorHopLimit = 64;

        private Builder()
        {
        }

        /** @param pool6 the RFC 6052 prefix, or null for EAMT only. @return this */
        public Builder pool6(final Rfc6052Prefix pool6)
        {
            this.pool6 = pool6;
            return this;
        }

        /** @param eamt the EAMT. @return this */
        public Builder eamt(final EamTable eamt)
        {
            this.eamt = eamt;
            return this;
        }

        /** @param mode RFC 7757 §4.2 hairpinning. @return this */
        public Builder eamHairpinMode(final EamHairpinMode mode)
        {
            this.eamHairpinMode = mode;
            return this;
        }

        /** @param prefix one more RFC 6791 IPv4 pool prefix. @return this */
        public Builder addRfc6791Pool4(final Ipv4Prefix prefix)
        {
            rfc6791Pool4.add(prefix);
            return this;
        }

        /** @param prefix the RFC 6791 IPv6 prefix (length <= 96), or null. @return this */
        public Builder rfc6791Pool6(final Ipv6Prefix prefix)
        {
            this.rfc6791Pool6 = prefix;
            return this;
        }

        /** @param address the translator's own IPv4 address. @return this */
        public Builder translatorIpv4Address(final int address)
        {
            this.translatorIpv4Address = address;
            return this;
        }

        /** @param high high half of the translator's IPv6 address. @param low low half. @return this */
        public Builder translatorIpv6Address(final long high, final long low)
        {
            hasTranslatorIpv6Address = true;
            translatorIpv6High = high;
            translatorIpv6Low = low;
            return this;
        }

        /** @param bytes IPv4 egress MTU, 68..65535. @return this */
        public Builder ipv4MtuBytes(final int bytes)
        {
            this.ipv4MtuBytes = bytes;
            return this;
        }

        /** @param bytes IPv6 egress MTU, 1280..65535. @return this */
        public Builder ipv6MtuBytes(final int bytes)
        {
            this.ipv6MtuBytes = bytes;
            return this;
        }

        /** @param bytes lowest-ipv6-mtu, 1280..65535. @return this */
        public Builder lowestIpv6MtuBytes(final int bytes)
        {
            this.lowestIpv6MtuBytes = bytes;
            return this;
        }

        /** @param plateaus RFC 1191 plateaus. @return this */
        public Builder mtuPlateaus(final MtuPlateaus plateaus)
        {
            this.mtuPlateaus = plateaus;
            return this;
        }

        /** @param amend compute checksums of zero-checksum IPv4 UDP. @return this */
        public Builder amendUdpChecksumZero(final boolean amend)
        {
            this.amendUdpChecksumZero = amend;
            return this;
        }

        /** @param value 0..255, or {@link #COPY}. @return this */
        public Builder trafficClass(final int value)
        {
            this.trafficClass = value;
            return this;
        }

        /** @param value 0..255, or {@link #COPY}. @return this */
        public Builder tos(final int value)
        {
            this.tos = value;
            return this;
        }

        /** @param hopLimit 1..255. @return this */
        public Builder icmpErrorHopLimit(final int hopLimit)
        {
            this.icmpErrorHopLimit = hopLimit;
            return this;
        }

        /**
         * @return the configuration.
         * @throws IllegalArgumentException naming the setting, its value and what was expected.
         */
        public TranslatorConfig build()
        {
            if (pool6 == null && eamt.isEmpty())
            {
                throw new IllegalArgumentException("neither pool6 nor an EAMT entry is configured: nothing would translate");
            }
            check("ipv4-mtu", ipv4MtuBytes, 68, 65535);
            check("ipv6-mtu", ipv6MtuBytes, 1280, 65535);
            check("lowest-ipv6-mtu", lowestIpv6MtuBytes, 1280, 65535);
            check("icmp-error-hop-limit", icmpErrorHopLimit, 1, 255);
            if (trafficClass != COPY)
            {
                check("traffic-class", trafficClass, 0, 255);
            }
            if (tos != COPY)
            {
                check("tos", tos, 0, 255);
            }
            if (rfc6791Pool6 != null && rfc6791Pool6.length() > 96)
            {
                throw new IllegalArgumentException("rfc6791-pool6 " + rfc6791Pool6 +
                    " is longer than /96: the IPv4 router address is placed in its last 32 bits");
            }
            return new TranslatorConfig(this);
        }

        private static void check(final String key, final int value, final int min, final int max)
        {
            if (value < min || value > max)
            {
                throw new IllegalArgumentException(key + " " + value + " is not in " + min + ".." + max);
            }
        }
    }
}
