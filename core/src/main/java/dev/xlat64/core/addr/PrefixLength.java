package dev.xlat64.core.addr;

/**
 * Parses the decimal length after the slash of a prefix, with the same error style for IPv4 and IPv6.
 */
final class PrefixLength
{
    private PrefixLength()
    {
    }

    static int parse(final String whole, final String lengthText, final int max, final String what)
    {
        if (lengthText.isEmpty())
        {
            throw new IllegalArgumentException("invalid " + what + " '" + whole + "': the length after '/' is missing");
        }
        if (lengthText.length() > 3)
        {
            throw new IllegalArgumentException(
                "invalid " + what + " '" + whole + "': length '" + lengthText + "' must be 0 to " + max);
        }
        int length = 0;
        for (int i = 0; i < lengthText.length(); i++)
        {
            final char c = lengthText.charAt(i);
            if (c < '0' || c > '9')
            {
                throw new IllegalArgumentException("invalid " + what + " '" + whole + "': length '" + lengthText +
                    "' is not a decimal number");
            }
            length = length * 10 + (c - '0');
        }
        if (lengthText.length() > 1 && lengthText.charAt(0) == '0')
        {
            throw new IllegalArgumentException(
                "invalid " + what + " '" + whole + "': length '" + lengthText + "' has a leading zero");
        }
        if (length > max)
        {
            throw new IllegalArgumentException(
                "invalid " + what + " '" + whole + "': length " + length + " must be 0 to " + max);
        }
        return length;
    }
}
