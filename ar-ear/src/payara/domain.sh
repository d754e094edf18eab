#!/usr/bin/env bash
# Provisions, starts, deploys to and stops a local Payara Server domain for Courtesy.
# Used by the quick start (./courtesy) and by the system tests (ar-ear, integration-test phase).
#
#   domain.sh up EAR     create the domain if missing, start it, deploy EAR, wait until ready
#   domain.sh stop       stop the domain if it runs
#
# Environment:
#   PAYARA_HOME   the unpacked Payara Server (…/payara6)                      required
#   DOMAIN_DIR    folder that holds the domain                                required
#   DOMAIN_NAME   domain name                                                  default: courtesy
#   PORT_BASE     port base for every listener (HTTP = base+80, admin = +48)   or:
#   HTTP_PORT / ADMIN_PORT                                                     default: 8080 / 4848
#   READY_TIMEOUT seconds to wait for /health/ready                            default: 240
#   AR_*          passed on to the server (database, demo data, …)
# Every listener binds to 127.0.0.1.
set -euo pipefail

: "${PAYARA_HOME:?set PAYARA_HOME to the unpacked payara6 folder}"
: "${DOMAIN_DIR:?set DOMAIN_DIR to the folder for the domain}"
DOMAIN_NAME=${DOMAIN_NAME:-courtesy}
READY_TIMEOUT=${READY_TIMEOUT:-240}
if [[ -n "${PORT_BASE:-}" ]]; then
  HTTP_PORT=$((PORT_BASE + 80))
  ADMIN_PORT=$((PORT_BASE + 48))
else
  HTTP_PORT=${HTTP_PORT:-8080}
  ADMIN_PORT=${ADMIN_PORT:-4848}
fi
ASADMIN=("$PAYARA_HOME/bin/asadmin" --interactive=false)
DOMAIN_XML="$DOMAIN_DIR/$DOMAIN_NAME/config/domain.xml"

say() { printf '[courtesy] %s\n' "$*"; }

create_domain() {
  [[ -f "$DOMAIN_XML" ]] && return
  say "Creating Payara domain '$DOMAIN_NAME' in $DOMAIN_DIR (HTTP $HTTP_PORT, admin $ADMIN_PORT)"
  local ports=(--adminport "$ADMIN_PORT" --instanceport "$HTTP_PORT")
  [[ -n "${PORT_BASE:-}" ]] && ports=(--portbase "$PORT_BASE")
  "${ASADMIN[@]}" create-domain --nopassword --domaindir "$DOMAIN_DIR" "${ports[@]}" "$DOMAIN_NAME" >/dev/null
  # Loopback only: every network listener, IIOP listener and the JMX connector.
  sed -i \
    -e 's/<network-listener port=/<network-listener address="127.0.0.1" port=/g' \
    -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
    "$DOMAIN_XML"
  # The timers are non-persistent and nothing is clustered: no Hazelcast data grid.
  sed -i -e 's|<hazelcast-config-specific-configuration>|<hazelcast-config-specific-configuration enabled="false">|' \
    -e 's|<hazelcast-config-specific-configuration config-specific-data-grid-start-port|<hazelcast-config-specific-configuration enabled="false" config-specific-data-grid-start-port|' \
    "$DOMAIN_XML"
  # No messaging is used: no JMS broker listening on 7676.
  sed -i -e 's|\(<jms-service [^>]*\)type="EMBEDDED"|\1type="DISABLED"|' "$DOMAIN_XML"
  sed -i -e 's|<jvm-options>-Xmx512m</jvm-options>|<jvm-options>-Xmx1g</jvm-options>|' "$DOMAIN_XML"
}

is_running() {
  "${ASADMIN[@]}" list-domains --domaindir "$DOMAIN_DIR" 2>/dev/null | grep -q "^$DOMAIN_NAME running"
}

start_domain() {
  if is_running; then
    say "Domain '$DOMAIN_NAME' is already running"
    return
  fi
  # The EAR about to be deployed replaces the one deployed last time; loading the old one at boot
  # would race the new deployment, so the old one stays unloaded.
  sed -i -e 's|<application-ref ref="courtesy" |<application-ref enabled="false" ref="courtesy" |' "$DOMAIN_XML"
  say "Starting Payara Server"
  "${ASADMIN[@]}" start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null
}

# start-domain returns while the server still starts its services; a deployment that overlaps
# them can fail ("Cannot create scratch directory"). The HTTP listener answers only once they are
# up, so deploy after it answers. A deployment that fails all the same leaves its name taken until
# the server restarts, so the domain restarts before the next of three attempts.
wait_listening() {
  local deadline=$((SECONDS + READY_TIMEOUT))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/" 2>/dev/null) != 000 ]]; do
    ((SECONDS > deadline)) && { say "Payara Server does not answer on port $HTTP_PORT"; exit 1; }
    sleep 1
  done
}

deploy() {
  local ear=$1 attempt
  [[ -f "$ear" ]] || { say "No EAR at $ear: build it first"; exit 1; }
  wait_listening
  say "Deploying $(basename "$ear")"
  for attempt in 1 2 3; do
    if "${ASADMIN[@]}" --port "$ADMIN_PORT" deploy --force=true --enabled=true --name courtesy "$ear" >/dev/null; then
      return
    fi
    ((attempt == 3)) && { say "Deployment failed three times; see $DOMAIN_DIR/$DOMAIN_NAME/logs/server.log"; exit 1; }
    say "Deployment failed; restarting Payara Server and trying again"
    "${ASADMIN[@]}" stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null
    start_domain
    wait_listening
  done
}

wait_ready() {
  local url="http://127.0.0.1:$HTTP_PORT/health/ready" deadline=$((SECONDS + READY_TIMEOUT))
  say "Waiting for $url"
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      say "Not ready after ${READY_TIMEOUT}s. Health says:"
      curl -sS "$url" || true
      echo
      say "Server log: $DOMAIN_DIR/$DOMAIN_NAME/logs/server.log"
      exit 1
    fi
    sleep 1
  done
}

stop_domain() {
  if is_running; then
    say "Stopping Payara Server"
    "${ASADMIN[@]}" stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null
  else
    say "Domain '$DOMAIN_NAME' is not running"
  fi
}

case "${1:-}" in
  up)
    create_domain
    start_domain
    deploy "${2:?usage: domain.sh up EAR}"
    wait_ready
    ;;
  stop) stop_domain ;;
  *)
    echo "usage: domain.sh up EAR | stop" >&2
    exit 2
    ;;
esac
