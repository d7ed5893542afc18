package dev.xlat64.dns.server;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.nio.channels.DatagramChannel;

/**
 * {@code recvmmsg(2)} and {@code sendmmsg(2)} through java.lang.foreign: a batch of datagrams per system call.
 * Layouts for x86-64 and aarch64 Linux (LP64):
 * <pre>
 * struct iovec   { void *iov_base; size_t iov_len; }                                  16 bytes
 * struct msghdr  { void *msg_name; socklen_t msg_namelen; [pad 4]; struct iovec *msg_iov; size_t msg_iovlen;
 *                  void *msg_control; size_t msg_controllen; int msg_flags; [pad 4] }  56 bytes
 * struct mmsghdr { struct msghdr msg_hdr; unsigned int msg_len; [pad 4] }               64 bytes
 * </pre>
 * The socket is a NIO {@link DatagramChannel} (bound, registered with the selector for readiness); its file
 * descriptor is read from the JDK's channel implementation, which needs
 * {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (in the project's JVM flags). Without it, or off
 * Linux, {@link #available()} is false and the server uses plain NIO.
 */
final class Mmsg
{
    static final int MMSGHDR_SIZE = 64;
    static final int IOVEC_SIZE = 16;
    static final int MSG_NAME = 0;
    static final int MSG_NAMELEN = 8;
    static final int MSG_IOV = 16;
    static final int MSG_IOVLEN = 24;
    static final int MSG_LEN = 56;
    static final int SOCKADDR_SIZE = 28;
    static final int MSG_DONTWAIT = 0x40;
    static final int EAGAIN = 11;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private static final MethodHandle RECVMMSG;
    private static final MethodHandle SENDMMSG;
    private static final StructLayout CAPTURE;
    private static final VarHandle ERRNO;
    private static final Method FD_VAL;
    private static final boolean AVAILABLE;

    static
    {
        MethodHandle recv = null;
        MethodHandle send = null;
        StructLayout capture = null;
        VarHandle errno = null;
        Method fdVal = null;
        boolean ok = false;
        try
        {
            if (System.getProperty("os.name", "").toLowerCase().contains("linux") && !Boolean.getBoolean("xlat64.dns.nommsg"))
            {
                final Linker linker = Linker.nativeLinker();
                final Linker.Option errnoOption = Linker.Option.captureCallState("errno");
                capture = Linker.Option.captureStateLayout();
                errno = capture.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
                final FunctionDescriptor mmsg = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
                recv = linker.downcallHandle(linker.defaultLookup().find("recvmmsg").orElseThrow(), mmsg, errnoOption);
                send = linker.downcallHandle(linker.defaultLookup().find("sendmmsg").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), errnoOption);
                fdVal = Class.forName("sun.nio.ch.DatagramChannelImpl").getDeclaredMethod("getFDVal");
                fdVal.setAccessible(true);
                ok = true;
            }
        }
        catch (final Throwable ex)
        {
            ok = false;
        }
        RECVMMSG = recv;
        SENDMMSG = send;
        CAPTURE = capture;
        ERRNO = errno;
        FD_VAL = fdVal;
        AVAILABLE = ok;
    }

    private Mmsg()
    {
    }

    /**
     * @return true unless {@code -Dxlat64.dns.nogso=true}: answers to one address may then leave as UDP GSO sends
     * (a kernel without UDP_SEGMENT refuses the first one, and the endpoint then stops grouping).
     */
    static boolean segmentOffload()
    {
        return AVAILABLE && !Boolean.getBoolean("xlat64.dns.nogso");
    }

    /** @return true if batched datagram calls can be used here. */
    static boolean available()
    {
        return AVAILABLE;
    }

    static StructLayout captureLayout()
    {
        return CAPTURE;
    }

    /** @return the channel's file descriptor. */
    static int fd(final DatagramChannel channel)
    {
        try
        {
            return (int)FD_VAL.invoke(channel);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("cannot read the socket's file descriptor", ex);
        }
    }

    /** @return datagrams received, or -errno. */
    static int recvmmsg(final MemorySegment capture, final int fd, final MemorySegment headers, final int count)
    {
        try
        {
            final int n = (int)RECVMMSG.invokeExact(capture, fd, headers, count, MSG_DONTWAIT, MemorySegment.NULL);
            return n >= 0 ? n : -(int)ERRNO.get(capture, 0L);
        }
        catch (final Throwable ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** @return datagrams sent, or -errno. */
    static int sendmmsg(final MemorySegment capture, final int fd, final MemorySegment headers, final int count)
    {
        try
        {
            final int n = (int)SENDMMSG.invokeExact(capture, fd, headers, count, MSG_DONTWAIT);
            return n >= 0 ? n : -(int)ERRNO.get(capture, 0L);
        }
        catch (final Throwable ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
