package dev.xlat64.io.pcap;

import java.io.IOException;

/**
 * A pcap file that cannot be read: bad magic, unsupported version or link type, a truncated header, or a record whose
 * lengths are implausible. The message names the record number (1-based; 0 for the file header), its byte offset in
 * the file and what is wrong.
 */
public final class PcapFormatException extends IOException
{
    private static final long serialVersionUID = 1L;

    private final long recordNumber;
    private final long fileOffset;

    /**
     * @param recordNumber 1-based record number, 0 for the file header.
     * @param fileOffset   byte offset in the file where the faulty header starts.
     * @param problem      what is wrong, one sentence.
     */
    public PcapFormatException(final long recordNumber, final long fileOffset, final String problem)
    {
        super((recordNumber == 0 ? "pcap file header" : "pcap record " + recordNumber) +
            " at byte offset " + fileOffset + ": " + problem);
        this.recordNumber = recordNumber;
        this.fileOffset = fileOffset;
    }

    /**
     * @return 1-based record number, 0 for the file header.
     */
    public long recordNumber()
    {
        return recordNumber;
    }

    /**
     * @return byte offset in the file of the faulty header.
     */
    public long fileOffset()
    {
        return fileOffset;
    }
}
