#!/usr/bin/env bash
# Side by side on one machine and one zone: xlat64's DNS64 server, Unbound's dns64 module and BIND's dns64,
# each serving cached synthesized AAAA answers to dnsperf. Each DNS64 server is pinned to one core (SERVER_CPU),
# dnsperf and the authoritative zone server to another (CLIENT_CPU). Everything listens on 127.0.0.1 only.
# Reports raw queries/s and queries per server-CPU-second (utime+stime of the server process over the run).
#
#   bench/scripts/dns64-compare.sh [OUT_JSON [OUT_MD]]   (env: DURATION=20 WARMUP=10 ROUNDS=2 NAMES=1000
#                                                          SERVERS="xlat64 unbound bind", add xlat64-nogso to also run
#                                                          xlat64 with its UDP GSO grouping of answers turned off;
#                                                          XLAT64_BASE_ROOT=/other/built/tree adds xlat64-base, the
#                                                          launcher of another built tree, for before/after in one run)
# Needs: dnsperf, unbound, bind9 (Debian packages), a built tree (./xlat64 builds itself).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out_json=${1:-$root/perf-reports/dns64.json}
out_md=${2:-${out_json%.json}.md}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
ROUNDS=${ROUNDS:-2}
NAMES=${NAMES:-1000}
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
for tool in dnsperf unbound named taskset; do
  command -v "$tool" >/dev/null || { echo "dns64-compare: $tool is missing (apt-get install dnsperf unbound bind9)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/xlat64-dns64-compare.XXXXXX)
base=$((20000 + (RANDOM % 2000) * 10))
AUTH=$base; XLAT=$((base + 1)); UNBOUND=$((base + 2)); BIND=$((base + 3)); XLAT_NOGSO=$((base + 4)); XLAT_BASE=$((base + 5))
SERVERS=${SERVERS:-xlat64 unbound bind}
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# --- the zone: NAMES A-only names (TTL 3600, SOA MINIMUM 300 -> synthesized TTL 300 s, longer than any run) ---
{
  echo '$ORIGIN lab.example.'
  echo '$TTL 3600'
  echo '@ 900 IN SOA ns.lab.example. admin.lab.example. 1 3600 600 86400 300'
  echo '@ 3600 IN NS ns'
  echo 'ns 3600 IN A 198.51.100.53'
  for ((i = 0; i < NAMES; i++)); do echo "host$i 3600 IN A 198.51.$((100 + i / 250)).$((i % 250 + 1))"; done
} >"$work/lab.example.zone"
for ((i = 0; i < NAMES; i++)); do echo "host$i.lab.example AAAA"; done >"$work/queries.txt"

mkdir -p "$work/auth" "$work/bind"
cat >"$work/auth/named.conf" <<CONF
options { directory "$work/auth"; pid-file "$work/auth/named.pid"; listen-on port $AUTH { 127.0.0.1; }; listen-on-v6 { none; };
  recursion no; allow-query { 127.0.0.0/8; }; dnssec-validation no; session-keyfile "$work/auth/session.key"; };
controls { };
zone "lab.example" { type primary; file "$work/lab.example.zone"; };
CONF
cat >"$work/bind/named.conf" <<CONF
options { directory "$work/bind"; pid-file "$work/bind/named.pid"; listen-on port $BIND { 127.0.0.1; }; listen-on-v6 { none; };
  recursion yes; allow-query { 127.0.0.0/8; }; allow-recursion { 127.0.0.0/8; };
  forwarders { 127.0.0.1 port $AUTH; }; forward only; dnssec-validation no; session-keyfile "$work/bind/session.key";
  max-cache-size 256m; dns64 2001:db8:64::/96 { clients { any; }; }; };
controls { };
CONF
cat >"$work/unbound.conf" <<CONF
server:
  interface: 127.0.0.1@$UNBOUND
  port: $UNBOUND
  num-threads: 1
  do-daemonize: no
  username: ""
  chroot: ""
  pidfile: ""
  directory: "$work"
  use-syslog: no
  logfile: ""
  verbosity: 0
  do-ip6: no
  access-control: 127.0.0.0/8 allow
  module-config: "dns64 iterator"
  dns64-prefix: 2001:db8:64::/96
  do-not-query-localhost: no
  domain-insecure: "lab.example"
  msg-cache-size: 128m
  rrset-cache-size: 256m
forward-zone:
  name: "lab.example"
  forward-addr: 127.0.0.1@$AUTH
CONF

taskset -c "$CLIENT_CPU" named -g -n 1 -c "$work/auth/named.conf" >"$work/auth.log" 2>&1 &
pids+=($!)

wait_ready() { # port
  local answer
  for _ in $(seq 1 200); do
    if answer=$(dig +time=1 +tries=1 -p "$1" @127.0.0.1 ns.lab.example A +short 2>/dev/null) && [ -n "$answer" ]; then return 0; fi
    sleep 0.1
  done
  echo "dns64-compare: nothing answers on port $1" >&2; return 1
}
wait_ready "$AUTH"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
sys_ticks() { awk '{print $15}' "/proc/$1/stat"; }
ticks_per_s=$(getconf CLK_TCK)

run_dnsperf() { # port seconds -> "completed qps"
  taskset -c "$CLIENT_CPU" dnsperf -s 127.0.0.1 -p "$1" -d "$work/queries.txt" -l "$2" -c 8 -q 256 -t 2 >"$work/dnsperf.out" 2>&1
  awk '/Queries completed:/ {c=$3} /Queries per second:/ {q=$4} /Queries lost:/ {l=$3} END {print c, q, l}' "$work/dnsperf.out"
}

start_xlat64() { # name tree-root port extra-java-opts: one xlat64 dns64 thread in the background
  XLAT64_JAVA_OPTS="-Xms256m -Xmx256m $4 ${XLAT64_EXTRA_OPTS:-}" taskset -c "$SERVER_CPU" "$2/xlat64" dns64 --listen "127.0.0.1:$3" \
    --upstream "127.0.0.1:$AUTH" --prefix 2001:db8:64::/96 --threads 1 >"$work/$1.log" 2>&1 &
}
start_server() { # name -> pid
  case "$1" in
    xlat64) start_xlat64 "$1" "$root" "$XLAT" "" ;;
    xlat64-nogso) start_xlat64 "$1" "$root" "$XLAT_NOGSO" -Dxlat64.dns.nogso=true ;;
    xlat64-base) start_xlat64 "$1" "${XLAT64_BASE_ROOT:?set XLAT64_BASE_ROOT}" "$XLAT_BASE" "" ;;
    unbound) taskset -c "$SERVER_CPU" unbound -d -c "$work/unbound.conf" >"$work/unbound.log" 2>&1 & ;;
    bind) taskset -c "$SERVER_CPU" named -g -n 1 -c "$work/bind/named.conf" >"$work/bind.log" 2>&1 & ;;
  esac
  echo $!
}
port_of() { case "$1" in xlat64) echo "$XLAT" ;; xlat64-nogso) echo "$XLAT_NOGSO" ;; xlat64-base) echo "$XLAT_BASE" ;; unbound) echo "$UNBOUND" ;; bind) echo "$BIND" ;; esac; }

results=()
for round in $(seq 1 "$ROUNDS"); do
  for server in $SERVERS; do
    pid=$(start_server "$server"); pids+=("$pid")
    port=$(port_of "$server")
    wait_ready "$port"
    # The launcher execs java, so $pid is the server process itself.
    dig +short -p "$port" @127.0.0.1 host0.lab.example AAAA >"$work/check.txt"
    grep -q '^2001:db8:64::c633:6401$' "$work/check.txt" || { echo "dns64-compare: $server did not synthesize: $(cat "$work/check.txt")" >&2; exit 1; }
    run_dnsperf "$port" "$WARMUP" >/dev/null
    before=$(cpu_ticks "$pid"); sys_before=$(sys_ticks "$pid"); start=$(date +%s.%N)
    read -r completed qps lost < <(run_dnsperf "$port" "$DURATION")
    after=$(cpu_ticks "$pid"); sys_after=$(sys_ticks "$pid"); end=$(date +%s.%N)
    sys_s=$(awk -v a="$sys_after" -v b="$sys_before" -v t="$ticks_per_s" 'BEGIN {printf "%.2f", (a - b) / t}')
    cpu_s=$(awk -v a="$after" -v b="$before" -v t="$ticks_per_s" 'BEGIN {printf "%.2f", (a - b) / t}')
    per_cpu=$(awk -v c="$completed" -v s="$cpu_s" 'BEGIN {printf "%.0f", (s > 0 ? c / s : 0)}')
    util=$(awk -v s="$cpu_s" -v a="$start" -v e="$end" 'BEGIN {printf "%.2f", s / (e - a)}')
    echo "round $round $server: qps=$qps completed=$completed lost=$lost cpu_s=$cpu_s sys_s=$sys_s util=$util qps_per_cpu_s=$per_cpu" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$server" "$qps" "$completed" "$lost" "$cpu_s" "$sys_s" "$util" >>"$work/runs.tsv"
    results+=("{\"round\":$round,\"server\":\"$server\",\"qps\":$qps,\"completed\":$completed,\"lost\":$lost,\"cpu_seconds\":$cpu_s,\"kernel_cpu_seconds\":$sys_s,\"server_cpu_utilisation\":$util,\"qps_per_cpu_second\":$per_cpu}")
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done

{
  echo "{"
  echo "  \"benchmark\": \"dns64 cached synthesized AAAA, dnsperf -c 8 -q 256, $NAMES names, ${DURATION}s after ${WARMUP}s warm-up\","
  echo "  \"date\": \"$(date -u +%FT%TZ)\","
  echo "  \"machine\": \"$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\","
  echo "  \"pinning\": {\"server_cpu\": $SERVER_CPU, \"dnsperf_and_authoritative_cpu\": $CLIENT_CPU},"
  echo "  \"versions\": {\"unbound\": \"$(unbound -V | head -1 | awk '{print $2}')\", \"bind\": \"$(named -v | awk '{print $2}')\", \"dnsperf\": \"$(dnsperf -h 2>&1 | grep -m1 -o 'dnsperf [0-9.]*' || echo 2.x)\", \"java\": \"$("$("$root/scripts/find-jdk")/bin/java" -version 2>&1 | head -1 | tr -d '"')\"},"
  echo "  \"runs\": ["
  for i in "${!results[@]}"; do echo "    ${results[$i]}$([ "$i" -lt $((${#results[@]} - 1)) ] && echo ,)"; done
  echo "  ]"
  echo "}"
} >"$out_json"
# --- Markdown summary: medians per server, ratio against the better of Unbound and BIND ---
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
{
  echo "# DNS64 side by side: xlat64 vs Unbound vs BIND (cached synthesized AAAA, dnsperf)"
  echo
  echo '```'
  echo "DURATION=$DURATION WARMUP=$WARMUP ROUNDS=$ROUNDS NAMES=$NAMES bench/scripts/dns64-compare.sh"
  echo '```'
  echo
  echo "| run | |"
  echo "|---|---|"
  echo "| date | $(date -u +%FT%TZ) |"
  echo "| machine | $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), kernel $(uname -r) |"
  echo "| load average before / after | $load_before / $(cut -d' ' -f1-3 /proc/loadavg) (shared machine: other jobs ran at the same time) |"
  echo "| pinning | each DNS64 server on CPU $SERVER_CPU (taskset); dnsperf and the authoritative BIND on CPU $CLIENT_CPU |"
  echo "| load | dnsperf -c 8 -q 256, $NAMES names (hostN.lab.example AAAA, A-only, TTL 3600, SOA MINIMUM 300), ${WARMUP}s warm-up then ${DURATION}s measured, $ROUNDS rounds interleaved |"
  echo "| servers | xlat64 dns64 (1 thread, JDK 25), Unbound $(unbound -V | head -1 | awk '{print $2}') (num-threads 1, module-config \"dns64 iterator\"), BIND $(named -v | awk '{print $2}') (-n 1, dns64 + forward only); all forward lab.example to the same authoritative BIND, prefix 2001:db8:64::/96 |"
  echo
  echo "Server CPU = utime + stime of the server process over the measured run (/proc/PID/stat), JIT and GC threads included."
  echo
  echo "| server | qps (median) | lost (all rounds) | server CPU util | kernel share of CPU | user µs/query | kernel µs/query | qps per server-CPU-second (median) |"
  echo "|---|---|---|---|---|---|---|---|"
  for server in $SERVERS; do
    q=$(awk -F'\t' -v s="$server" '$2 == s {print $3}' "$work/runs.tsv" | median)
    u=$(awk -F'\t' -v s="$server" '$2 == s {print $8}' "$work/runs.tsv" | median)
    k=$(awk -F'\t' -v s="$server" '$2 == s && $6 > 0 {print $7 / $6}' "$work/runs.tsv" | median)
    us=$(awk -F'\t' -v s="$server" '$2 == s {print ($6 - $7) * 1e6 / $4}' "$work/runs.tsv" | median)
    ks=$(awk -F'\t' -v s="$server" '$2 == s {print $7 * 1e6 / $4}' "$work/runs.tsv" | median)
    p=$(awk -F'\t' -v s="$server" '$2 == s && $6 > 0 {print $4 / $6}' "$work/runs.tsv" | median)
    l=$(awk -F'\t' -v s="$server" '$2 == s {n += $5} END {print n + 0}' "$work/runs.tsv")
    printf '| %s | %.0f | %s | %.2f | %.0f %% | %.2f | %.2f | %.0f |\n' "$server" "$q" "$l" "$u" "$(awk -v k="$k" 'BEGIN {print k * 100}')" "$us" "$ks" "$p"
    echo "$server $p $q" >>"$work/medians.txt"
  done
  echo
  XLAT64_BASE_ROOT=${XLAT64_BASE_ROOT:-} awk '{p[$1] = $2; q[$1] = $3} END {
    best = p["unbound"] > p["bind"] ? "unbound" : "bind"; bestq = q["unbound"] > q["bind"] ? "unbound" : "bind";
    r = p["xlat64"] / p[best];
    printf "**xlat64 / %s (the better per CPU-second): %.2fx queries per server-CPU-second** (target 1.5x: %s); raw qps xlat64 / %s: %.2fx.\n", best, r, (r >= 1.5 ? "met" : "NOT met"), bestq, q["xlat64"] / q[bestq];
    if ("xlat64-base" in p) printf "\nxlat64 / xlat64-base (%s): %.2fx queries per server-CPU-second; xlat64-base / %s: %.2fx.\n", ENVIRON["XLAT64_BASE_ROOT"], p["xlat64"] / p["xlat64-base"], best, p["xlat64-base"] / p[best];
    if ("xlat64-nogso" in p) printf "\nWithout UDP GSO grouping (xlat64-nogso): %.2fx queries per server-CPU-second against %s.\n", p["xlat64-nogso"] / p[best], best }' "$work/medians.txt"
  echo
  echo "Reading the figures: on loopback most of every server's CPU is the kernel's (the kernel share column):"
  echo "receiving the query, routing the answer and delivering it into dnsperf's socket, and waking dnsperf, are"
  echo "charged to the server that sends. That part is the same work for all three, so it bounds how far ahead"
  echo "any server can get per CPU-second; the user µs/query column is where the implementations differ."
  echo "xlat64 reads and writes its UDP socket in batches (recvmmsg/sendmmsg); while the socket keeps having queries"
  echo "it reads it directly, out of the epoll set, and sleeps in epoll_wait only once it is empty; answers of one"
  echo "length to one client socket in a batch leave as one UDP GSO send, which the kernel routes and transmits once"
  echo "and cuts into the usual datagrams (dnsperf's 8 sockets often have several answers in a batch; a population"
  echo "of many clients each with one query in flight would share less; the xlat64-nogso row, when run, is xlat64"
  echo "without it). A cache hit allocates nothing (see dns64-jmh.md for the engine alone). dnsperf on one core is"
  echo "the bottleneck here (server utilisation below 1), so raw qps is a property of the rig as much as of the"
  echo "servers; the qps per server-CPU-second column is the comparison the target is set in."
  echo
  echo "### Every run"
  echo
  echo "| round | server | qps | completed | lost | server CPU s | kernel CPU s | util | qps per CPU-second |"
  echo "|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{printf "| %s | %s | %.0f | %s | %s | %s | %s | %s | %.0f |\n", $1, $2, $3, $4, $5, $6, $7, $8, ($6 > 0 ? $4 / $6 : 0)}' "$work/runs.tsv"
} >"$out_md"
echo "dns64-compare: wrote $out_json and $out_md" >&2
