package dev.xlat64.core.rfc7915;

import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.core.rfc7757.EamHairpinMode;
import dev.xlat64.core.rfc7757.EamTable;

/**
 * Stateless address mapping (SIIT): the EAMT first (RFC 7757 §3.2, §3.3), then pool6 (RFC 6052 §2.2 with the
 * §3.1 rule for the Well-Known Prefix), and for the source of an ICMP error from a router whose address does not
 * translate, an RFC 6791 pool and last the translator's own address.
 * <p>
 * RFC 6791 choice: the address is picked by a hash of the router's own address, so that one router always
 * shows as the same address (traceroute stays readable) and different routers usually differ. An IPv6 RFC 6791
 * prefix gets the IPv4 router address in its last 32 bits.
 */
public final class SiitAddressMapper implements AddressMapper
{
    private final Rfc6052Prefix pool6;
    private final EamTable eamt;
    private final EamHairpinMode hairpinMode;
    private final TranslatorConfig config;
    private final Ipv6Prefix rfc6791Pool6;

    /**
     * @param config pool6, EAMT, hairpin mode, RFC 6791 pools, translator addresses.
     */
    public SiitAddressMapper(final TranslatorConfig config)
    {
        this.config = config;
        this.pool6 = config.pool6();
        this.eamt = config.eamt();
        this.hairpinMode = config.eamHairpinMode();
        this.rfc6791Pool6 = config.rfc6791Pool6();
    }

    @Override
    public DropReason map6to4(final MappedAddresses a)
    {
        int index = eamt.lookup6(a.source6High, a.source6Low);
        if (index >= 0)
        {
            a.source4 = eamt.translate6to4(index, a.source6Low);
        }
        else if (pool6 != null && pool6.isValidEmbedded(a.source6High, a.source6Low))
        {
            final int ipv4 = pool6.extract(a.source6High, a.source6Low);
            if (!pool6.permits(ipv4))
            {
                if (!a.icmpError)
                {
                    return DropReason.NON_GLOBAL_UNDER_WKP;
                }
                if (!rfc6791Source4(a))
                {
                    return DropReason.UNTRANSLATABLE_SOURCE_6TO4;
                }
            }
            else
            {
                a.source4 = ipv4;
            }
        }
        else if (!a.icmpError || !rfc6791Source4(a))
        {
            return DropReason.UNTRANSLATABLE_SOURCE_6TO4;
        }

        final DropReason destination = destination6to4(a);
        if (destination != null)
        {
            return destination;
        }
        // RFC 7757 §4.2.2: an IPv4 destination in the EAMT stands for an IPv6 node: the packet goes back to IPv6.
        a.hairpin = hairpinMode == EamHairpinMode.INTRINSIC && !eamt.isEmpty() && eamt.lookup4(a.destination4) >= 0;
        return null;
    }

    @Override
    public DropReason mapInner6to4(final MappedAddresses a)
    {
        final int index = eamt.lookup6(a.source6High, a.source6Low);
        if (index >= 0)
        {
            a.source4 = eamt.translate6to4(index, a.source6Low);
        }
        else if (pool6 != null && pool6.isValidEmbedded(a.source6High, a.source6Low))
        {
            a.source4 = pool6.extract(a.source6High, a.source6Low);
            if (!pool6.permits(a.source4))
            {
                return DropReason.NON_GLOBAL_UNDER_WKP;
            }
        }
        else
        {
            return DropReason.UNTRANSLATABLE_SOURCE_6TO4;
        }
        return destination6to4(a);
    }

    private DropReason destination6to4(final MappedAddresses a)
    {
        final int index = eamt.lookup6(a.destination6High, a.destination6Low);
        if (index >= 0)
        {
            a.destination4 = eamt.translate6to4(index, a.destination6Low);
            return null;
        }
        if (pool6 != null && pool6.isValidEmbedded(a.destination6High, a.destination6Low))
        {
            a.destination4 = pool6.extract(a.destination6High, a.destination6Low);
            return pool6.permits(a.destination4) ? null : DropReason.NON_GLOBAL_UNDER_WKP;
        }
        return DropReason.UNTRANSLATABLE_DESTINATION_6TO4;
    }

    private boolean rfc6791Source4(final MappedAddresses a)
    {
        final long size = config.rfc6791Pool4Size();
        if (size > 0)
        {
            final long hash = mix(a.source6High ^ Long.rotateLeft(a.source6Low, 29));
            a.source4 = config.rfc6791Pool4Address(Long.remainderUnsigned(hash, size));
        }
        else if (config.hasTranslatorIpv4Address())
        {
            a.source4 = config.translatorIpv4Address();
        }
        else
        {
            return false;
        }
        a.rfc6791Source = true;
        return true;
    }

    @Override
    public DropReason map4to6(final MappedAddresses a)
    {
        final DropReason destination = destination4to6(a);
        if (destination != null)
        {
            return destination;
        }

        // RFC 7757 §4.2: a hairpinned packet's source (an EAM address: it came from the IPv6 side) is
        // translated by pool6, so that the receiver's replies come back through the translator.
        final int index = a.hairpinPass ? -1 : eamt.lookup4(a.source4);
        if (index >= 0 && hairpinMode != EamHairpinMode.SIMPLE)
        {
            a.source6High = eamt.translate4to6High(index);
            a.source6Low = eamt.translate4to6Low(index, a.source4);
            return null;
        }
        if (pool6 != null && pool6.permits(a.source4))
        {
            a.source6High = pool6.embedHigh(a.source4);
            a.source6Low = pool6.embedLow(a.source4);
            return null;
        }
        if (a.icmpError)
        {
            // RFC 6791 / RFC 7915 §4.1: the "illegal" source of an ICMPv4 error is translated for troubleshooting.
            if (rfc6791Pool6 != null)
            {
                a.source6High = rfc6791Pool6.high();
                a.source6Low = rfc6791Pool6.low() | (a.source4 & 0xFFFF_FFFFL);
                a.rfc6791Source = true;
                return null;
            }
            if (config.hasTranslatorIpv6Address())
            {
                a.source6High = config.translatorIpv6High();
                a.source6Low = config.translatorIpv6Low();
                a.rfc6791Source = true;
                return null;
            }
        }
        return pool6 == null ? DropReason.UNTRANSLATABLE_SOURCE_4TO6 : DropReason.NON_GLOBAL_UNDER_WKP;
    }

    @Override
    public DropReason mapInner4to6(final MappedAddresses a)
    {
        final DropReason destination = destination4to6(a);
        if (destination != null)
        {
            return destination;
        }
        final int index = eamt.lookup4(a.source4);
        if (index >= 0)
        {
            a.source6High = eamt.translate4to6High(index);
            a.source6Low = eamt.translate4to6Low(index, a.source4);
            return null;
        }
        if (pool6 == null)
        {
            return DropReason.UNTRANSLATABLE_SOURCE_4TO6;
        }
        if (!pool6.permits(a.source4))
        {
            return DropReason.NON_GLOBAL_UNDER_WKP;
        }
        a.source6High = pool6.embedHigh(a.source4);
        a.source6Low = pool6.embedLow(a.source4);
        return null;
    }

    private DropReason destination4to6(final MappedAddresses a)
    {
        final int index = eamt.lookup4(a.destination4);
        if (index >= 0)
        {
            a.destination6High = eamt.translate4to6High(index);
            a.destination6Low = eamt.translate4to6Low(index, a.destination4);
            return null;
        }
        if (pool6 == null)
        {
            return DropReason.UNTRANSLATABLE_DESTINATION_4TO6;
        }
        if (!pool6.permits(a.destination4))
        {
            return DropReason.NON_GLOBAL_UNDER_WKP;
        }
        a.destination6High = pool6.embedHigh(a.destination4);
        a.destination6Low = pool6.embedLow(a.destination4);
        return null;
    }

    private static long mix(final long value)
    {
        // SplitMix64 finaliser: spreads router addresses over the pool.
        long z = value + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
