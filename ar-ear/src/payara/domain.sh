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
#   JVM_ROUTE     the node's route, one of several behind a proxy (node1, …): the system
#                 property jvmRoute, which Payara appends to each session id and by which the
#                 outbox names who claimed a message                           default: none
#   COURTESY_ADMIN_PASSWORD_FILE
#                 the admin password of the domain (user "admin") as asadmin reads it, a line
#                 AS_ADMIN_PASSWORD=…, in a file only its owner may read
#                                            default: DOMAIN_DIR/DOMAIN_NAME.admin-password, generated
#   AR_*          passed on to the server (database, demo data, …)
# Every listener binds to 127.0.0.1; the admin interface asks for the admin password; responses
# do not name the server or its version.
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
PASSWORD_FILE=${COURTESY_ADMIN_PASSWORD_FILE:-$DOMAIN_DIR/$DOMAIN_NAME.admin-password}
DOMAIN_XML="$DOMAIN_DIR/$DOMAIN_NAME/config/domain.xml"
# Written into the domain once it has its admin password; a domain without it was created by an
# earlier version of this script with no password at all.
PASSWORD_SET="$DOMAIN_DIR/$DOMAIN_NAME/config/courtesy-admin-password-set"

say() { printf '[courtesy] %s\n' "$*"; }

# asadmin as the domain's admin, with the password file once there is one.
asadmin() {
  local password=()
  [[ -f "$PASSWORD_FILE" ]] && password=(--passwordfile "$PASSWORD_FILE")
  "$PAYARA_HOME/bin/asadmin" --interactive=false --user admin "${password[@]}" "$@"
}

# The admin password file: IT's own (COURTESY_ADMIN_PASSWORD_FILE), or one generated beside the
# domain, readable by its owner only.
admin_password_file() {
  if [[ -n "${COURTESY_ADMIN_PASSWORD_FILE:-}" ]]; then
    [[ -r "$PASSWORD_FILE" ]] || { say "COURTESY_ADMIN_PASSWORD_FILE: cannot read $PASSWORD_FILE"; exit 1; }
  elif [[ ! -f "$PASSWORD_FILE" ]]; then
    mkdir -p "$DOMAIN_DIR"
    say "Generating the admin password of '$DOMAIN_NAME' into $PASSWORD_FILE"
    (
      umask 077
      printf 'AS_ADMIN_PASSWORD=%s\n' "$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" >"$PASSWORD_FILE"
    )
  fi
  if [[ $(stat -c '%a' "$PASSWORD_FILE") != [4-7]00 ]]; then
    say "$PASSWORD_FILE may be read by others: chmod 600 it"
    exit 1
  fi
  grep -q '^AS_ADMIN_PASSWORD=.' "$PASSWORD_FILE" || {
    say "$PASSWORD_FILE holds no line AS_ADMIN_PASSWORD=…"
    exit 1
  }
}

create_domain() {
  [[ -f "$DOMAIN_XML" ]] && return
  say "Creating Payara domain '$DOMAIN_NAME' in $DOMAIN_DIR (HTTP $HTTP_PORT, admin $ADMIN_PORT)"
  local ports=(--adminport "$ADMIN_PORT" --instanceport "$HTTP_PORT")
  [[ -n "${PORT_BASE:-}" ]] && ports=(--portbase "$PORT_BASE")
  asadmin create-domain --domaindir "$DOMAIN_DIR" "${ports[@]}" "$DOMAIN_NAME" >/dev/null
  touch "$PASSWORD_SET"
}

# What every domain gets, applied to the stopped domain on each start, so that a domain created by
# an earlier version of this script gets it too. Each edit finds nothing to change the second time.
configure_domain() {
  # Loopback only: every network listener, IIOP listener and the JMX connector.
  sed -i \
    -e '/<network-listener /{/ address=/!s/<network-listener /&address="127.0.0.1" /}' \
    -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
    "$DOMAIN_XML"
  # The timers are non-persistent and nothing is clustered: no Hazelcast data grid.
  sed -i -e '/<hazelcast-config-specific-configuration/{/ enabled=/!s/<hazelcast-config-specific-configuration/& enabled="false"/}' \
    "$DOMAIN_XML"
  # No messaging is used: no JMS broker. The server's own configuration (server-config) has no
  # jms-service of its own and would start an embedded broker on every interface (port 7676).
  sed -i -e 's|\(<jms-service [^>]*\)type="EMBEDDED"|\1type="DISABLED"|' "$DOMAIN_XML"
  if ! sed -n '/<config name="server-config"/,/<\/config>/p' "$DOMAIN_XML" | grep -q '<jms-service'; then
    sed -i -e 's|^\( *\)<config name="server-config">|&\n\1    <jms-service type="DISABLED" default-jms-host="default_JMS_host" addresslist-behavior="priority"><jms-host host="127.0.0.1" name="default_JMS_host"></jms-host></jms-service>|' \
      "$DOMAIN_XML"
  fi
  # Responses say nothing about the server: no "Server: Payara Server 6…", no "X-Powered-By".
  sed -i -e '/<http /{/ xpowered-by=/!s/<http /&xpowered-by="false" /}' \
    -e '/<http /{/ server-header=/!s/<http /&server-header="false" /}' \
    "$DOMAIN_XML"
  sed -i -e 's|<jvm-options>-Xmx512m</jvm-options>|<jvm-options>-Xmx1g</jvm-options>|' "$DOMAIN_XML"
  # The node's route, in the server's own configuration only, as JVM_ROUTE says on this start.
  sed -i -e '/<jvm-options>-DjvmRoute=/d' "$DOMAIN_XML"
  if [[ -n "${JVM_ROUTE:-}" ]]; then
    sed -i -e '/<config name="server-config"/,/<\/config>/s|^\( *\)<jvm-options>-Xmx1g</jvm-options>|&\n\1<jvm-options>-DjvmRoute='"$JVM_ROUTE"'</jvm-options>|' \
      "$DOMAIN_XML"
  fi
}

# A domain created without an admin password (by an earlier version of this script) gets one now,
# from the password file, while it runs on loopback.
set_admin_password() {
  [[ -f "$PASSWORD_SET" ]] && return
  say "Domain '$DOMAIN_NAME' has no admin password yet: setting the one in $PASSWORD_FILE"
  local change
  change=$(mktemp)
  chmod 600 "$change"
  {
    echo 'AS_ADMIN_PASSWORD='
    sed -n 's/^AS_ADMIN_PASSWORD=/AS_ADMIN_NEWPASSWORD=/p' "$PASSWORD_FILE"
  } >"$change"
  if ! "$PAYARA_HOME/bin/asadmin" --interactive=false --user admin --passwordfile "$change" \
    --port "$ADMIN_PORT" change-admin-password >/dev/null; then
    rm -f "$change"
    say "Could not set the admin password. Recreate the domain: stop it, delete $DOMAIN_DIR/$DOMAIN_NAME"
    exit 1
  fi
  rm -f "$change"
  touch "$PASSWORD_SET"
}

is_running() {
  asadmin list-domains --domaindir "$DOMAIN_DIR" 2>/dev/null | grep -q "^$DOMAIN_NAME running"
}

start_domain() {
  if is_running; then
    say "Domain '$DOMAIN_NAME' is already running"
    return
  fi
  # The EAR about to be deployed replaces the one deployed last time; loading the old one at boot
  # would race the new deployment, so the old one stays unloaded.
  sed -i -e 's|<application-ref ref="courtesy" |<application-ref enabled="false" ref="courtesy" |' "$DOMAIN_XML"
  configure_domain
  say "Starting Payara Server"
  asadmin start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null
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

# A new EAR starts from a clean slate: the one deployed last time is undeployed and what it left
# expanded in applications/ and generated/ is removed. Left there, the old folders are read as the
# new EAR's and the deployment fails ("Could not find sub module [ar-web.war]").
clear_deployed() {
  local deployed
  deployed=$(asadmin --port "$ADMIN_PORT" list-applications)
  if grep -qE '^courtesy[[:space:]]' <<<"$deployed"; then
    asadmin --port "$ADMIN_PORT" undeploy courtesy >/dev/null
  fi
  rm -rf "$DOMAIN_DIR/$DOMAIN_NAME/applications/courtesy" "$DOMAIN_DIR/$DOMAIN_NAME"/generated/*/courtesy
}

deploy() {
  local ear=$1 attempt
  [[ -f "$ear" ]] || { say "No EAR at $ear: build it first"; exit 1; }
  wait_listening
  clear_deployed
  say "Deploying $(basename "$ear")"
  for attempt in 1 2 3; do
    if asadmin --port "$ADMIN_PORT" deploy --force=true --enabled=true --name courtesy "$ear" >/dev/null; then
      return
    fi
    ((attempt == 3)) && { say "Deployment failed three times; see $DOMAIN_DIR/$DOMAIN_NAME/logs/server.log"; exit 1; }
    say "Deployment failed; restarting Payara Server and trying again"
    asadmin stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null
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
    asadmin stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null
  else
    say "Domain '$DOMAIN_NAME' is not running"
  fi
}

case "${1:-}" in
  up)
    admin_password_file
    create_domain
    start_domain
    set_admin_password
    deploy "${2:?usage: domain.sh up EAR}"
    wait_ready
    ;;
  stop) stop_domain ;;
  *)
    echo "usage: domain.sh up EAR | stop" >&2
    exit 2
    ;;
esac
