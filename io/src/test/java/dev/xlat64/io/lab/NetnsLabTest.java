package dev.xlat64.io.lab;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.*;

class NetnsLabTest
{
    private static NetnsLab lab;

    @BeforeAll
    static void buildLab() throws IOException
    {
        Requirements.requireLab();
        lab = NetnsLab.builder().serverLinkMtu(1400).extraAddress(NetnsLab.Role.SERVER, "198.51.100.20/24").create();
    }

    @AfterAll
    static void removeLab()
    {
        if (null != lab)
        {
            lab.close();
        }
    }

    @Test
    void shouldPingGatewayFromClientOverIpv6() throws IOException
    {
        final ExecResult ping = lab.exec(NetnsLab.Role.CLIENT, "ping", "-6", "-c", "2", "-i", "0.2", "-W", "2",
            NetnsLab.GATEWAY_IPV6);
        assertTrue(ping.ok(), ping.output());
        assertTrue(ping.output().contains("2 received"), ping.output());
    }

    @Test
    void shouldPingGatewayFromServerOverIpv4() throws IOException
    {
        final ExecResult ping = lab.exec(NetnsLab.Role.SERVER, "ping", "-4", "-c", "2", "-i", "0.2", "-W", "2",
            NetnsLab.GATEWAY_IPV4);
        assertTrue(ping.ok(), ping.output());
        assertTrue(ping.output().contains("2 received"), ping.output());
    }

    @Test
    void shouldReachExtraServerAddressFromGateway() throws IOException
    {
        final ExecResult ping = lab.exec(NetnsLab.Role.GATEWAY, "ping", "-4", "-c", "1", "-W", "2", "198.51.100.20");
        assertTrue(ping.ok(), ping.output());
    }

    @Test
    void shouldRouteOnlyThePrefixesAndNoDefault() throws IOException
    {
        final String client = lab.exec(NetnsLab.Role.CLIENT, "ip", "-6", "route", "show").output();
        assertTrue(client.contains("2001:db8:64::/96 via 2001:db8:1::1"), client);
        assertFalse(client.contains("default"), client);
        assertEquals("", lab.exec(NetnsLab.Role.CLIENT, "ip", "-4", "addr", "show", "scope", "global").output().strip());

        final String server = lab.exec(NetnsLab.Role.SERVER, "ip", "-4", "route", "show").output();
        assertTrue(server.contains("203.0.113.0/24 via 198.51.100.1"), server);
        assertFalse(server.contains("default"), server);

        final String gateway6 = lab.exec(NetnsLab.Role.GATEWAY, "ip", "-6", "route", "show").output();
        assertTrue(gateway6.contains("blackhole 2001:db8:64::/96"), gateway6);
        final String gateway4 = lab.exec(NetnsLab.Role.GATEWAY, "ip", "-4", "route", "show").output();
        assertTrue(gateway4.contains("blackhole 203.0.113.0/24"), gateway4);
        assertFalse(gateway4.contains("default") || gateway6.contains("default"), gateway4 + gateway6);
    }

    @Test
    void shouldTurnForwardingAndRpFilterOffInGateway() throws IOException
    {
        assertEquals("0", sysctl(NetnsLab.Role.GATEWAY, "net.ipv4.ip_forward"));
        assertEquals("0", sysctl(NetnsLab.Role.GATEWAY, "net.ipv6.conf.all.forwarding"));
        assertEquals("0", sysctl(NetnsLab.Role.GATEWAY, "net.ipv4.conf.all.rp_filter"));
        assertEquals("0", sysctl(NetnsLab.Role.GATEWAY, "net.ipv4.conf." + lab.gatewayIpv4Interface() + ".rp_filter"));
        assertEquals("1", sysctl(NetnsLab.Role.SERVER, "net.ipv6.conf.all.disable_ipv6"));
    }

    @Test
    void shouldTurnOffloadsOffOnEveryEnd() throws IOException
    {
        assertOffloadsOff(NetnsLab.Role.CLIENT, lab.clientInterface());
        assertOffloadsOff(NetnsLab.Role.GATEWAY, lab.gatewayIpv6Interface());
        assertOffloadsOff(NetnsLab.Role.GATEWAY, lab.gatewayIpv4Interface());
        assertOffloadsOff(NetnsLab.Role.SERVER, lab.serverInterface());
    }

    @Test
    void shouldSetServerLinkMtu() throws IOException
    {
        final String link = lab.exec(NetnsLab.Role.SERVER, "ip", "link", "show", lab.serverInterface()).output();
        assertTrue(link.contains("mtu 1400"), link);
        final String gw = lab.exec(NetnsLab.Role.GATEWAY, "ip", "link", "show", lab.gatewayIpv6Interface()).output();
        assertTrue(gw.contains("mtu 1500"), gw);
    }

    @Test
    void shouldKeepVethNamesWithinFifteenCharacters()
    {
        for (final String name : new String[] {lab.clientInterface(), lab.gatewayIpv6Interface(),
            lab.gatewayIpv4Interface(), lab.serverInterface()})
        {
            assertTrue(name.length() <= 15, name);
        }
    }

    @Test
    void shouldRemoveEverythingOnCloseAndAllowCloseTwice() throws IOException
    {
        final NetnsLab second = NetnsLab.create();
        final String ns = second.namespace(NetnsLab.Role.GATEWAY);
        assertNotEquals(lab.namespace(NetnsLab.Role.GATEWAY), ns);
        assertTrue(Commands.run(10_000, "ip", "netns", "list").output().contains(ns));
        second.close();
        second.close();
        final String remaining = Commands.run(10_000, "ip", "netns", "list").output();
        for (final NetnsLab.Role role : NetnsLab.Role.values())
        {
            assertFalse(remaining.contains(second.namespace(role)), remaining);
        }
    }

    @Test
    void shouldRemoveWhatItBuiltWhenCreateFails() throws IOException
    {
        // Passes the shape check but `ip` refuses it, after the namespaces and links exist.
        final IOException failure = assertThrows(IOException.class,
            () -> NetnsLab.builder().extraAddress(NetnsLab.Role.SERVER, "198.51.100.300/24").create());
        final java.util.regex.Matcher id = java.util.regex.Pattern.compile("xlat64-server-([0-9a-z]+)")
            .matcher(failure.getMessage());
        assertTrue(id.find(), failure.getMessage());
        assertTrue(failure.getMessage().contains("198.51.100.300/24"), failure.getMessage());
        final String remaining = Commands.run(10_000, "ip", "netns", "list").output();
        for (final String role : new String[] {"client", "gateway", "server"})
        {
            assertFalse(remaining.contains("xlat64-" + role + "-" + id.group(1)), remaining);
        }
    }

    @Test
    void shouldRejectBadConfigurationWithKeyAndValue()
    {
        final IllegalArgumentException mtu = assertThrows(IllegalArgumentException.class,
            () -> NetnsLab.builder().serverLinkMtu(100));
        assertEquals("serverLinkMtu 100: expected 576 to 9000", mtu.getMessage());
        final IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
            () -> NetnsLab.builder().pool4("203.0.113.0"));
        assertEquals("pool4 '203.0.113.0': expected an IPv4 address/length such as 203.0.113.0/24", pool.getMessage());
    }

    private static String sysctl(final NetnsLab.Role role, final String key) throws IOException
    {
        return lab.exec(role, "sysctl", "-n", key).output().strip();
    }

    private static void assertOffloadsOff(final NetnsLab.Role role, final String device) throws IOException
    {
        final String features = lab.exec(role, "ethtool", "-k", device).output();
        for (final String feature : new String[] {"rx-checksumming: off", "tx-checksumming: off",
            "scatter-gather: off", "tcp-segmentation-offload: off", "generic-segmentation-offload: off",
            "generic-receive-offload: off"})
        {
            assertTrue(features.contains(feature), device + " " + feature + "\n" + features);
        }
    }
}
