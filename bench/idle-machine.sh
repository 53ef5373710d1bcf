# Sourced by the benchmark scripts: wait until the machine is idle before measuring.
# Uses IDLE_TRIES (attempts, 30 s apart) and IDLE_LOAD (largest acceptable 1-minute load) from the caller.

load1() { cut -d' ' -f1 /proc/loadavg; }

# Percentage of CPU time not idle over the next 2 seconds, all CPUs together.
cpu_busy() {
  local a b
  a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
  local idle=$(( (b[4]+b[5]) - (a[4]+a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

wait_for_idle() {
  local try busy load
  for ((try = 1; try <= IDLE_TRIES; try++)); do
    busy=$(cpu_busy); load=$(load1)
    if awk -v l="$load" -v m="$IDLE_LOAD" -v b="$busy" 'BEGIN { exit !(l <= m && b <= 15) }'; then
      echo "load=$load cpu=${busy}%"; return
    fi
    echo "  waiting for an idle machine (load $load, cpu ${busy}%), try $try/$IDLE_TRIES" >&2
    sleep 30
  done
  echo "load=$(load1) cpu=$(cpu_busy)% NOT-IDLE"
}
