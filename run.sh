#!/usr/bin/env bash
# The main job: the monitoring cloud on this machine with a demo fleet.
#   1. Azurite (Azure Tables emulator, pinned in infra/azurite) on 127.0.0.1:10002, data kept under .data/azurite;
#   2. the server (Orleans silo, device and monitoring hubs, APIs) on http://127.0.0.1:5080;
#   3. the device simulator: provisions a demo centre, devices and patients through the operator API, then streams
#      shared PhysioNet records in real time, as wearable patches would.
# Stop with Ctrl-C: everything it started is stopped. Environment: DEMO_DEVICES (default 12), MONITORING_PORT (5080),
# AZURITE_PORT (10002), MONITORING_OPERATOR_KEY and MONITORING_CONSOLE_PASSWORD (made up at random for each run
# when not set, and printed below: no secret lives in the repository).
set -euo pipefail
cd "$(dirname "$0")"
infra/ensure-prerequisites.sh

port="${MONITORING_PORT:-5080}"
azurite_port="${AZURITE_PORT:-10002}"
devices="${DEMO_DEVICES:-12}"
export Monitoring__OperatorKey="${MONITORING_OPERATOR_KEY:-$(head -c 18 /dev/urandom | base64 | tr -d "/+=")}"
export Monitoring__StorageConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${azurite_port}/devstoreaccount1;"
export Urls="http://127.0.0.1:${port}"
mkdir -p .data

pids=()
# Stops what was started in reverse order, each before the next: the simulator, then the server while Azurite is
# still there to take what it writes as it shuts down, then Azurite.
cleanup() { for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; wait "${pids[i]}" 2>/dev/null || true; done; }
# Stopping the script (Ctrl-C, or SIGTERM from a service manager or `timeout`) stops everything it started. The
# simulator runs in the background and the script waits for it, since bash handles a signal only once the
# foreground command has finished; `exit` then runs the EXIT trap.
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

dotnet build src/Monitoring.Server -c Release -nologo -v quiet
dotnet build loadtests/Monitoring.Simulator -c Release -nologo -v quiet

# In a session of its own: a terminal's Ctrl-C reaches every process of its group, and Node would stop Azurite at once,
# before the server could write what it holds; the EXIT trap stops it last.
setsid infra/start-azurite.sh .data/azurite "$azurite_port" > .data/azurite.log 2>&1 &
pids+=($!)
dotnet src/Monitoring.Server/bin/Release/net10.0/Monitoring.Server.dll > .data/server.log 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:${port}/health" > /dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:${port}/health" > /dev/null || { echo "The server did not become healthy; see .data/server.log"; exit 1; }

# A physician of the simulator's monitoring desk for the web console (the sample network is loaded at start).
console_password="${MONITORING_CONSOLE_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d "/+=")}"
for _ in $(seq 1 20); do
  curl -fs -X POST "http://127.0.0.1:${port}/api/users" -H "Authorization: Bearer $Monitoring__OperatorKey" -H "Content-Type: application/json" \
    -d "{\"userId\":\"demo-physician\",\"displayName\":\"Demo physician\",\"role\":\"Physician\",\"centreId\":\"centre-hetang\",\"password\":\"${console_password}\"}" \
    > /dev/null && break
  sleep 0.5
done

cat <<INFO
Monitoring cloud running:
  server            http://127.0.0.1:${port}   (log: .data/server.log)
  web console       http://127.0.0.1:${port}/   (sign in: demo-physician / ${console_password})
  device hub        http://127.0.0.1:${port}/hubs/device       (SignalR, MessagePack; bearer "deviceId:secret")
  monitoring hub    http://127.0.0.1:${port}/hubs/monitoring   (SignalR, JSON or MessagePack; bearer JWT of a signed-in clinician)
  operator API      http://127.0.0.1:${port}/api               (bearer ${Monitoring__OperatorKey})
  health, metrics   http://127.0.0.1:${port}/health   http://127.0.0.1:${port}/metrics
  Azurite tables    127.0.0.1:${azurite_port}   (data: .data/azurite)
Streaming ${devices} simulated patches (the centre's console token is printed below); Ctrl-C stops everything.
INFO
dotnet loadtests/Monitoring.Simulator/bin/Release/net10.0/monitoring-sim.dll \
  --server "http://127.0.0.1:${port}" --operator-key "$Monitoring__OperatorKey" --provision --devices "$devices" &
pids+=($!)
wait $!
