#!/bin/sh
# Start to UP, alternating `java -jar` and bin/start-holdfast on each JDK given, ROUNDS rounds:
#   benchmarks/scripts/start-to-up.sh /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64
# Seconds from the command until /actuator/health answers UP, each start on an empty embedded store.
# Each JDK's cache is recorded first (bin/start-holdfast --prepare) in a folder of its own.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=$root/app/target/holdfast.jar
work=${WORK:-$root/benchmarks/target/start-to-up}
rounds=${ROUNDS:-3}
mkdir -p "$work"

up() { # port, then the command
  port=$1; shift
  rm -rf "$work/data"
  started=$(date +%s.%N)
  "$@" --server.port="$port" --holdfast.data-dir="$work/data" >"$work/start-$port.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "ended before UP; see $work/start-$port.log" >&2; exit 1; }
    sleep 0.1
  done
  ended=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ended - $started" | bc
}

for jdk in "$@"; do
  HOLDFAST_CDS_DIR="$work/cache-$(basename "$jdk")" JAVA_HOME="$jdk" sh "$root/bin/start-holdfast" --prepare
done
round=1
while [ "$round" -le "$rounds" ]; do
  for jdk in "$@"; do
    name=$(basename "$jdk")
    echo "round $round $name java -jar $(up 18301 "$jdk/bin/java" -jar "$jar")"
    echo "round $round $name bin/start-holdfast $(HOLDFAST_CDS_DIR="$work/cache-$name" JAVA_HOME="$jdk" up 18302 sh "$root/bin/start-holdfast")"
  done
  round=$((round + 1))
done
