package dev.xlat64.io.afpacket;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The few libc calls the AF_PACKET facade needs, bound with jnr-ffi.
 *
 * <p>Every pointer argument is passed as a raw address ({@code long}) of memory the caller owns (an
 * off-heap buffer made at setup), so a call on the data path marshals only primitives and allocates
 * nothing. {@code mmap} is the exception: its first parameter is a {@link Pointer} (always {@code null})
 * because jnr-ffi 2.3.x passes an all-primitive six-argument signature wrongly and mmap then fails with
 * EINVAL (STACK.md pitfall 2).
 *
 * <p>errno is saved by jnr-ffi after every call; read it with {@link #errno()} right after a call that
 * returned -1, on the same thread.
 */
public interface LibC
{
    int AF_PACKET = 17;
    int SOCK_RAW = 3;
    int SOL_SOCKET = 1;
    int SOL_PACKET = 263;
    int SO_RCVBUF = 8;
    int SO_ATTACH_FILTER = 26;

    int PACKET_ADD_MEMBERSHIP = 1;
    int PACKET_RX_RING = 5;
    int PACKET_STATISTICS = 6;
    int PACKET_VERSION = 10;
    int PACKET_RESERVE = 12;
    int PACKET_TX_RING = 13;
    int PACKET_LOSS = 14;
    int PACKET_QDISC_BYPASS = 20;
    int PACKET_IGNORE_OUTGOING = 23;

    int TPACKET_V2 = 1;
    int TPACKET_V3 = 2;

    int PACKET_MR_PROMISC = 1;

    int PROT_READ = 1;
    int PROT_WRITE = 2;
    int MAP_SHARED = 1;
    int MAP_LOCKED = 0x2000;
    int MAP_POPULATE = 0x8000;
    long MAP_FAILED = -1L;

    int MSG_DONTWAIT = 0x40;

    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    short POLLERR = 0x8;

    long SIOCGIFHWADDR = 0x8927L;
    long SIOCGIFINDEX = 0x8933L;
    long SIOCGIFMTU = 0x8921L;

    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;

    int EINTR = 4;
    int EAGAIN = 11;
    int ENOBUFS = 105;

    /** The bound library, loaded once. */
    LibC INSTANCE = LibraryLoader.create(LibC.class).load("c");

    int socket(int domain, int type, int protocol);

    int bind(int fd, @intptr_t long address, int addressLength);

    int setsockopt(int fd, int level, int name, @intptr_t long value, int valueLength);

    int getsockopt(int fd, int level, int name, @intptr_t long value, @intptr_t long valueLengthAddress);

    @intptr_t long mmap(Pointer address, @size_t long length, int protection, int flags, int fd, @off_t long offset);

    int munmap(@intptr_t long address, @size_t long length);

    int poll(@intptr_t long fds, long count, int timeoutMs);

    @ssize_t long send(int fd, @intptr_t long buffer, @size_t long length, int flags);

    /** Several datagrams in one call (struct mmsghdr[vlen] at {@code messages}); the TX-ring alternative, benchmarked. */
    int sendmmsg(int fd, @intptr_t long messages, int count, int flags);

    int ioctl(int fd, long request, @intptr_t long argument);

    int open(String path, int flags);

    int setns(int fd, int namespaceType);

    int close(int fd);

    String strerror(int errno);

    /** The errno saved by jnr-ffi after the last call made on this thread. */
    static int errno()
    {
        return jnr.ffi.Runtime.getSystemRuntime().getLastError();
    }

    /** {@code "strerror (errno N)"} for messages. */
    static String describe(final int errno)
    {
        return INSTANCE.strerror(errno) + " (errno " + errno + ")";
    }
}
