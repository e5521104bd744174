#!/usr/bin/env bash
# A local cluster on one machine, for tests and demos: redis-server (Orleans membership), Azurite (Azure Tables) and
# N server processes (Orleans silos with the device hub, the monitoring hub and the APIs), all on 127.0.0.1.
#   infra/start-cluster.sh [hosts] [first-http-port]
#     hosts            default 3
#     first-http-port  default 5081: host i serves http://127.0.0.1:(5081+i), its silo and gateway listen on
#                      11211+i and 30200+i
# Environment: REDIS_PORT (6390), AZURITE_PORT (10012), MONITORING_OPERATOR_KEY (a fixed demo key), CLUSTER_DATA
# (.data/cluster: Azurite data and the logs). Runs in the foreground; Ctrl-C stops every process it started.
# Then, for example: monitoring-sim --server http://127.0.0.1:5081 --server http://127.0.0.1:5082 --server http://127.0.0.1:5083 ...
set -euo pipefail
cd "$(dirname "$0")/.."
hosts="${1:-3}"
first_port="${2:-5081}"
redis_port="${REDIS_PORT:-6390}"
azurite_port="${AZURITE_PORT:-10012}"
data="${CLUSTER_DATA:-.data/cluster}"
key="${MONITORING_OPERATOR_KEY:-$(head -c 18 /dev/urandom | base64 | tr -d "/+=")}"
infra/ensure-prerequisites.sh
mkdir -p "$data"

# Servers stop first (a silo leaving the cluster writes to Redis and Azurite), then Redis and Azurite.
services=(); servers=()
stop() { for pid in "$@"; do kill "$pid" 2>/dev/null || true; done; for pid in "$@"; do wait "$pid" 2>/dev/null || true; done; }
cleanup() { stop "${servers[@]}"; stop "${services[@]}"; }
trap cleanup EXIT
trap "exit 130" INT TERM

dotnet build src/Monitoring.Server -c Release -nologo -v quiet > "$data/build.log" || { cat "$data/build.log"; exit 1; }

# Membership only: nothing in it outlives the cluster, so no persistence. Redis and Azurite run in sessions of their
# own: a terminal's Ctrl-C reaches every process of its group, and both would stop at once, before the servers.
setsid redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no > "$data/redis.log" 2>&1 &
services+=($!)
setsid infra/start-azurite.sh "$data/azurite" "$azurite_port" > "$data/azurite.log" 2>&1 &
services+=($!)

export Monitoring__OperatorKey="$key"
export Monitoring__StorageConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${azurite_port}/devstoreaccount1;"
export Monitoring__Cluster__Provider=Redis
# Every host signs and checks console tokens with the same development key (made up for this run).
export Monitoring__Auth__DevSigningKey="$(head -c 32 /dev/urandom | base64)"
export Monitoring__Cluster__RedisConnectionString="127.0.0.1:${redis_port}"
export Monitoring__Cluster__AdvertisedIPAddress=127.0.0.1
export Monitoring__Cluster__ClusterId=local-cluster
for i in $(seq 0 $((hosts - 1))); do
  Urls="http://127.0.0.1:$((first_port + i))" \
  Monitoring__Cluster__SiloPort=$((11211 + i)) Monitoring__Cluster__GatewayPort=$((30200 + i)) \
    dotnet src/Monitoring.Server/bin/Release/net10.0/Monitoring.Server.dll > "$data/server-$i.log" 2>&1 &
  servers+=($!)
  echo "host $i: pid $! http://127.0.0.1:$((first_port + i)) (log: $data/server-$i.log)"
done
for i in $(seq 0 $((hosts - 1))); do
  url="http://127.0.0.1:$((first_port + i))"
  for _ in $(seq 1 240); do curl -fs "$url/health" > /dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$url/health" > /dev/null || { echo "host $i did not become healthy; see $data/server-$i.log"; exit 1; }
done
echo "cluster of $hosts hosts ready (redis 127.0.0.1:$redis_port, Azurite tables 127.0.0.1:$azurite_port, operator key \"$key\"); Ctrl-C stops it"
wait
