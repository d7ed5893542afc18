package dev.xlat64.io.afpacket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.xlat64.io.lab.Requirements;

import static dev.xlat64.io.afpacket.TpacketLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/** Compares the Java offsets with offsetof/sizeof printed by a C program compiled against the kernel headers. */
class TpacketLayoutTest
{
    private static final String PROGRAM = """
        #include <stdio.h>
        #include <stddef.h>
        #include <poll.h>
        #include <net/if.h>
        #include <sys/ioctl.h>
        #include <sys/socket.h>
        #include <linux/if_packet.h>
        #include <linux/sockios.h>
        #define P(name, value) printf("%s=%ld\\n", name, (long)(value))
        int main(void) {
          P("sockaddr_ll.sll_family", offsetof(struct sockaddr_ll, sll_family));
          P("sockaddr_ll.sll_protocol", offsetof(struct sockaddr_ll, sll_protocol));
          P("sockaddr_ll.sll_ifindex", offsetof(struct sockaddr_ll, sll_ifindex));
          P("sockaddr_ll.sll_hatype", offsetof(struct sockaddr_ll, sll_hatype));
          P("sockaddr_ll.sll_pkttype", offsetof(struct sockaddr_ll, sll_pkttype));
          P("sockaddr_ll.sll_halen", offsetof(struct sockaddr_ll, sll_halen));
          P("sockaddr_ll.sll_addr", offsetof(struct sockaddr_ll, sll_addr));
          P("sizeof(sockaddr_ll)", sizeof(struct sockaddr_ll));
          P("tpacket_req3.tp_block_size", offsetof(struct tpacket_req3, tp_block_size));
          P("tpacket_req3.tp_block_nr", offsetof(struct tpacket_req3, tp_block_nr));
          P("tpacket_req3.tp_frame_size", offsetof(struct tpacket_req3, tp_frame_size));
          P("tpacket_req3.tp_frame_nr", offsetof(struct tpacket_req3, tp_frame_nr));
          P("tpacket_req3.tp_retire_blk_tov", offsetof(struct tpacket_req3, tp_retire_blk_tov));
          P("tpacket_req3.tp_sizeof_priv", offsetof(struct tpacket_req3, tp_sizeof_priv));
          P("tpacket_req3.tp_feature_req_word", offsetof(struct tpacket_req3, tp_feature_req_word));
          P("sizeof(tpacket_req3)", sizeof(struct tpacket_req3));
          P("block.version", offsetof(struct tpacket_block_desc, version));
          P("block.offset_to_priv", offsetof(struct tpacket_block_desc, offset_to_priv));
          P("block.block_status", offsetof(struct tpacket_block_desc, hdr.bh1.block_status));
          P("block.num_pkts", offsetof(struct tpacket_block_desc, hdr.bh1.num_pkts));
          P("block.offset_to_first_pkt", offsetof(struct tpacket_block_desc, hdr.bh1.offset_to_first_pkt));
          P("block.blk_len", offsetof(struct tpacket_block_desc, hdr.bh1.blk_len));
          P("block.seq_num", offsetof(struct tpacket_block_desc, hdr.bh1.seq_num));
          P("sizeof(tpacket_block_desc)", sizeof(struct tpacket_block_desc));
          P("tpacket3_hdr.tp_next_offset", offsetof(struct tpacket3_hdr, tp_next_offset));
          P("tpacket3_hdr.tp_sec", offsetof(struct tpacket3_hdr, tp_sec));
          P("tpacket3_hdr.tp_nsec", offsetof(struct tpacket3_hdr, tp_nsec));
          P("tpacket3_hdr.tp_snaplen", offsetof(struct tpacket3_hdr, tp_snaplen));
          P("tpacket3_hdr.tp_len", offsetof(struct tpacket3_hdr, tp_len));
          P("tpacket3_hdr.tp_status", offsetof(struct tpacket3_hdr, tp_status));
          P("tpacket3_hdr.tp_mac", offsetof(struct tpacket3_hdr, tp_mac));
          P("tpacket3_hdr.tp_net", offsetof(struct tpacket3_hdr, tp_net));
          P("sizeof(tpacket3_hdr)", sizeof(struct tpacket3_hdr));
          P("TPACKET_ALIGN(sizeof(tpacket3_hdr))", TPACKET_ALIGN(sizeof(struct tpacket3_hdr)));
          P("TPACKET_ALIGNMENT", TPACKET_ALIGNMENT);
          P("tpacket2_hdr.tp_status", offsetof(struct tpacket2_hdr, tp_status));
          P("tpacket2_hdr.tp_len", offsetof(struct tpacket2_hdr, tp_len));
          P("tpacket2_hdr.tp_snaplen", offsetof(struct tpacket2_hdr, tp_snaplen));
          P("tpacket2_hdr.tp_mac", offsetof(struct tpacket2_hdr, tp_mac));
          P("tpacket2_hdr.tp_net", offsetof(struct tpacket2_hdr, tp_net));
          P("sizeof(tpacket2_hdr)", sizeof(struct tpacket2_hdr));
          P("TPACKET_ALIGN(sizeof(tpacket2_hdr))", TPACKET_ALIGN(sizeof(struct tpacket2_hdr)));
          P("TPACKET_V2", TPACKET_V2);
          P("tpacket_stats.tp_drops", offsetof(struct tpacket_stats, tp_drops));
          P("tpacket_stats_v3.tp_drops", offsetof(struct tpacket_stats_v3, tp_drops));
          P("tpacket_stats_v3.tp_freeze_q_cnt", offsetof(struct tpacket_stats_v3, tp_freeze_q_cnt));
          P("sizeof(tpacket_stats_v3)", sizeof(struct tpacket_stats_v3));
          P("packet_mreq.mr_ifindex", offsetof(struct packet_mreq, mr_ifindex));
          P("packet_mreq.mr_type", offsetof(struct packet_mreq, mr_type));
          P("packet_mreq.mr_alen", offsetof(struct packet_mreq, mr_alen));
          P("packet_mreq.mr_address", offsetof(struct packet_mreq, mr_address));
          P("sizeof(packet_mreq)", sizeof(struct packet_mreq));
          P("ifreq.ifr_name", offsetof(struct ifreq, ifr_name));
          P("ifreq.ifr_mtu", offsetof(struct ifreq, ifr_mtu));
          P("ifreq.ifr_ifindex", offsetof(struct ifreq, ifr_ifindex));
          P("ifreq.ifr_hwaddr.sa_data", offsetof(struct ifreq, ifr_hwaddr.sa_data));
          P("sizeof(ifreq)", sizeof(struct ifreq));
          P("pollfd.fd", offsetof(struct pollfd, fd));
          P("pollfd.events", offsetof(struct pollfd, events));
          P("pollfd.revents", offsetof(struct pollfd, revents));
          P("sizeof(pollfd)", sizeof(struct pollfd));
          P("TP_STATUS_USER", TP_STATUS_USER);
          P("TP_STATUS_COPY", TP_STATUS_COPY);
          P("TP_STATUS_LOSING", TP_STATUS_LOSING);
          P("TP_STATUS_CSUMNOTREADY", TP_STATUS_CSUMNOTREADY);
          P("TP_STATUS_CSUM_VALID", TP_STATUS_CSUM_VALID);
          P("TP_STATUS_SEND_REQUEST", TP_STATUS_SEND_REQUEST);
          P("TP_STATUS_SENDING", TP_STATUS_SENDING);
          P("TP_STATUS_WRONG_FORMAT", TP_STATUS_WRONG_FORMAT);
          P("PACKET_RX_RING", PACKET_RX_RING);
          P("PACKET_TX_RING", PACKET_TX_RING);
          P("PACKET_VERSION", PACKET_VERSION);
          P("PACKET_RESERVE", PACKET_RESERVE);
          P("PACKET_LOSS", PACKET_LOSS);
          P("PACKET_STATISTICS", PACKET_STATISTICS);
          P("PACKET_QDISC_BYPASS", PACKET_QDISC_BYPASS);
          P("PACKET_IGNORE_OUTGOING", PACKET_IGNORE_OUTGOING);
          P("PACKET_ADD_MEMBERSHIP", PACKET_ADD_MEMBERSHIP);
          P("PACKET_MR_PROMISC", PACKET_MR_PROMISC);
          P("TPACKET_V3", TPACKET_V3);
          P("SOL_PACKET", SOL_PACKET);
          P("AF_PACKET", AF_PACKET);
          P("SIOCGIFINDEX", SIOCGIFINDEX);
          P("SIOCGIFMTU", SIOCGIFMTU);
          P("SIOCGIFHWADDR", SIOCGIFHWADDR);
          P("MSG_DONTWAIT", MSG_DONTWAIT);
          return 0;
        }
        """;

    @Test
    void shouldMatchKernelHeadersAsCompiledByGcc(@TempDir final Path dir) throws Exception
    {
        final Path source = dir.resolve("layout.c");
        Files.writeString(source, PROGRAM);
        final Path binary = dir.resolve("layout");
        final String compiled = run(dir, "gcc", "-O0", "-o", binary.toString(), source.toString());
        Requirements.require(null != compiled, "gcc is not installed: layout checked by the hand-written table only");
        final Map<String, Long> actual = new LinkedHashMap<>();
        for (final String line : run(dir, binary.toString()).split("\n"))
        {
            final int eq = line.indexOf('=');
            actual.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        final Map<String, Long> expected = expectedLayout();
        assertEquals(expected.keySet(), actual.keySet());
        for (final Map.Entry<String, Long> entry : expected.entrySet())
        {
            assertEquals(entry.getValue(), actual.get(entry.getKey()), entry.getKey());
        }
    }

    @Test
    void shouldAlignToSixteen()
    {
        assertEquals(48, align(48));
        assertEquals(96, align(84));
        assertEquals(16, align(1));
        assertEquals(0, align(0));
    }

    private static Map<String, Long> expectedLayout()
    {
        final Map<String, Long> m = new LinkedHashMap<>();
        m.put("sockaddr_ll.sll_family", (long)SOCKADDR_LL_FAMILY_OFFSET);
        m.put("sockaddr_ll.sll_protocol", (long)SOCKADDR_LL_PROTOCOL_OFFSET);
        m.put("sockaddr_ll.sll_ifindex", (long)SOCKADDR_LL_IFINDEX_OFFSET);
        m.put("sockaddr_ll.sll_hatype", (long)SOCKADDR_LL_HATYPE_OFFSET);
        m.put("sockaddr_ll.sll_pkttype", (long)SOCKADDR_LL_PKTTYPE_OFFSET);
        m.put("sockaddr_ll.sll_halen", (long)SOCKADDR_LL_HALEN_OFFSET);
        m.put("sockaddr_ll.sll_addr", (long)SOCKADDR_LL_ADDR_OFFSET);
        m.put("sizeof(sockaddr_ll)", (long)SOCKADDR_LL_LENGTH);
        m.put("tpacket_req3.tp_block_size", (long)REQ3_BLOCK_SIZE_OFFSET);
        m.put("tpacket_req3.tp_block_nr", (long)REQ3_BLOCK_NR_OFFSET);
        m.put("tpacket_req3.tp_frame_size", (long)REQ3_FRAME_SIZE_OFFSET);
        m.put("tpacket_req3.tp_frame_nr", (long)REQ3_FRAME_NR_OFFSET);
        m.put("tpacket_req3.tp_retire_blk_tov", (long)REQ3_RETIRE_BLK_TOV_OFFSET);
        m.put("tpacket_req3.tp_sizeof_priv", (long)REQ3_SIZEOF_PRIV_OFFSET);
        m.put("tpacket_req3.tp_feature_req_word", (long)REQ3_FEATURE_REQ_WORD_OFFSET);
        m.put("sizeof(tpacket_req3)", (long)REQ3_LENGTH);
        m.put("block.version", (long)BLOCK_VERSION_OFFSET);
        m.put("block.offset_to_priv", (long)BLOCK_OFFSET_TO_PRIV_OFFSET);
        m.put("block.block_status", (long)BLOCK_STATUS_OFFSET);
        m.put("block.num_pkts", (long)BLOCK_NUM_PKTS_OFFSET);
        m.put("block.offset_to_first_pkt", (long)BLOCK_OFFSET_TO_FIRST_PKT_OFFSET);
        m.put("block.blk_len", (long)BLOCK_BLK_LEN_OFFSET);
        m.put("block.seq_num", (long)BLOCK_SEQ_NUM_OFFSET);
        m.put("sizeof(tpacket_block_desc)", (long)BLOCK_DESC_LENGTH);
        m.put("tpacket3_hdr.tp_next_offset", (long)TP3_NEXT_OFFSET_OFFSET);
        m.put("tpacket3_hdr.tp_sec", (long)TP3_SEC_OFFSET);
        m.put("tpacket3_hdr.tp_nsec", (long)TP3_NSEC_OFFSET);
        m.put("tpacket3_hdr.tp_snaplen", (long)TP3_SNAPLEN_OFFSET);
        m.put("tpacket3_hdr.tp_len", (long)TP3_LEN_OFFSET);
        m.put("tpacket3_hdr.tp_status", (long)TP3_STATUS_OFFSET);
        m.put("tpacket3_hdr.tp_mac", (long)TP3_MAC_OFFSET);
        m.put("tpacket3_hdr.tp_net", (long)TP3_NET_OFFSET);
        m.put("sizeof(tpacket3_hdr)", (long)TP3_HDR_LENGTH);
        m.put("TPACKET_ALIGN(sizeof(tpacket3_hdr))", (long)TPACKET3_DATA_OFFSET);
        m.put("TPACKET_ALIGNMENT", (long)TPACKET_ALIGNMENT);
        m.put("tpacket2_hdr.tp_status", (long)TP2_STATUS_OFFSET);
        m.put("tpacket2_hdr.tp_len", (long)TP2_LEN_OFFSET);
        m.put("tpacket2_hdr.tp_snaplen", (long)TP2_SNAPLEN_OFFSET);
        m.put("tpacket2_hdr.tp_mac", (long)TP2_MAC_OFFSET);
        m.put("tpacket2_hdr.tp_net", (long)TP2_NET_OFFSET);
        m.put("sizeof(tpacket2_hdr)", (long)TP2_HDR_LENGTH);
        m.put("TPACKET_ALIGN(sizeof(tpacket2_hdr))", (long)TPACKET2_DATA_OFFSET);
        m.put("TPACKET_V2", (long)LibC.TPACKET_V2);
        m.put("tpacket_stats.tp_drops", (long)STATS_V3_DROPS_OFFSET);
        m.put("tpacket_stats_v3.tp_drops", (long)STATS_V3_DROPS_OFFSET);
        m.put("tpacket_stats_v3.tp_freeze_q_cnt", (long)STATS_V3_FREEZE_Q_CNT_OFFSET);
        m.put("sizeof(tpacket_stats_v3)", (long)STATS_V3_LENGTH);
        m.put("packet_mreq.mr_ifindex", (long)MREQ_IFINDEX_OFFSET);
        m.put("packet_mreq.mr_type", (long)MREQ_TYPE_OFFSET);
        m.put("packet_mreq.mr_alen", (long)MREQ_ALEN_OFFSET);
        m.put("packet_mreq.mr_address", (long)MREQ_ADDRESS_OFFSET);
        m.put("sizeof(packet_mreq)", (long)MREQ_LENGTH);
        m.put("ifreq.ifr_name", (long)IFREQ_NAME_OFFSET);
        m.put("ifreq.ifr_mtu", (long)IFREQ_UNION_OFFSET);
        m.put("ifreq.ifr_ifindex", (long)IFREQ_UNION_OFFSET);
        m.put("ifreq.ifr_hwaddr.sa_data", (long)IFREQ_HWADDR_DATA_OFFSET);
        m.put("sizeof(ifreq)", (long)IFREQ_LENGTH);
        m.put("pollfd.fd", (long)POLLFD_FD_OFFSET);
        m.put("pollfd.events", (long)POLLFD_EVENTS_OFFSET);
        m.put("pollfd.revents", (long)POLLFD_REVENTS_OFFSET);
        m.put("sizeof(pollfd)", (long)POLLFD_LENGTH);
        m.put("TP_STATUS_USER", (long)TP_STATUS_USER);
        m.put("TP_STATUS_COPY", (long)TP_STATUS_COPY);
        m.put("TP_STATUS_LOSING", (long)TP_STATUS_LOSING);
        m.put("TP_STATUS_CSUMNOTREADY", (long)TP_STATUS_CSUMNOTREADY);
        m.put("TP_STATUS_CSUM_VALID", (long)TP_STATUS_CSUM_VALID);
        m.put("TP_STATUS_SEND_REQUEST", (long)TP_STATUS_SEND_REQUEST);
        m.put("TP_STATUS_SENDING", (long)TP_STATUS_SENDING);
        m.put("TP_STATUS_WRONG_FORMAT", (long)TP_STATUS_WRONG_FORMAT);
        m.put("PACKET_RX_RING", (long)LibC.PACKET_RX_RING);
        m.put("PACKET_TX_RING", (long)LibC.PACKET_TX_RING);
        m.put("PACKET_VERSION", (long)LibC.PACKET_VERSION);
        m.put("PACKET_RESERVE", (long)LibC.PACKET_RESERVE);
        m.put("PACKET_LOSS", (long)LibC.PACKET_LOSS);
        m.put("PACKET_STATISTICS", (long)LibC.PACKET_STATISTICS);
        m.put("PACKET_QDISC_BYPASS", (long)LibC.PACKET_QDISC_BYPASS);
        m.put("PACKET_IGNORE_OUTGOING", (long)LibC.PACKET_IGNORE_OUTGOING);
        m.put("PACKET_ADD_MEMBERSHIP", (long)LibC.PACKET_ADD_MEMBERSHIP);
        m.put("PACKET_MR_PROMISC", (long)LibC.PACKET_MR_PROMISC);
        m.put("TPACKET_V3", (long)LibC.TPACKET_V3);
        m.put("SOL_PACKET", (long)LibC.SOL_PACKET);
        m.put("AF_PACKET", (long)LibC.AF_PACKET);
        m.put("SIOCGIFINDEX", LibC.SIOCGIFINDEX);
        m.put("SIOCGIFMTU", LibC.SIOCGIFMTU);
        m.put("SIOCGIFHWADDR", LibC.SIOCGIFHWADDR);
        m.put("MSG_DONTWAIT", (long)LibC.MSG_DONTWAIT);
        return m;
    }

    /** Output of the command, or null when it can't be started (gcc missing); fails on a non-zero exit. */
    private static String run(final Path dir, final String... command) throws IOException, InterruptedException
    {
        final Process process;
        try
        {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            return null;
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }
}
