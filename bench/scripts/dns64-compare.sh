#!/usr/bin/env bash
# Side by side on one machine and one zone: xlat64's DNS64 server, Unbound's dns64 module and BIND's dns64,
# each serving cached synthesized AAAA answers to dnsperf. Each DNS64 server is pinned to one core (SERVER_CPU),
# dnsperf and the authoritative zone server to another (CLIENT_CPU). Everything listens on 127.0.0.1 only.
# Reports raw queries/s and queries per server-CPU-second (utime+stime of the server process over the run).
#
#   bench/scripts/dns64-compare.sh [OUT_JSON]       (env: DURATION=20 WARMUP=10 ROUNDS=2 NAMES=1000)
# Needs: dnsperf, unbound, bind9 (Debian packages), a built tree (./xlat64 builds itself).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out_json=${1:-$root/perf-reports/dns64.json}
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
AUTH=$base; XLAT=$((base + 1)); UNBOUND=$((base + 2)); BIND=$((base + 3))
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
  for _ in $(seq 1 200); do
    if dig +time=1 +tries=1 -p "$1" @127.0.0.1 ns.lab.example A +short >/dev/null 2>&1 &&
       [ -n "$(dig +time=1 +tries=1 -p "$1" @127.0.0.1 ns.lab.example A +short 2>/dev/null)" ]; then return 0; fi
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

start_server() { # name -> pid
  case "$1" in
    xlat64) XLAT64_JAVA_OPTS="-Xms256m -Xmx256m" taskset -c "$SERVER_CPU" "$root/xlat64" dns64 --listen "127.0.0.1:$XLAT" \
              --upstream "127.0.0.1:$AUTH" --prefix 2001:db8:64::/96 --threads 1 >"$work/xlat64.log" 2>&1 & ;;
    unbound) taskset -c "$SERVER_CPU" unbound -d -c "$work/unbound.conf" >"$work/unbound.log" 2>&1 & ;;
    bind) taskset -c "$SERVER_CPU" named -g -n 1 -c "$work/bind/named.conf" >"$work/bind.log" 2>&1 & ;;
  esac
  echo $!
}
port_of() { case "$1" in xlat64) echo "$XLAT" ;; unbound) echo "$UNBOUND" ;; bind) echo "$BIND" ;; esac; }

results=()
for round in $(seq 1 "$ROUNDS"); do
  for server in ${SERVERS:-xlat64 unbound bind}; do
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
echo "dns64-compare: wrote $out_json" >&2
