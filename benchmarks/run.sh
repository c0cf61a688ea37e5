#!/usr/bin/env bash
# Runs every benchmark of issue 6 and writes BENCHMARKS.md (the part between its run.sh markers).
#
#   bash benchmarks/run.sh                 # everything, about 30 minutes on 2 cores
#   RUNS=5 bash benchmarks/run.sh          # more runs per generator
#   PHASES="throughput" SCENARIOS="http-2b" bash benchmarks/run.sh   # a part (BENCHMARKS.md is then not written)
#
# What it does: installs nginx, wrk and GNU time from Debian if missing; makes a CA and a server certificate with
# openssl (nothing committed); starts nginx on 127.0.0.1 (one worker pinned to CPU 0) serving a 2-byte and a
# 1 KiB response over HTTP, HTTPS TLS 1.3, HTTPS TLS 1.2 and HTTPS without keep-alive or session reuse (a full
# handshake per request); builds the benchmarks module; then, every generator pinned to CPU 1, measures requests
# per generator CPU-second for wrk, a raw java.net.http loop and a @LoadTest run through the JUnit Platform, each
# RUNS times after a warm-up, interleaved so that the machine's other load hits them alike; then memory per VU,
# the JMH recording-cost benchmark, the recording-memory benchmark and JFR profiles of the JVM generators.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")

RUNS=${RUNS:-3}                 # measured runs per generator and scenario
DURATION=${DURATION:-10}        # seconds measured per run
WARMUP=${WARMUP:-5}             # seconds of load before the measurement, in the same process
VUS=${VUS:-50}                  # users (wrk: connections) for every generator
SCENARIOS=${SCENARIOS:-"http-2b http-1k https13-2b https13-1k https12-2b https13-handshake"}
# raw-direct: the raw loop with the library's default client executor (Runnable::run), to tell the library's own
# overhead from the executor's effect.
GENERATORS=${GENERATORS:-"wrk raw raw-direct loadtest"}
# Defaults exploration: extra generators interleaved with the reference ones, in the scenarios named here.
# raw-timeout60: the raw loop with a 60 s request timeout on the request, as the library sets by default (k6's
# default); raw-vutimeout60: the same timeout as sendAsync + a timed get on the VU thread (the alternative).
VARIANT_SCENARIOS=${VARIANT_SCENARIOS:-"https13-1k https13-handshake"}
# loadtest-direct and loadtest-jdkDefault: the two executors that the default (AUTO) chooses between.
VARIANTS=${VARIANTS:-"loadtest-direct loadtest-jdkDefault loadtest-virtualThreads loadtest-discard loadtest-perVu raw-clients5"}
VARIANT_RUNS=${VARIANT_RUNS:-1}
MEMORY_VUS=${MEMORY_VUS:-"1000 10000 100000"}
# A client per VU costs 3 platform threads: 10,000 would take 30,000 of this machine's 32,768 process ids.
PER_VU_MAX=${PER_VU_MAX:-1000}
RAW_MEMORY_MAX=${RAW_MEMORY_MAX:-10000}  # the raw reference is measured up to this many VUs
PHASES=${PHASES:-"throughput variants memory recording profile"}
PROFILES=${PROFILES:-"raw:http-2b loadtest:http-2b raw:https13-2b loadtest:https13-2b"}  # generator:scenario
PORT=${PORT:-18080}             # PORT: http, +1: TLS 1.3, +2: TLS 1.2, +3: TLS 1.3 no keep-alive, no resumption
SERVER_CPU=${SERVER_CPU:-0}
GEN_CPU=${GEN_CPU:-1}
OUT=${OUT:-$ROOT/BENCHMARKS.md}
KEEP=${KEEP:-0}                 # 1: keep the temporary folder (logs, JFR files)
BUILD=${BUILD:-1}               # 0: use benchmarks/target as it is (built before)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
has_phase() { [[ " $PHASES " == *" $1 "* ]]; }

# --- tools ------------------------------------------------------------------------------------------------------
missing=()
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v openssl >/dev/null || missing+=(openssl)
command -v taskset >/dev/null || missing+=(util-linux)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    [[ $(id -u) == 0 ]] || die "need ${missing[*]} (Debian packages) and root to install them"
    log "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# A JDK 21+: JAVA_HOME if it is one, else the newest under /usr/lib/jvm, else java on the PATH.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
JAVA=""
candidates=()
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
for j in /usr/lib/jvm/*/bin/java; do [[ -x "$j" ]] && candidates+=("$j"); done
command -v java >/dev/null && candidates+=("$(command -v java)")
best=0
for j in "${candidates[@]}"; do
    v=$(java_major "$j" || true)
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if [[ -n "${JAVA_HOME:-}" && "$j" == "$JAVA_HOME/bin/java" && "$v" -ge 21 ]]; then JAVA=$j; break; fi
    if ((v >= 21 && v > best)); then best=$v; JAVA=$j; fi
done
[[ -n "$JAVA" ]] || die "no JDK 21+ found (JAVA_HOME, /usr/lib/jvm, PATH)"
JAVA_HOME_USED=$(dirname "$(dirname "$JAVA")")
JFR="$JAVA_HOME_USED/bin/jfr"
log "java: $JAVA ($("$JAVA" -version 2>&1 | head -1))"

# --- work folder, cleanup ---------------------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/loadtest-bench.XXXXXX")
RES=$WORK/results
mkdir -p "$RES" "$WORK/logs" "$WORK/nginx/logs" "$WORK/lib"
NGINX_PID=""
cleanup() {
    if [[ -f "$WORK/nginx/nginx.pid" ]]; then
        kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
        sleep 0.5
    fi
    if [[ "$KEEP" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# Many connections and clients for the 100,000-VU run (as root the hard limit can be raised).
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u +%Y-%m-%dT%H:%MZ)
T0=$SECONDS

# --- build ------------------------------------------------------------------------------------------------------
# A reactor build of the module and what it needs; nothing is installed into ~/.m2. The jars are copied away so
# that another build of the same tree cannot change them during the run.
if [[ "${BUILD:-1}" == 1 ]]; then
log "building the benchmarks module"
(cd "$ROOT" && mvn -B -q -Pbenchmarks -pl benchmarks -am package -Dmaven.test.skip=true -Dexec.skip=true) \
    > "$WORK/logs/build.log" 2>&1 || { tail -40 "$WORK/logs/build.log"; die "build failed"; }
fi
CP="$WORK/lib/benchmarks.jar"
cp "$HERE"/target/benchmarks-*.jar "$CP"
IFS=: read -r -a deps < "$HERE/target/classpath.txt" || true  # no newline at its end
for d in "${deps[@]}"; do
    cp "$d" "$WORK/lib/"
    CP="$CP:$WORK/lib/$(basename "$d")"
done

# --- certificates and nginx -------------------------------------------------------------------------------------
log "certificates and nginx"
(
    cd "$WORK"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=junit-loadtest benchmark CA" \
        -keyout ca.key -out benchmark-ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' > server.ext
    openssl x509 -req -in server.csr -CA benchmark-ca.pem -CAkey ca.key -CAcreateserial -days 2 \
        -extfile server.ext -out server.pem 2>/dev/null
)
KIB=$(head -c 1024 /dev/zero | tr '\0' 'x')
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
worker_cpu_affinity 01;
worker_rlimit_nofile 400000;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
$( [[ $(id -u) == 0 ]] && echo "user root;" )
events { worker_connections 200000; multi_accept on; }
http {
    access_log off;
    default_type text/plain;
    keepalive_timeout 300s;
    keepalive_requests 100000000;
    client_body_temp_path $WORK/nginx/client_body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    ssl_certificate $WORK/server.pem;
    ssl_certificate_key $WORK/server.key;
    server {
        listen 127.0.0.1:$PORT;
        location = /2b { return 200 "ok"; }
        location = /1k { return 200 "$KIB"; }
    }
    server {
        listen 127.0.0.1:$((PORT + 1)) ssl;
        ssl_protocols TLSv1.3;
        location = /2b { return 200 "ok"; }
        location = /1k { return 200 "$KIB"; }
    }
    server {
        listen 127.0.0.1:$((PORT + 2)) ssl;
        ssl_protocols TLSv1.2;
        location = /2b { return 200 "ok"; }
        location = /1k { return 200 "$KIB"; }
    }
    server {
        # a new connection and a full handshake for every request
        listen 127.0.0.1:$((PORT + 3)) ssl;
        ssl_protocols TLSv1.3;
        ssl_session_cache off;
        ssl_session_tickets off;
        keepalive_timeout 0;
        location = /2b { return 200 "ok"; }
    }
}
EOF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2> "$WORK/logs/nginx-start.log" \
    || { cat "$WORK/logs/nginx-start.log"; die "nginx did not start (ports $PORT-$((PORT + 3)) in use?)"; }
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/2b" && break; sleep 0.1; done
[[ $(curl -s "http://127.0.0.1:$PORT/2b") == ok ]] || die "nginx does not answer"
[[ $(curl -s --cacert "$WORK/benchmark-ca.pem" "https://127.0.0.1:$((PORT + 1))/1k" | wc -c) == 1024 ]] \
    || die "nginx does not answer over TLS 1.3"
curl -s --cacert "$WORK/benchmark-ca.pem" --tlsv1.2 --tls-max 1.2 -o /dev/null "https://127.0.0.1:$((PORT + 2))/2b" \
    || die "nginx does not answer over TLS 1.2"

url_of() {
    case $1 in
        http-2b) echo "http://127.0.0.1:$PORT/2b" ;;
        http-1k) echo "http://127.0.0.1:$PORT/1k" ;;
        https13-2b) echo "https://127.0.0.1:$((PORT + 1))/2b" ;;
        https13-1k) echo "https://127.0.0.1:$((PORT + 1))/1k" ;;
        https12-2b) echo "https://127.0.0.1:$((PORT + 2))/2b" ;;
        https12-1k) echo "https://127.0.0.1:$((PORT + 2))/1k" ;;
        https13-handshake) echo "https://127.0.0.1:$((PORT + 3))/2b" ;;
        *) die "unknown scenario $1" ;;
    esac
}

# --- generators -------------------------------------------------------------------------------------------------
# Each appends "scenario generator run requests failed cpu_s wall_s" to $RES/throughput.tsv.
PIN=(taskset -c "$GEN_CPU")
TOTAL=$((WARMUP + DURATION + 5))  # the window starts at the first response; a margin for slow starts

record_result() { # scenario generator run logfile
    local line
    if ! line=$(grep '^RESULT ' "$4" | tail -1); then
        # e.g. INVALID: the load ended before the window closed (start-up took the margin): the run is left out.
        log "  $1 $2 #$3: no result, left out: $(grep -m1 -E '^INVALID|Exception|ERROR' "$4" || tail -1 "$4")"
        echo "$1 $2 $3" >> "$RES/invalid.txt"
        return 0
    fi
    local req fail cpu wall
    req=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<< "$line")
    fail=$(sed -n 's/.* failed=\([0-9]*\).*/\1/p' <<< "$line")
    cpu=$(sed -n 's/.* cpu_s=\([0-9.]*\).*/\1/p' <<< "$line")
    wall=$(sed -n 's/.* wall_s=\([0-9.]*\).*/\1/p' <<< "$line")
    [[ "$3" == profile ]] && return 0
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$req" "$fail" "$cpu" "$wall" >> "$RES/throughput.tsv"
    log "  $1 $2 #$3: $req requests, $fail failed, cpu ${cpu}s, wall ${wall}s ($(awk -v r="$req" -v c="$cpu" \
        'BEGIN { printf "%.0f", (c > 0 ? r / c : 0) }') req/CPU-s)"
}

run_wrk() { # scenario run
    local url logf
    url=$(url_of "$1")
    logf="$WORK/logs/$1-wrk-$2.log"
    /usr/bin/time -f 'TIME %e %U %S' "${PIN[@]}" wrk -t1 -c"$VUS" -d"${DURATION}s" --timeout 10s "$url" \
        > "$logf" 2>&1 || true
    # wrk's whole process is the window (it has nothing to warm up; nginx was warmed before the first run).
    local req non2xx errs tline
    req=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$logf")
    non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$logf")
    errs=$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' "$logf" \
        | awk '{ print $1 + $2 + $3 + $4 }')
    tline=$(grep '^TIME ' "$logf" | tail -1)
    [[ -n "$req" && -n "$tline" ]] || { cat "$logf" >&2; die "wrk failed (log: $logf)"; }
    echo "RESULT generator=wrk requests=$req failed=$((${non2xx:-0} + ${errs:-0})) cpu_s=$(awk '{ print $3 + $4 }' <<< "$tline") wall_s=$(awk '{ print $2 }' <<< "$tline")" >> "$logf"
    record_result "$1" wrk "$2" "$logf"
}

run_raw() { # scenario run generator-name [RawLoop args...]
    local scenario=$1 run=$2 name=$3
    shift 3
    local logf="$WORK/logs/$scenario-$name-$run.log"
    (cd "$WORK" && "${PIN[@]}" "$JAVA" ${JVM_EXTRA:-} -cp "$CP" dev.loadtest.benchmarks.RawLoop \
        --url="$(url_of "$scenario")" --ca="$WORK/benchmark-ca.pem" --vus="$VUS" --warmup="$WARMUP" \
        --duration="$DURATION" "$@") > "$logf" 2>&1 || { tail -30 "$logf" >&2; die "raw loop failed ($logf)"; }
    record_result "$scenario" "$name" "$run" "$logf"
}

run_loadtest() { # scenario run generator-name method
    local scenario=$1 run=$2 name=$3 method=$4
    local logf="$WORK/logs/$scenario-$name-$run.log"
    (cd "$WORK" && "${PIN[@]}" "$JAVA" ${JVM_EXTRA:-} -Dbench.url="$(url_of "$scenario")" -Dbench.warmup="$WARMUP" \
        -Dbench.duration="$DURATION" -cp "$CP" org.junit.platform.console.ConsoleLauncher execute \
        --disable-banner --disable-ansi-colors --details=summary --include-classname='.*' \
        --select-method="dev.loadtest.benchmarks.LoadTestGenerator#$method(dev.loadtest.Http)" \
        --config=loadtest.duration="${TOTAL}s" --config=loadtest.reportDir="$WORK/loadtest-reports") \
        > "$logf" 2>&1 || { tail -40 "$logf" >&2; die "@LoadTest generator failed ($logf)"; }
    record_result "$scenario" "$name" "$run" "$logf"
}

run_generator() { # scenario run generator
    case $3 in
        wrk) run_wrk "$1" "$2" ;;
        raw) run_raw "$1" "$2" raw ;;
        raw-clients*) run_raw "$1" "$2" "$3" --clients="${3#raw-clients}" ;;
        raw-direct) run_raw "$1" "$2" "$3" --executor=direct ;;
        raw-direct-timeout*) run_raw "$1" "$2" "$3" --executor=direct --timeout="${3#raw-direct-timeout}" ;;
        raw-virtual) run_raw "$1" "$2" "$3" --executor=virtual ;;
        raw-discard) run_raw "$1" "$2" "$3" --body=discard ;;
        raw-vutimeout*) run_raw "$1" "$2" "$3" --timeout="${3#raw-vutimeout}" --timeout-on=vu ;;
        raw-timeout*) run_raw "$1" "$2" "$3" --timeout="${3#raw-timeout}" ;;
        loadtest) run_loadtest "$1" "$2" loadtest defaults ;;
        loadtest-*) run_loadtest "$1" "$2" "$3" "${3#loadtest-}" ;;
        *) die "unknown generator $3" ;;
    esac
}

warm_server() { # scenario: a short wrk run so that nginx and the kernel are warm before the first generator
    "${PIN[@]}" wrk -t1 -c"$VUS" -d2s "$(url_of "$1")" > /dev/null 2>&1 || true
}

if has_phase throughput; then
    log "throughput: ${SCENARIOS} x (${GENERATORS}) x $RUNS runs, ${WARMUP}s warm-up + ${DURATION}s"
    for s in $SCENARIOS; do
        warm_server "$s"
        for r in $(seq "$RUNS"); do
            for g in $GENERATORS; do run_generator "$s" "$r" "$g"; done
        done
    done
fi

if has_phase variants; then
    log "defaults exploration: ${VARIANT_SCENARIOS} x (raw loadtest ${VARIANTS}) x $VARIANT_RUNS runs"
    for s in $VARIANT_SCENARIOS; do
        for r in $(seq "$VARIANT_RUNS"); do
            for g in raw loadtest $VARIANTS; do run_generator "$s" "v$r" "$g"; done
        done
    done
fi

# --- memory per VU ----------------------------------------------------------------------------------------------
if has_phase memory; then
    log "memory per VU: ${MEMORY_VUS} VUs (per-VU clients up to $PER_VU_MAX)"
    for mode in idle raw shared per-vu; do
        for n in 1 $MEMORY_VUS; do
            if [[ $mode == per-vu ]] && ((n > PER_VU_MAX)); then continue; fi
            if [[ $mode == raw ]] && ((n > RAW_MEMORY_MAX)); then continue; fi
            logf="$WORK/logs/memory-$mode-$n.log"
            (cd "$WORK" && "${PIN[@]}" "$JAVA" -cp "$CP" dev.loadtest.benchmarks.MemoryPerVu --mode="$mode" \
                --vus="$n" --url="$(url_of http-2b)") > "$logf" 2>&1 || { tail -30 "$logf" >&2; die "memory run failed ($logf)"; }
            line=$(grep '^RESULT ' "$logf" | tail -1)
            log "  $line"
            echo "$line" >> "$RES/memory.txt"
        done
    done
fi

# --- recording cost and memory ----------------------------------------------------------------------------------
if has_phase recording; then
    log "recording cost (JMH, -prof gc)"
    (cd "$WORK" && "${PIN[@]}" "$JAVA" -cp "$CP" dev.loadtest.benchmarks.RecordingCost "$RES/recording-cost.tsv") \
        > "$WORK/logs/jmh.log" 2>&1 || { tail -30 "$WORK/logs/jmh.log" >&2; die "JMH failed"; }
    cat "$RES/recording-cost.tsv" >&2
    log "recording memory (10 million requests)"
    "$JAVA" -Xms256m -Xmx256m -XX:+UseSerialGC -cp "$CP" dev.loadtest.benchmarks.RecordingMemoryBenchmark \
        > "$RES/recording-memory.txt" 2>&1 || { cat "$RES/recording-memory.txt" >&2; die "recording memory failed"; }
    cat "$RES/recording-memory.txt" >&2
fi

# --- profiles ---------------------------------------------------------------------------------------------------
profile_no=0
if has_phase profile; then
    for pr in $PROFILES; do
        g=${pr%%:*}
        s=${pr#*:}
        (
            log "profile: $g on $s (JFR, not part of the figures above)"
            jfr="$WORK/$s-$g.jfr"
            (JVM_EXTRA="-XX:StartFlightRecording=filename=$jfr,settings=profile,delay=$((WARMUP + 3))s,duration=$((DURATION > 3 ? DURATION - 2 : 1))s" \
                run_generator "$s" profile "$g") > /dev/null 2>&1 || log "  profile run failed"
            if [[ -f "$jfr" ]]; then
                "$JAVA" -cp "$CP" dev.loadtest.benchmarks.ProfileSummary "$jfr" "$g on $s" \
                    "$RES/profile-$(printf '%02d' "$((++profile_no))")-$s-$g.md" || log "  could not summarise $jfr"
            fi
        )
        profile_no=$((profile_no + 1))
    done
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED=$((SECONDS - T0))

# --- report -----------------------------------------------------------------------------------------------------
cat > "$RES/env.txt" <<EOF
started=$STARTED
elapsed_s=$ELAPSED
load_before=$LOAD_BEFORE
load_after=$LOAD_AFTER
cpus=$(nproc)
cpu_model=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
kernel=$(uname -r)
java=$("$JAVA" -version 2>&1 | head -1)
nginx=$("$NGINX" -v 2>&1 | sed 's/.*nginx\///')
openssl=$(openssl version)
wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)
runs=$RUNS
duration_s=$DURATION
warmup_s=$WARMUP
vus=$VUS
variant_runs=$VARIANT_RUNS
phases=$PHASES
command=bash benchmarks/run.sh
EOF
if [[ "$PHASES" == "throughput variants memory recording profile" ]]; then
    "$JAVA" -cp "$CP" dev.loadtest.benchmarks.BenchmarkReport "$RES" "$OUT"
    log "wrote $OUT in ${ELAPSED}s"
else
    "$JAVA" -cp "$CP" dev.loadtest.benchmarks.BenchmarkReport "$RES" "$WORK/BENCHMARKS.partial.md"
    cat "$WORK/BENCHMARKS.partial.md"
    log "partial run (PHASES=$PHASES): $OUT left as it was; ${ELAPSED}s"
fi
