package dev.xlat64.io.afpacket;

/**
 * Offsets and sizes of the kernel structures the AF_PACKET facade reads and writes, from
 * {@code <linux/if_packet.h>} and {@code <net/if.h>} on x86_64 and aarch64 (LP64, natural alignment).
 * {@code TpacketLayoutTest} compiles a C program that prints {@code offsetof}/{@code sizeof} and compares.
 *
 * <pre>
 * struct sockaddr_ll {                       struct tpacket_req3 {
 *     unsigned short sll_family;    //  0        unsigned int tp_block_size;       //  0
 *     __be16         sll_protocol;  //  2        unsigned int tp_block_nr;         //  4
 *     int            sll_ifindex;   //  4        unsigned int tp_frame_size;       //  8
 *     unsigned short sll_hatype;    //  8        unsigned int tp_frame_nr;         // 12
 *     unsigned char  sll_pkttype;   // 10        unsigned int tp_retire_blk_tov;   // 16 (ms)
 *     unsigned char  sll_halen;     // 11        unsigned int tp_sizeof_priv;      // 20
 *     unsigned char  sll_addr[8];   // 12        unsigned int tp_feature_req_word; // 24
 * };                                // 20    };                                    // 28
 *
 * struct tpacket_block_desc {                struct tpacket_hdr_v1 {   (at block offset 8)
 *     __u32 version;                //  0        __u32 block_status;           //  8
 *     __u32 offset_to_priv;         //  4        __u32 num_pkts;               // 12
 *     union tpacket_bd_header_u hdr;//  8        __u32 offset_to_first_pkt;    // 16
 * };                                // 48        __u32 blk_len;                // 20
 *                                                __aligned_u64 seq_num;        // 24
 *                                                struct tpacket_bd_ts ts_first_pkt, ts_last_pkt; // 32, 40
 *                                            };
 *
 * struct tpacket3_hdr {                      struct tpacket_stats_v3 {
 *     __u32 tp_next_offset;         //  0        unsigned int tp_packets;      //  0
 *     __u32 tp_sec;                 //  4        unsigned int tp_drops;        //  4
 *     __u32 tp_nsec;                //  8        unsigned int tp_freeze_q_cnt; //  8
 *     __u32 tp_snaplen;             // 12    };                                // 12
 *     __u32 tp_len;                 // 16
 *     __u32 tp_status;              // 20    struct packet_mreq {
 *     __u16 tp_mac;                 // 24        int            mr_ifindex;    //  0
 *     __u16 tp_net;                 // 26        unsigned short mr_type;       //  4
 *     union { struct tpacket_hdr_variant1 hv1; }; // 28   unsigned short mr_alen; //  6
 *     __u8  tp_padding[8];          // 40        unsigned char  mr_address[8]; //  8
 * };                                // 48    };                                // 16
 *
 * struct tpacket2_hdr {                      struct tpacket_req {   (the first 16 bytes of tpacket_req3)
 *     __u32 tp_status;              //  0        unsigned int tp_block_size, tp_block_nr, tp_frame_size, tp_frame_nr;
 *     __u32 tp_len;                 //  4    };                                // 16
 *     __u32 tp_snaplen;             //  8
 *     __u16 tp_mac;                 // 12
 *     __u16 tp_net;                 // 14
 *     __u32 tp_sec;                 // 16
 *     __u32 tp_nsec;                // 20
 *     __u16 tp_vlan_tci;            // 24
 *     __u16 tp_vlan_tpid;           // 26
 *     __u8  tp_padding[4];          // 28
 * };                                // 32
 *
 * struct ifreq { char ifr_name[16]; union { struct sockaddr ifr_hwaddr; int ifr_mtu; int ifr_ifindex; ... }; }; // 40
 * struct pollfd { int fd; short events; short revents; }; // 8
 * </pre>
 *
 * <p>TX frames carry the packet at TPACKET_ALIGN(sizeof(header)), as the kernel computes
 * {@code tp_hdrlen - sizeof(sockaddr_ll)}: {@link #TPACKET3_DATA_OFFSET} for TPACKET_V3 (TX ring since Linux 4.11),
 * {@link #TPACKET2_DATA_OFFSET} for TPACKET_V2.
 */
public final class TpacketLayout
{
    public static final int TPACKET_ALIGNMENT = 16;

    public static final int SOCKADDR_LL_FAMILY_OFFSET = 0;
    public static final int SOCKADDR_LL_PROTOCOL_OFFSET = 2;
    public static final int SOCKADDR_LL_IFINDEX_OFFSET = 4;
    public static final int SOCKADDR_LL_HATYPE_OFFSET = 8;
    public static final int SOCKADDR_LL_PKTTYPE_OFFSET = 10;
    public static final int SOCKADDR_LL_HALEN_OFFSET = 11;
    public static final int SOCKADDR_LL_ADDR_OFFSET = 12;
    public static final int SOCKADDR_LL_LENGTH = 20;

    public static final int REQ3_BLOCK_SIZE_OFFSET = 0;
    public static final int REQ3_BLOCK_NR_OFFSET = 4;
    public static final int REQ3_FRAME_SIZE_OFFSET = 8;
    public static final int REQ3_FRAME_NR_OFFSET = 12;
    public static final int REQ3_RETIRE_BLK_TOV_OFFSET = 16;
    public static final int REQ3_SIZEOF_PRIV_OFFSET = 20;
    public static final int REQ3_FEATURE_REQ_WORD_OFFSET = 24;
    public static final int REQ3_LENGTH = 28;

    public static final int BLOCK_VERSION_OFFSET = 0;
    public static final int BLOCK_OFFSET_TO_PRIV_OFFSET = 4;
    public static final int BLOCK_STATUS_OFFSET = 8;
    public static final int BLOCK_NUM_PKTS_OFFSET = 12;
    public static final int BLOCK_OFFSET_TO_FIRST_PKT_OFFSET = 16;
    public static final int BLOCK_BLK_LEN_OFFSET = 20;
    public static final int BLOCK_SEQ_NUM_OFFSET = 24;
    public static final int BLOCK_DESC_LENGTH = 48;

    public static final int TP3_NEXT_OFFSET_OFFSET = 0;
    public static final int TP3_SEC_OFFSET = 4;
    public static final int TP3_NSEC_OFFSET = 8;
    public static final int TP3_SNAPLEN_OFFSET = 12;
    public static final int TP3_LEN_OFFSET = 16;
    public static final int TP3_STATUS_OFFSET = 20;
    public static final int TP3_MAC_OFFSET = 24;
    public static final int TP3_NET_OFFSET = 26;
    public static final int TP3_HDR_LENGTH = 48;
    /** Where a TX frame's packet starts: TPACKET_ALIGN(sizeof(struct tpacket3_hdr)). */
    public static final int TPACKET3_DATA_OFFSET = 48;

    public static final int TP2_STATUS_OFFSET = 0;
    public static final int TP2_LEN_OFFSET = 4;
    public static final int TP2_SNAPLEN_OFFSET = 8;
    public static final int TP2_MAC_OFFSET = 12;
    public static final int TP2_NET_OFFSET = 14;
    public static final int TP2_HDR_LENGTH = 32;
    /** Where a TPACKET_V2 TX frame's packet starts: TPACKET_ALIGN(sizeof(struct tpacket2_hdr)). */
    public static final int TPACKET2_DATA_OFFSET = 32;

    public static final int STATS_V3_PACKETS_OFFSET = 0;
    public static final int STATS_V3_DROPS_OFFSET = 4;
    public static final int STATS_V3_FREEZE_Q_CNT_OFFSET = 8;
    public static final int STATS_V3_LENGTH = 12;

    public static final int MREQ_IFINDEX_OFFSET = 0;
    public static final int MREQ_TYPE_OFFSET = 4;
    public static final int MREQ_ALEN_OFFSET = 6;
    public static final int MREQ_ADDRESS_OFFSET = 8;
    public static final int MREQ_LENGTH = 16;

    public static final int IFREQ_NAME_OFFSET = 0;
    public static final int IFREQ_NAME_LENGTH = 16;
    public static final int IFREQ_UNION_OFFSET = 16;
    /** sa_data of ifr_hwaddr: the MAC address for ARPHRD_ETHER. */
    public static final int IFREQ_HWADDR_DATA_OFFSET = 18;
    public static final int IFREQ_LENGTH = 40;

    public static final int POLLFD_FD_OFFSET = 0;
    public static final int POLLFD_EVENTS_OFFSET = 4;
    public static final int POLLFD_REVENTS_OFFSET = 6;
    public static final int POLLFD_LENGTH = 8;

    /** tpacket status bits (RX: per block in V3, per frame flags below). */
    public static final int TP_STATUS_KERNEL = 0;
    public static final int TP_STATUS_USER = 1;
    public static final int TP_STATUS_COPY = 1 << 1;
    public static final int TP_STATUS_LOSING = 1 << 2;
    public static final int TP_STATUS_CSUMNOTREADY = 1 << 3;
    public static final int TP_STATUS_VLAN_VALID = 1 << 4;
    public static final int TP_STATUS_CSUM_VALID = 1 << 7;
    /** tpacket status values of a TX frame. */
    public static final int TP_STATUS_AVAILABLE = 0;
    public static final int TP_STATUS_SEND_REQUEST = 1;
    public static final int TP_STATUS_SENDING = 2;
    public static final int TP_STATUS_WRONG_FORMAT = 4;

    private TpacketLayout()
    {
    }

    /** TPACKET_ALIGN(x): round up to {@link #TPACKET_ALIGNMENT}. */
    public static int align(final int length)
    {
        return (length + TPACKET_ALIGNMENT - 1) & -TPACKET_ALIGNMENT;
    }
}
