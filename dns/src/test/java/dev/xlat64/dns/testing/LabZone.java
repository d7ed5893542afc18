package dev.xlat64.dns.testing;

/**
 * The test zones (LAB.md "DNS in the lab"): lab.example with an A-only name, A and AAAA, CNAME and DNAME
 * chains, ::ffff:-mapped and excluded AAAA, private A, a TXT-only name, a name with 100 A records (too big
 * for UDP), and 100.51.198.in-addr.arpa for PTR.
 * SOA TTL 900, MINIMUM 300: the negative-caching TTL (RFC 2308 §5) is 300.
 */
public final class LabZone
{
    public static final String LAB = """
        $ORIGIN lab.example.
        $TTL 3600
        @        900  IN SOA ns.lab.example. admin.lab.example. 1 3600 600 86400 300
        @        3600 IN NS  ns
        ns       3600 IN A   198.51.100.53
        v4only   3600 IN A   198.51.100.10
        v4sec    3600 IN A   198.51.100.20
        short    60   IN A   198.51.100.11
        dual     3600 IN A   198.51.100.12
        dual     3600 IN AAAA 2001:db8:1::12
        mapped   3600 IN AAAA ::ffff:198.51.100.13
        mapped   3600 IN A   198.51.100.13
        mixed    3600 IN AAAA ::ffff:198.51.100.14
        mixed    3600 IN AAAA 2001:db8:1::14
        mixed    3600 IN A   198.51.100.14
        excl6    3600 IN AAAA 2001:db8:bad::1
        excl6    3600 IN A   198.51.100.15
        private  3600 IN A   10.1.2.3
        privmix  3600 IN A   10.1.2.4
        privmix  3600 IN A   198.51.100.16
        global   3600 IN A   8.8.4.4
        alias    1800 IN CNAME alias2
        alias2   1200 IN CNAME v4only
        sub      3600 IN DNAME other.lab.example.
        v4only.other 3600 IN A 198.51.100.17
        broken   3600 IN A   198.51.100.18
        txt      3600 IN TXT "only text"
        many 3600 IN A 198.51.100.100
        many 3600 IN A 198.51.100.101
        many 3600 IN A 198.51.100.102
        many 3600 IN A 198.51.100.103
        many 3600 IN A 198.51.100.104
        many 3600 IN A 198.51.100.105
        many 3600 IN A 198.51.100.106
        many 3600 IN A 198.51.100.107
        many 3600 IN A 198.51.100.108
        many 3600 IN A 198.51.100.109
        many 3600 IN A 198.51.100.110
        many 3600 IN A 198.51.100.111
        many 3600 IN A 198.51.100.112
        many 3600 IN A 198.51.100.113
        many 3600 IN A 198.51.100.114
        many 3600 IN A 198.51.100.115
        many 3600 IN A 198.51.100.116
        many 3600 IN A 198.51.100.117
        many 3600 IN A 198.51.100.118
        many 3600 IN A 198.51.100.119
        many 3600 IN A 198.51.100.120
        many 3600 IN A 198.51.100.121
        many 3600 IN A 198.51.100.122
        many 3600 IN A 198.51.100.123
        many 3600 IN A 198.51.100.124
        many 3600 IN A 198.51.100.125
        many 3600 IN A 198.51.100.126
        many 3600 IN A 198.51.100.127
        many 3600 IN A 198.51.100.128
        many 3600 IN A 198.51.100.129
        many 3600 IN A 198.51.100.130
        many 3600 IN A 198.51.100.131
        many 3600 IN A 198.51.100.132
        many 3600 IN A 198.51.100.133
        many 3600 IN A 198.51.100.134
        many 3600 IN A 198.51.100.135
        many 3600 IN A 198.51.100.136
        many 3600 IN A 198.51.100.137
        many 3600 IN A 198.51.100.138
        many 3600 IN A 198.51.100.139
        many 3600 IN A 198.51.100.140
        many 3600 IN A 198.51.100.141
        many 3600 IN A 198.51.100.142
        many 3600 IN A 198.51.100.143
        many 3600 IN A 198.51.100.144
        many 3600 IN A 198.51.100.145
        many 3600 IN A 198.51.100.146
        many 3600 IN A 198.51.100.147
        many 3600 IN A 198.51.100.148
        many 3600 IN A 198.51.100.149
        many 3600 IN A 198.51.100.150
        many 3600 IN A 198.51.100.151
        many 3600 IN A 198.51.100.152
        many 3600 IN A 198.51.100.153
        many 3600 IN A 198.51.100.154
        many 3600 IN A 198.51.100.155
        many 3600 IN A 198.51.100.156
        many 3600 IN A 198.51.100.157
        many 3600 IN A 198.51.100.158
        many 3600 IN A 198.51.100.159
        many 3600 IN A 198.51.100.160
        many 3600 IN A 198.51.100.161
        many 3600 IN A 198.51.100.162
        many 3600 IN A 198.51.100.163
        many 3600 IN A 198.51.100.164
        many 3600 IN A 198.51.100.165
        many 3600 IN A 198.51.100.166
        many 3600 IN A 198.51.100.167
        many 3600 IN A 198.51.100.168
        many 3600 IN A 198.51.100.169
        many 3600 IN A 198.51.100.170
        many 3600 IN A 198.51.100.171
        many 3600 IN A 198.51.100.172
        many 3600 IN A 198.51.100.173
        many 3600 IN A 198.51.100.174
        many 3600 IN A 198.51.100.175
        many 3600 IN A 198.51.100.176
        many 3600 IN A 198.51.100.177
        many 3600 IN A 198.51.100.178
        many 3600 IN A 198.51.100.179
        many 3600 IN A 198.51.100.180
        many 3600 IN A 198.51.100.181
        many 3600 IN A 198.51.100.182
        many 3600 IN A 198.51.100.183
        many 3600 IN A 198.51.100.184
        many 3600 IN A 198.51.100.185
        many 3600 IN A 198.51.100.186
        many 3600 IN A 198.51.100.187
        many 3600 IN A 198.51.100.188
        many 3600 IN A 198.51.100.189
        many 3600 IN A 198.51.100.190
        many 3600 IN A 198.51.100.191
        many 3600 IN A 198.51.100.192
        many 3600 IN A 198.51.100.193
        many 3600 IN A 198.51.100.194
        many 3600 IN A 198.51.100.195
        many 3600 IN A 198.51.100.196
        many 3600 IN A 198.51.100.197
        many 3600 IN A 198.51.100.198
        many 3600 IN A 198.51.100.199
        """;

    public static final String REVERSE = """
        $ORIGIN 100.51.198.in-addr.arpa.
        $TTL 3600
        @        900  IN SOA ns.lab.example. admin.lab.example. 1 3600 600 86400 300
        @        3600 IN NS  ns.lab.example.
        10       3600 IN PTR v4only.lab.example.
        """;

    private LabZone()
    {
    }
}
