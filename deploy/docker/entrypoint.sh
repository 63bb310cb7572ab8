#!/bin/sh
# Starts a service in its container. Eureka callers reach an instance at the address it registers, and the
# application's default (127.0.0.1, right for the local stack) would point every caller at itself. Kubernetes sets
# EUREKA_INSTANCE_IP to the pod IP; anywhere else (docker compose) the container's own IPv4 address is used.
set -eu

if [ -z "${EUREKA_INSTANCE_IP:-}" ]; then
  container_ip="$(hostname -i | tr ' ' '\n' | grep -m 1 -E '^[0-9]+(\.[0-9]+){3}$' || true)"
  if [ -n "$container_ip" ]; then
    export EUREKA_INSTANCE_IP="$container_ip"
  fi
fi

# Replicas of a service share its port, so the instance id name:port would make them overwrite each other in Eureka:
# the id becomes name:INSTANCE_NAME. Kubernetes sets INSTANCE_NAME to the pod's name; anywhere else the container's
# hostname (under docker compose its container id, unique per replica) is used.
if [ -z "${INSTANCE_NAME:-}" ]; then
  export INSTANCE_NAME="$(hostname)"
fi

# exec: the JVM becomes PID 1 and receives SIGTERM itself, so Spring's graceful shutdown runs
exec java -jar /app/application.jar "$@"
