package dev.xlat64.dns;

/**
 * How PTR queries for ip6.arpa names under a DNS64 prefix are answered (RFC 6147 §5.3.1).
 */
public enum PtrMode
{
    /** Ask for the matching in-addr.arpa PTR and return its records under the ip6.arpa owner name. */
    SYNTHESIZE,
    /** Return a CNAME from the ip6.arpa name to the in-addr.arpa name, followed by what the upstream has there. */
    CNAME,
    /** No special handling: forward the ip6.arpa query like any other. */
    OFF
}
