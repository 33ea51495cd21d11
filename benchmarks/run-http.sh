#!/usr/bin/env bash
# Selftest's HTTP benchmarks, on loopback, side by side in one run (see BENCHMARKS.md for results):
#   health   /selftest/health of the plain sample, the Spring sample (when built) and Selftest's embedded server,
#            against the bare JDK HttpServer (with and without TCP_NODELAY) and Spring Boot Actuator's /actuator/health
#   slow     the same with one health check that takes 200 ms: cached (Selftest) against per request
#   startup  time to the first healthy answer and heap after start: Spring sample with and without the adapter
#            (selftest.enabled=false), plus the plain sample and the Actuator app; size of each published jar
#   adapter  the Spring adapter's start-up cost alone: PAIRS back-to-back starts of the Spring sample with and without
#            it, in alternating order; the median of the paired differences with its 90 % confidence interval; with
#            CDS=1 (the default) each round also starts it from an archive of its classes, as Spring Boot documents
#            it for the JVM in use: class data sharing (CDS), or the AOT cache on Java 25 and later
#   steps    where the adapter's start-up time goes: the main thread's time in each of its beans, from Spring's own
#            start-up steps (BufferingApplicationStartup), over STEPS starts of the Spring sample
#   bridge   the JUnit bridge against the raw Launcher: BRIDGE_PAIRS pairs of one-fork JMH runs of JUnitBenchmark's two
#            methods, back to back in alternating order; the median of the per-pair overhead and its 90 % interval;
#            then BRIDGE_JVMS JVMs of BridgeRounds: both halves in one JVM, BRIDGE_ROUNDS rounds alternating
#   load     issue 9's load test: health and read endpoints of the plain sample under wrk while scheduled runs
#            execute every 2 s; fails when any answer is not 2xx or a socket error occurs
#
# Usage: benchmarks/run-http.sh [all|health|slow|startup|adapter|steps|bridge|load]...      (default: all)
# Settings (environment): ROUNDS=3 DURATION=10s WARMUP=5s CONNECTIONS=16 WRK_THREADS=2 STARTS=5 PAIRS=30 CDS=1 STEPS=10
#                         BRIDGE_PAIRS=24 BRIDGE_JVMS=3 BRIDGE_ROUNDS=300 LOAD_DURATION=20s
#                         PORT_BASE=18080 JAVA=java OUT=benchmarks/target/http
# Every process it starts is stopped by its PID when the script exits.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
WRK_THREADS=${WRK_THREADS:-2}
STARTS=${STARTS:-5}
PAIRS=${PAIRS:-30}
CDS=${CDS:-1}
STEPS=${STEPS:-10}
BRIDGE_PAIRS=${BRIDGE_PAIRS:-24}
BRIDGE_JVMS=${BRIDGE_JVMS:-3}
BRIDGE_ROUNDS=${BRIDGE_ROUNDS:-300}
LOAD_DURATION=${LOAD_DURATION:-20s}
PORT_BASE=${PORT_BASE:-18080}
JAVA=${JAVA:-java}
OUT=${OUT:-benchmarks/target/http}
for setting in ROUNDS CONNECTIONS WRK_THREADS STARTS PAIRS STEPS BRIDGE_PAIRS BRIDGE_JVMS BRIDGE_ROUNDS; do
  [[ ${!setting} =~ ^[1-9][0-9]*$ ]] || { echo "$setting must be a whole number of at least 1, not '${!setting}'" >&2; exit 2; }
done
[[ $CDS == [01] ]] || { echo "CDS must be 0 or 1, not '$CDS'" >&2; exit 2; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)   # absolute: H2 refuses relative database paths
TOKEN=bench-token
SLOW_MILLIS=200

PLAIN_JAR=samples/plain-java/target/orders-plain.jar
SPRING_JAR=samples/spring-boot/target/orders-spring.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
ACTUATOR_JAR=benchmarks/actuator-app/target/actuator-health.jar

PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_all EXIT

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

ensure_tools() {
  if ! command -v wrk >/dev/null; then
    log "installing wrk"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  fi
  command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
}

# Builds what is missing: the samples, the benchmark servers and the Actuator app.
ensure_jars() {
  local modules=samples/plain-java,benchmarks,benchmarks/actuator-app
  [[ -d samples/spring-boot ]] && modules+=,samples/spring-boot
  local jar missing=0
  for jar in "$PLAIN_JAR" "$BENCH_JAR" "$ACTUATOR_JAR"; do [[ -f $jar ]] || missing=1; done
  [[ -d samples/spring-boot && ! -f $SPRING_JAR ]] && missing=1
  if (( missing )); then
    log "building $modules"
    ./mvnw -B -q -pl "$modules" -am package -DskipTests
  fi
}

have_spring_sample() { [[ -f $SPRING_JAR ]]; }

# start NAME COMMAND... : starts a server in the background, its output in $OUT/NAME.log; sets STARTED_PID.
start() {
  local name=$1
  shift
  "$@" >"$OUT/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

# stop PID: stops one process this script started.
stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  local kept=() pid
  for pid in "${PIDS[@]}"; do [[ $pid == "$1" ]] || kept+=("$pid"); done
  PIDS=("${kept[@]}")
}

# The polls of a start being timed start no process: curl and sleep every 20 ms took ~0.9 s of CPU over a 4-second
# start on 2 cores, CPU the JVM being timed then lacked. http_ok talks HTTP through bash's own /dev/tcp, and nap
# sleeps in a read that times out on a FIFO no one writes to.
rm -f "$OUT/.nap" && mkfifo "$OUT/.nap" && exec {NAP_FD}<>"$OUT/.nap" && rm "$OUT/.nap" \
  || { echo "cannot make a FIFO in $OUT" >&2; exit 1; }
nap() { read -r -t "$1" -u "$NAP_FD" _ || true; }

# http_ok HOST PORT PATH: whether a GET of PATH answers 200 within 2 seconds.
http_ok() {
  local fd status=
  { exec {fd}<>"/dev/tcp/$1/$2"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$3" "$1" "$2" >&"$fd"
  read -r -t 2 -u "$fd" _ status _ || true
  exec {fd}>&-
  [[ ${status%$'\r'} == 200 ]]
}

# await_ok PID URL [TIMEOUT_SECONDS]: waits until URL (http://HOST:PORT/PATH) answers 200 (fails if the process dies
# first).
await_ok() {
  local pid=$1 url=$2 deadline=$((SECONDS + ${3:-120}))
  [[ $url =~ ^http://([^/:]+):([0-9]+)(/.*)?$ ]] || { log "not an http://HOST:PORT/PATH URL: $url"; return 2; }
  local host=${BASH_REMATCH[1]} port=${BASH_REMATCH[2]} path=${BASH_REMATCH[3]:-/}
  until http_ok "$host" "$port" "$path"; do
    kill -0 "$pid" 2>/dev/null || { log "process $pid died before $url answered"; return 1; }
    (( SECONDS < deadline )) || { log "$url did not answer 200 in time"; return 1; }
    nap 0.02
  done
}

# warm URL [HEADER]: an unrecorded wrk run, so the JIT has compiled the server's request path before rounds start.
warm() {
  if [[ -n ${2:-} ]]; then
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$2" "$1" >/dev/null
  else
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$1" >/dev/null
  fi
}

# to_ms VALUE: wrk's 1.23ms / 456.78us / 1.02s as milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
    else { sub(/s$/, "", v); printf "%.3f", v * 1000 } }'
}

# load SET NAME ROUND URL [HEADER]: one wrk run; appends "set name round rps p50 p99 errors" to $OUT/results.tsv.
load() {
  local set=$1 name=$2 round=$3 url=$4 header=${5:-} duration=${6:-$DURATION}
  local file="$OUT/wrk-$set-$name-$round.txt"
  if [[ -n $header ]]; then
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" --latency -H "$header" "$url" >"$file"
  else
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$url" >"$file"
  fi
  local rps p50 p99 non2xx socket
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")
  socket=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$file")
  local errors=$(( ${non2xx:-0} + ${socket:-0} ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$set" "$name" "$round" "$rps" "$p50" "$p99" "$errors" >>"$OUT/results.tsv"
  log "$set $name round $round: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
}

# Statistics for the awk programs below, over space-separated lists of numbers: sorted(list, a) sorts them into
# a[1..n] and returns n; median, lowest, highest; quantile(list, f) interpolates between neighbours (f in 0..1).
STATS_AWK='
  function sorted(list, a,    n, i, j, x) { n = split(list, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; j = i - 1; while (j > 0 && a[j] + 0 > x + 0) { a[j + 1] = a[j]; j-- } a[j + 1] = x }
    return n }
  function quantile(list, f,    a, n, k) { n = sorted(list, a); k = 1 + (n - 1) * f
    return k == int(k) ? a[k] : a[int(k)] + (k - int(k)) * (a[int(k) + 1] - a[int(k)]) }
  function median(list) { return quantile(list, 0.5) }
  function lowest(list,    a) { sorted(list, a); return a[1] }
  function highest(list,    a) { return a[sorted(list, a)] }
  # a distribution-free 90 % confidence interval of the median: the order statistics k and n+1-k of the sorted
  # values, k = floor(n/2 - 0.8224 sqrt(n)) (the normal approximation to the sign test), as "LOW HIGH"
  function interval(list,    a, n, k) { n = sorted(list, a); k = int(n / 2 - 0.8224 * sqrt(n)); if (k < 1) k = 1
    return a[k] " " a[n + 1 - k] }
'

# summary SET REFERENCE: a markdown table of medians (min-max) per server, and the median of per-round ratios
# of throughput and p50 to REFERENCE measured in the same round.
summary() {
  local set=$1 reference=$2
  awk -F'\t' -v set="$set" -v ref="$reference" "$STATS_AWK"'
    $1 == set {
      if (!($2 in seen)) { seen[$2] = 1; order[++count] = $2 }
      rps[$2] = rps[$2] " " $4; p50[$2] = p50[$2] " " $5; p99[$2] = p99[$2] " " $6; errors[$2] += $7
      round_rps[$2, $3] = $4; round_p50[$2, $3] = $5; rounds[$3] = 1
    }
    END {
      print "| target | req/s median (min-max) | p50 ms median (min-max) | p99 ms median (min-max) | non-2xx + socket errors | req/s vs " ref " | p50 vs " ref " |"
      print "| --- | --- | --- | --- | --- | --- | --- |"
      for (k = 1; k <= count; k++) {
        s = order[k]; ratios = ""; latency = ""
        for (r in rounds) if ((s, r) in round_rps && (ref, r) in round_rps && round_rps[ref, r] > 0) {
          ratios = ratios " " round_rps[s, r] / round_rps[ref, r]
          if (round_p50[ref, r] > 0) latency = latency " " round_p50[s, r] / round_p50[ref, r]
        }
        printf "| %s | %.0f (%.0f-%.0f) | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %d | %s | %s |\n", s,
          median(rps[s]), lowest(rps[s]), highest(rps[s]), median(p50[s]), lowest(p50[s]), highest(p50[s]),
          median(p99[s]), lowest(p99[s]), highest(p99[s]), errors[s],
          ratios == "" ? "-" : sprintf("%.0f %%", 100 * median(ratios)),
          latency == "" ? "-" : sprintf("%.2fx", median(latency))
      }
    }' "$OUT/results.tsv"
}

java_version() { "$JAVA" -version 2>&1 | head -1; }

# --- health: cached health against the bare JDK server and Actuator -----------------------------------------
health() {
  local plain=$((PORT_BASE + 1)) bare=$((PORT_BASE + 2)) nodelay=$((PORT_BASE + 3)) embedded=$((PORT_BASE + 4))
  local actuator=$((PORT_BASE + 5)) spring=$((PORT_BASE + 6))
  rm -rf "$OUT/plain-data" "$OUT/spring-data"
  log "health: starting servers"
  start plain env PORT=$plain DATA_DIR="$OUT/plain-data" SELFTEST_TOKEN=$TOKEN SELFTEST_RUN_ON_START=false \
    SELFTEST_SCHEDULE_ENABLED=false "$JAVA" -jar "$PLAIN_JAR"
  local plain_pid=$STARTED_PID
  start bare "$JAVA" -cp "$BENCH_JAR" dev.selftest.benchmarks.http.HealthServers bare $bare
  local bare_pid=$STARTED_PID
  start bare-nodelay "$JAVA" -Dsun.net.httpserver.nodelay=true -cp "$BENCH_JAR" \
    dev.selftest.benchmarks.http.HealthServers bare $nodelay
  local nodelay_pid=$STARTED_PID
  start embedded "$JAVA" -cp "$BENCH_JAR" dev.selftest.benchmarks.http.HealthServers selftest $embedded
  local embedded_pid=$STARTED_PID
  start actuator env PORT=$actuator "$JAVA" -jar "$ACTUATOR_JAR"
  local actuator_pid=$STARTED_PID
  local spring_pid=
  if have_spring_sample; then
    start spring env PORT=$spring ORDERS_DATA_DIR="$OUT/spring-data" SELFTEST_TOKEN=$TOKEN "$JAVA" -jar "$SPRING_JAR"
    spring_pid=$STARTED_PID
  fi
  await_ok $plain_pid "http://127.0.0.1:$plain/selftest/health"
  await_ok $bare_pid "http://127.0.0.1:$bare/selftest/health"
  await_ok $nodelay_pid "http://127.0.0.1:$nodelay/selftest/health"
  await_ok $embedded_pid "http://127.0.0.1:$embedded/selftest/health"
  await_ok $actuator_pid "http://127.0.0.1:$actuator/actuator/health"
  [[ -z $spring_pid ]] || await_ok $spring_pid "http://127.0.0.1:$spring/selftest/health"
  log "health: warming up every server for $WARMUP"
  local url
  for url in "http://127.0.0.1:$bare/selftest/health" "http://127.0.0.1:$nodelay/selftest/health" \
      "http://127.0.0.1:$plain/selftest/health" "http://127.0.0.1:$embedded/selftest/health" \
      "http://127.0.0.1:$actuator/actuator/health" ${spring_pid:+"http://127.0.0.1:$spring/selftest/health"}; do
    warm "$url"
  done
  local round
  for round in $(seq 1 "$ROUNDS"); do
    load health bare-jdk $round "http://127.0.0.1:$bare/selftest/health"
    load health bare-jdk-nodelay $round "http://127.0.0.1:$nodelay/selftest/health"
    load health plain-sample $round "http://127.0.0.1:$plain/selftest/health"
    load health selftest-embedded $round "http://127.0.0.1:$embedded/selftest/health"
    load health actuator $round "http://127.0.0.1:$actuator/actuator/health"
    [[ -z $spring_pid ]] || load health spring-sample $round "http://127.0.0.1:$spring/selftest/health"
  done
  for pid in $plain_pid $bare_pid $nodelay_pid $embedded_pid $actuator_pid $spring_pid; do stop "$pid"; done
  summary health bare-jdk-nodelay >"$OUT/health.md"
  cat "$OUT/health.md"
}

# --- slow: one check takes 200 ms -------------------------------------------------------------------------------
slow() {
  local bare=$((PORT_BASE + 11)) embedded=$((PORT_BASE + 12)) actuator=$((PORT_BASE + 13)) fast=$((PORT_BASE + 14))
  log "slow: starting servers with a ${SLOW_MILLIS} ms check (and Selftest's without it, as the reference)"
  start embedded-fast "$JAVA" -cp "$BENCH_JAR" dev.selftest.benchmarks.http.HealthServers selftest $fast
  local fast_pid=$STARTED_PID
  start embedded-slow "$JAVA" -cp "$BENCH_JAR" dev.selftest.benchmarks.http.HealthServers selftest $embedded \
    $SLOW_MILLIS
  local embedded_pid=$STARTED_PID
  start bare-slow "$JAVA" -Dsun.net.httpserver.nodelay=true -cp "$BENCH_JAR" \
    dev.selftest.benchmarks.http.HealthServers bare $bare $SLOW_MILLIS
  local bare_pid=$STARTED_PID
  start actuator-slow env PORT=$actuator SLOW_CHECK_MILLIS=$SLOW_MILLIS "$JAVA" -jar "$ACTUATOR_JAR"
  local actuator_pid=$STARTED_PID
  await_ok $fast_pid "http://127.0.0.1:$fast/selftest/health"
  await_ok $embedded_pid "http://127.0.0.1:$embedded/selftest/health"
  await_ok $bare_pid "http://127.0.0.1:$bare/selftest/health"
  await_ok $actuator_pid "http://127.0.0.1:$actuator/actuator/health"
  log "slow: warming up every server for $WARMUP"
  local url
  for url in "http://127.0.0.1:$fast/selftest/health" "http://127.0.0.1:$embedded/selftest/health" \
      "http://127.0.0.1:$bare/selftest/health" "http://127.0.0.1:$actuator/actuator/health"; do
    warm "$url"
  done
  local round
  for round in $(seq 1 "$ROUNDS"); do
    load slow selftest-embedded-no-slow-check $round "http://127.0.0.1:$fast/selftest/health"
    load slow selftest-embedded-slow-check-cached $round "http://127.0.0.1:$embedded/selftest/health"
    load slow bare-jdk-nodelay-check-per-request $round "http://127.0.0.1:$bare/selftest/health"
    load slow actuator-check-per-request $round "http://127.0.0.1:$actuator/actuator/health"
  done
  for pid in $fast_pid $embedded_pid $bare_pid $actuator_pid; do stop "$pid"; done
  summary slow selftest-embedded-no-slow-check >"$OUT/slow.md"
  cat "$OUT/slow.md"
}

# started_ms LOG: Spring Boot's own "Started X in 6.729 seconds" in milliseconds (the context's start, without JVM
# launch and polling), or - when LOG has none.
started_ms() {
  sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$1" | head -1 | awk '{ printf "%d", $1 * 1000 } END { if (!NR) print "-" }'
}

# timed_start NAME URL COMMAND...: starts a server like start and waits for URL to answer 200; sets STARTED_PID and
# HEALTHY_MS, the milliseconds from launch to that answer.
timed_start() {
  local name=$1 url=$2 before
  shift 2
  before=${EPOCHREALTIME/./}
  start "$name" "$@"
  await_ok "$STARTED_PID" "$url"
  HEALTHY_MS=$(( (${EPOCHREALTIME/./} - before) / 1000 ))
}

# --- startup: time to the first healthy answer, heap after start, jar sizes -------------------------------------
# measure_start NAME URL ENV... -- COMMAND...: one start; appends "name millis heapKiB" to $OUT/startup.tsv.
measure_start() {
  local name=$1 url=$2
  shift 2
  timed_start "startup-$name" "$url" "$@"
  local pid=$STARTED_PID heap
  sleep 1
  jcmd "$pid" GC.run >/dev/null
  heap=$(jcmd "$pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print v; exit } }')
  stop "$pid"
  printf '%s\t%s\t%s\t%s\n' "$name" "$HEALTHY_MS" "$heap" "$(started_ms "$OUT/startup-$name.log")" >>"$OUT/startup.tsv"
  log "start $name: $HEALTHY_MS ms to healthy, heap used after GC ${heap} KiB"
}

startup() {
  local port=$((PORT_BASE + 21)) i
  : >"$OUT/startup.tsv"
  for i in $(seq 1 "$STARTS"); do
    if have_spring_sample; then
      rm -rf "$OUT/spring-data"
      # both without validating health groups: the sample's readiness group names selftest/readiness, which does
      # not exist without the adapter (and the app refuses to start)
      measure_start spring-sample-with-selftest "http://127.0.0.1:$port/actuator/health" env PORT=$port \
        ORDERS_DATA_DIR="$OUT/spring-data" SELFTEST_TOKEN=$TOKEN \
        MANAGEMENT_ENDPOINT_HEALTH_VALIDATE_GROUP_MEMBERSHIP=false "$JAVA" -jar "$SPRING_JAR"
      rm -rf "$OUT/spring-data"
      measure_start spring-sample-without-selftest "http://127.0.0.1:$port/actuator/health" env PORT=$port \
        ORDERS_DATA_DIR="$OUT/spring-data" SELFTEST_ENABLED=false \
        MANAGEMENT_ENDPOINT_HEALTH_VALIDATE_GROUP_MEMBERSHIP=false "$JAVA" -jar "$SPRING_JAR"
    fi
    measure_start actuator-app "http://127.0.0.1:$port/actuator/health" env PORT=$port "$JAVA" -jar "$ACTUATOR_JAR"
    rm -rf "$OUT/plain-data"
    measure_start plain-sample "http://127.0.0.1:$port/selftest/health" env PORT=$port DATA_DIR="$OUT/plain-data" \
      SELFTEST_TOKEN=$TOKEN SELFTEST_RUN_ON_START=false "$JAVA" -jar "$PLAIN_JAR"
  done
  {
    echo "| app | time to first healthy answer, ms median (min-max) | Spring's \"Started in\", ms median (min-max) | heap used after start and a full GC, MiB median (min-max) |"
    echo "| --- | --- | --- | --- |"
    awk -F'\t' "$STATS_AWK"'
      { if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } t[$1] = t[$1] " " $2; h[$1] = h[$1] " " $3
        if ($4 != "-") r[$1] = r[$1] " " $4 }
      END { for (k = 1; k <= count; k++) { s = order[k]
        printf "| %s | %d (%d-%d) | %s | %.1f (%.1f-%.1f) |\n", s, median(t[s]), lowest(t[s]), highest(t[s]),
          r[s] == "" ? "-" : sprintf("%d (%d-%d)", median(r[s]), lowest(r[s]), highest(r[s])),
          median(h[s]) / 1024, lowest(h[s]) / 1024, highest(h[s]) / 1024 } }' "$OUT/startup.tsv"
    echo
    paired_cost "$OUT/startup.tsv" spring-sample-with-selftest spring-sample-without-selftest 2 \
      "The adapter's cost, time to the first healthy answer"
    paired_cost "$OUT/startup.tsv" spring-sample-with-selftest spring-sample-without-selftest 4 \
      "The adapter's cost, Spring's \"Started in\""
  } >"$OUT/startup.md"
  cat "$OUT/startup.md"
  jar_sizes | tee "$OUT/jars.md"
}

# paired_cost FILE WITH WITHOUT COLUMN WHAT: the median of WITH minus WITHOUT, pair by pair (the i-th start of each),
# of a column of FILE (tab-separated, name first), with its quartiles and its 90 % confidence interval. Single starts
# scatter by a few hundred milliseconds; pairs and their median resolve what one start cannot.
paired_cost() {
  awk -F'\t' -v with="$2" -v without="$3" -v col="$4" -v what="$5" "$STATS_AWK"'
    $1 == with && $col != "-" { w[++nw] = $col } $1 == without && $col != "-" { o[++no] = $col }
    END { n = nw < no ? nw : no; if (n == 0) exit
      for (i = 1; i <= n; i++) differences = differences " " (w[i] - o[i])
      split(interval(differences), ci, " ")
      printf "%s: median %+d ms over %d pairs (quartiles %+d to %+d; 90 %% interval %+d to %+d)\n", what,
        median(differences), n, quantile(differences, 0.25), quantile(differences, 0.75), ci[1], ci[2] }' "$1"
}

# --- adapter: the Spring adapter's start-up cost alone, in pairs -----------------------------------------------
# prepare_archive: the Spring sample extracted and an archive of its classes from a training run with the adapter
# on, the way Spring Boot documents it (java -Djarmode=tools extract, a run with spring.context.exit=onRefresh): the
# AOT cache (-XX:AOTCacheOutput) on a JVM that has it (Java 25 and later), class data sharing
# (-XX:ArchiveClassesAtExit) before. Sets ARCHIVE_JAR, ARCHIVE_KIND and ARCHIVE_LAUNCH, the options that start from
# the archive and fail when it cannot be used, rather than measure without it.
prepare_archive() {
  local dir="$OUT/archive" port=$((PORT_BASE + 23)) archive training
  rm -rf "$dir" "$OUT/pair-data" && mkdir -p "$dir"
  "$JAVA" -Djarmode=tools -jar "$SPRING_JAR" extract --destination "$dir/app" >/dev/null
  ARCHIVE_JAR="$dir/app/$(basename "$SPRING_JAR")"
  if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -qw AOTCacheOutput; then
    archive="$dir/app.aot" ARCHIVE_KIND="the AOT cache" training=(-XX:AOTCacheOutput="$archive")
    ARCHIVE_LAUNCH=(-XX:AOTCache="$archive" -XX:AOTMode=on)
  else
    archive="$dir/application.jsa" ARCHIVE_KIND="class data sharing (CDS)"
    training=(-XX:ArchiveClassesAtExit="$archive")
    ARCHIVE_LAUNCH=(-XX:SharedArchiveFile="$archive" -Xshare:on)
  fi
  env PORT=$port ORDERS_DATA_DIR="$OUT/pair-data" SELFTEST_TOKEN=$TOKEN "$JAVA" "${training[@]}" \
    -Dspring.context.exit=onRefresh -jar "$ARCHIVE_JAR" >"$OUT/archive-training.log" 2>&1
  [[ -f $archive ]] || { log "training run for $ARCHIVE_KIND failed: see $OUT/archive-training.log"; return 1; }
}

# measure_pair_start NAME ENV...: one start of the Spring sample (from the extracted jar with the archive when NAME
# starts with archived-); appends "name, ms to the first healthy answer, Spring's Started in (ms), CPU time the
# process used until then (ms)" to $OUT/adapter.tsv.
measure_pair_start() {
  local name=$1 port=$((PORT_BASE + 23)) launch=(-jar "$SPRING_JAR")
  shift
  [[ $name == archived-* ]] && launch=("${ARCHIVE_LAUNCH[@]}" -jar "$ARCHIVE_JAR")
  rm -rf "$OUT/pair-data"
  timed_start "adapter-$name" "http://127.0.0.1:$port/actuator/health" env PORT=$port ORDERS_DATA_DIR="$OUT/pair-data" \
    SELFTEST_TOKEN=$TOKEN MANAGEMENT_ENDPOINT_HEALTH_VALIDATE_GROUP_MEMBERSHIP=false "$@" "$JAVA" "${launch[@]}"
  local pid=$STARTED_PID ticks
  ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  stop "$pid"
  printf '%s\t%d\t%s\t%d\n' "$name" "$HEALTHY_MS" "$(started_ms "$OUT/adapter-$name.log")" \
    $(( ticks * 1000 / $(getconf CLK_TCK) )) >>"$OUT/adapter.tsv"
}

# PAIRS pairs, back to back, the order alternating (with first, then without first) so that neither variant always
# starts on the machine the other one just warmed.
adapter() {
  have_spring_sample || { log "adapter: no Spring sample built"; return 0; }
  : >"$OUT/adapter.tsv"
  local i variant variants=("")
  if (( CDS )); then
    prepare_archive && variants+=(archived-)
  fi
  for i in $(seq 1 "$PAIRS"); do
    for variant in "${variants[@]}"; do
      if (( i % 2 )); then
        measure_pair_start "${variant}with" && measure_pair_start "${variant}without" SELFTEST_ENABLED=false
      else
        measure_pair_start "${variant}without" SELFTEST_ENABLED=false && measure_pair_start "${variant}with"
      fi
    done
    (( i % 10 )) || log "adapter: $i/$PAIRS pairs"
  done
  {
    for variant in "${variants[@]}"; do
      [[ -n $variant ]] && echo && echo "With ${ARCHIVE_KIND}:"
      paired_cost "$OUT/adapter.tsv" "${variant}with" "${variant}without" 2 "time to the first healthy answer"
      paired_cost "$OUT/adapter.tsv" "${variant}with" "${variant}without" 3 "Spring's \"Started in\""
      paired_cost "$OUT/adapter.tsv" "${variant}with" "${variant}without" 4 "CPU time until healthy (all threads)"
    done
  } >"$OUT/adapter.md"
  cat "$OUT/adapter.md"
}

# --- steps: the adapter's beans on the main thread, from Spring's start-up steps ------------------------------
# AdapterStartupSteps runs inside the sample's own jar through Spring Boot's PropertiesLauncher, so classes load
# from the nested jars as in production; it is compiled against the unpacked jar once. Each of the STEPS rounds
# measures a cold start and one after a start without the adapter in the same JVM (see the class's javadoc).
steps() {
  have_spring_sample || { log "steps: no Spring sample built"; return 0; }
  local dir="$OUT/steps" port=$((PORT_BASE + 22)) i mode
  rm -rf "$dir" && mkdir -p "$dir/unpacked" "$dir/classes"
  (cd "$dir/unpacked" && jar xf "$OLDPWD/$SPRING_JAR")
  local main
  main=$(sed -n 's/^Start-Class: *//p' "$dir/unpacked/META-INF/MANIFEST.MF" | tr -d '\r')
  javac -nowarn -cp "$dir/unpacked/BOOT-INF/classes:$dir/unpacked/BOOT-INF/lib/*" -d "$dir/classes" \
    benchmarks/startup-steps/AdapterStartupSteps.java
  : >"$dir/steps.tsv"
  for i in $(seq 1 "$STEPS"); do
    for mode in cold warm; do
      rm -rf "$OUT/spring-data"
      env PORT=$port ORDERS_DATA_DIR="$OUT/spring-data" SELFTEST_TOKEN=$TOKEN "$JAVA" -Dloader.path="$dir/classes" \
        -Dloader.main=AdapterStartupSteps -cp "$SPRING_JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
        "$main" "$mode" 2>/dev/null | awk -F'\t' -v mode=$mode '/^-?[0-9.]+\t/ { print mode "\t" $2 "\t" $1 }' \
        >>"$dir/steps.tsv"
    done
    log "steps $i/$STEPS: $(awk -F'\t' '$2 == "total" { last[$1] = $3 }
      END { printf "the adapter'"'"'s beans took %s ms cold, %s ms warm", last["cold"], last["warm"] }' "$dir/steps.tsv")"
  done
  {
    echo "| the adapter's bean (instantiation, main thread) | cold, ms median (min-max) | after a start without it, ms median (min-max) |"
    echo "| --- | --- | --- |"
    awk -F'\t' "$STATS_AWK"'
      { key = $2; if (!(key in seen)) { seen[key] = 1; keys[++count] = key } v[$1, key] = v[$1, key] " " $3 }
      function cell(list) { return list == "" ? "-" : sprintf("%.1f (%.1f-%.1f)", median(list), lowest(list), highest(list)) }
      END { for (k = 1; k <= count; k++) { key = keys[k]; if (key == "total") continue
          printf "| `%s` | %s | %s |\n", key, cell(v["cold", key]), cell(v["warm", key]) }
        printf "| **total** | **%s** | **%s** |\n", cell(v["cold", "total"]), cell(v["warm", "total"]) }' "$dir/steps.tsv"
  } >"$OUT/steps.md"
  cat "$OUT/steps.md"
}

# --- bridge: the JUnit bridge against the raw Launcher, in pairs of one-fork JMH runs ---------------------------
# A fork's speed differs from fork to fork, and this machine's from minute to minute, by more than the bridge costs;
# so each pair runs the two benchmarks in forks of their own, back to back, the order alternating, and the overhead
# is taken pair by pair. A fork's score is the median of its measured iterations.
bridge() {
  local dir="$OUT/bridge" i method order launcher bridged
  rm -rf "$dir" && mkdir -p "$dir"
  : >"$dir/bridge.tsv"
  for i in $(seq 1 "$BRIDGE_PAIRS"); do
    order="launcherDirectly throughTheBridge"
    (( i % 2 )) || order="throughTheBridge launcherDirectly"
    for method in $order; do
      "$JAVA" -jar "$BENCH_JAR" "JUnitBenchmark\.$method\$" -f 1 >"$dir/$i-$method.log" 2>&1
      if ! grep -q '^Iteration' "$dir/$i-$method.log"; then
        log "bridge FAILED: the $method fork of pair $i measured nothing; see $dir/$i-$method.log"
        return 1
      fi
    done
    launcher=$(iterations_median "$dir/$i-launcherDirectly.log")
    bridged=$(iterations_median "$dir/$i-throughTheBridge.log")
    printf '%d\t%s\t%s\n' "$i" "$launcher" "$bridged" >>"$dir/bridge.tsv"
    log "bridge $i/$BRIDGE_PAIRS: raw Launcher $launcher ms, through the bridge $bridged ms"
  done
  {
    echo "| pair | raw Launcher, ms | through the bridge, ms | bridge overhead |"
    echo "| --- | --- | --- | --- |"
    awk -F'\t' "$STATS_AWK"'
      { overhead = ($3 / $2 - 1) * 100; all = all " " overhead
        printf "| %d | %.2f | %.2f | %+.1f %% |\n", $1, $2, $3, overhead }
      END { split(interval(all), ci, " ")
        printf "\nBridge overhead: median **%+.1f %%** over %d pairs (90 %% interval %+.1f to %+.1f %%; range %+.1f to %+.1f %%)\n",
          median(all), NR, ci[1], ci[2], lowest(all), highest(all) }' "$dir/bridge.tsv"
    bridge_rounds "$dir"
  } >"$OUT/bridge.md"
  cat "$OUT/bridge.md"
}

# bridge_rounds DIR: both halves in one JVM (BridgeRounds), BRIDGE_JVMS JVMs of BRIDGE_ROUNDS rounds each: the same
# compiled code and machine state for both halves of a round, so what is left is what the bridged path adds.
bridge_rounds() {
  local dir=$1 jvm
  : >"$dir/rounds.tsv"
  for jvm in $(seq 1 "$BRIDGE_JVMS"); do
    log "bridge: JVM $jvm/$BRIDGE_JVMS, $BRIDGE_ROUNDS rounds of both halves"
    if ! "$JAVA" -cp "$BENCH_JAR" dev.selftest.benchmarks.BridgeRounds "$BRIDGE_ROUNDS" >"$dir/rounds-$jvm.tsv" \
        2>"$dir/rounds-$jvm.log"; then
      log "bridge FAILED: BridgeRounds in JVM $jvm stopped; see $dir/rounds-$jvm.log"
      return 1
    fi
    awk -v jvm="$jvm" '{ print jvm "\t" $0 }' "$dir/rounds-$jvm.tsv" >>"$dir/rounds.tsv"
  done
  echo
  echo "| JVM | raw Launcher, ms (median of $BRIDGE_ROUNDS rounds) | through the bridge, ms | bridge overhead, median of the rounds (90 % interval) |"
  echo "| --- | --- | --- | --- |"
  awk -F'\t' "$STATS_AWK"'
    { if (!($1 in raw)) order[++count] = $1
      raw[$1] = raw[$1] " " $2; bridged[$1] = bridged[$1] " " $3; overhead[$1] = overhead[$1] " " ($3 / $2 - 1) * 100 }
    END { for (k = 1; k <= count; k++) { j = order[k]; split(interval(overhead[j]), ci, " "); m = median(overhead[j])
        medians = medians " " m
        printf "| %d | %.2f | %.2f | %+.1f %% (%+.1f to %+.1f %%) |\n", j, median(raw[j]), median(bridged[j]), m, ci[1], ci[2] }
      printf "\nIn one JVM, alternating: bridge overhead **%+.1f %%** (median of the %d JVMs'"'"' medians; range %+.1f to %+.1f %%)\n",
        median(medians), count, lowest(medians), highest(medians) }' "$dir/rounds.tsv"
}

# iterations_median LOG: the median of the measured iterations in a JMH run's output ("Iteration   3: 22.1 ms/op").
iterations_median() {
  awk "$STATS_AWK"'/^Iteration/ { all = all " " $3 } END { printf "%.2f", median(all) }' "$1"
}

# The published modules (every jar module whose pom does not skip deploy) and the size of each jar they build.
jar_sizes() {
  local pom dirs=()
  for pom in */pom.xml */*/pom.xml; do
    grep -q '<maven.deploy.skip>true' "$pom" && continue
    grep -q '<packaging>pom' "$pom" && continue
    dirs+=("$(dirname "$pom")")
  done
  local missing=0 dir
  for dir in "${dirs[@]}"; do ls "$dir"/target/*.jar >/dev/null 2>&1 || missing=1; done
  if (( missing )); then
    ./mvnw -B -q -pl "$(IFS=,; echo "${dirs[*]}")" -am package -DskipTests >&2
  fi
  echo "| published jar | size (KiB) |"
  echo "| --- | --- |"
  local jar
  for dir in "${dirs[@]}"; do
    for jar in "$dir"/target/*.jar; do
      [[ $jar == *sources* || $jar == *javadoc* || $jar == *-tests.jar || $(basename "$jar") == original-* ]] && continue
      printf '| %s/%s | %d |\n' "$dir" "$(basename "$jar")" $(( $(stat -c %s "$jar") / 1024 ))
    done
  done
}

# scheduled_runs BASE AUTH: "finished passed" scheduled runs so far, from the Prometheus counter selftest_runs_total.
scheduled_runs() {
  curl -s -H "$2" "$1/metrics" | awk '/^selftest_runs_total\{/ && /trigger="schedule"/ {
      total += $NF; if ($0 ~ /status="passed"/) passed += $NF }
    END { printf "%d %d\n", total, passed }'
}

# --- load: issue 9, reads and probes while scheduled runs execute --------------------------------------------
load_test() {
  local port=$((PORT_BASE + 31))
  rm -rf "$OUT/load-data"
  log "load: plain sample with a scheduled run every 2 s"
  start load-plain env PORT=$port DATA_DIR="$OUT/load-data" SELFTEST_TOKEN=$TOKEN SELFTEST_RUN_ON_START=false \
    SELFTEST_SCHEDULE_ENABLED=true SELFTEST_SCHEDULE_INTERVAL=2s SELFTEST_SCHEDULE_JITTER=0s \
    SELFTEST_SCHEDULE_INITIAL_DELAY=0s "$JAVA" -jar "$PLAIN_JAR"
  local pid=$STARTED_PID base="http://127.0.0.1:$port/selftest"
  await_ok "$pid" "$base/health/ready"
  local auth="Authorization: Bearer $TOKEN"
  warm "$base/health/ready"
  warm "$base/scenarios" "$auth"
  warm "$base/runs" "$auth"
  local before after
  before=$(scheduled_runs "$base" "$auth")
  load load health-ready 1 "$base/health/ready" "" "$LOAD_DURATION"
  load load scenarios 1 "$base/scenarios" "$auth" "$LOAD_DURATION"
  load load runs 1 "$base/runs" "$auth" "$LOAD_DURATION"
  after=$(scheduled_runs "$base" "$auth")
  stop "$pid"
  local finished=$(( ${after% *} - ${before% *} )) passed=$(( ${after#* } - ${before#* } ))
  {
    summary load health-ready
    echo
    echo "Scheduled runs finished during the load (from selftest_runs_total): $finished, of which $passed passed."
  } >"$OUT/load.md"
  cat "$OUT/load.md"
  local errors
  errors=$(awk -F'\t' '$1 == "load" { sum += $7 } END { print sum + 0 }' "$OUT/results.tsv")
  if (( errors > 0 )); then
    log "load test FAILED: $errors answers were not 2xx or hit socket errors"
    return 1
  fi
  if (( finished == 0 )); then
    log "load test FAILED: no scheduled run finished during the load"
    return 1
  fi
  log "load test passed: no errors, scheduled runs kept running"
}

main() {
  local parts=("$@")
  local every=(health slow startup adapter steps bridge load)
  (( ${#parts[@]} )) && [[ ${parts[0]} != all ]] || parts=("${every[@]}")
  local part
  for part in "${parts[@]}"; do   # every part named is checked before any runs
    [[ " ${every[*]} " == *" $part "* ]] || { echo "unknown part '$part': all or any of: ${every[*]}" >&2; exit 2; }
  done
  mkdir -p "$OUT"
  : >"$OUT/results.tsv"
  ensure_tools
  ensure_jars
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java_version)"
    echo "wrk: -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS rounds"
  } | tee "$OUT/environment.txt"
  for part in "${parts[@]}"; do
    if [[ $part == load ]]; then load_test; else "$part"; fi   # each other part is the function of its name
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/environment.txt"
}

main "$@"
