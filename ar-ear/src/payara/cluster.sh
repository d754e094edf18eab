#!/usr/bin/env bash
# Several Courtesy nodes on one machine, as IT runs them on several: Payara Server domains of the
# same EAR on one PostgreSQL database, behind nginx, which keeps each session on its node. For
# tests and demonstrations (./courtesy cluster, ./courtesy faults); README "Deploying to your own
# Payara Server" says how the same is set up by hand.
#
#   cluster.sh up EAR        create and start every node, one after the other, then the proxy
#                            (the first node on an empty database creates the first accounts
#                            and the demo book; two nodes doing that at once collide on a
#                            unique key, and one deployment fails)
#   cluster.sh down          stop the proxy and every node
#   cluster.sh status        what runs, and what each node and the proxy answer
#   cluster.sh kill N        kill -9 node N, as a machine that dies
#   cluster.sh stop N        stop node N
#   cluster.sh start N EAR   start node N again (deploys EAR, waits until ready)
#
# Environment:
#   PAYARA_HOME, DOMAIN_DIR  as for domain.sh                                     required
#   CLUSTER_NAME   node N is the domain CLUSTER_NAME-nodeN, route nodeN           default: courtesy-cluster
#   CLUSTER_PORT   the proxy's port; node N's port base is CLUSTER_PORT-80+100·N
#                  (HTTP +80, admin +48: 24180 and 24148 for node 1)          default: 24080
#   NODES          how many nodes                                                 default: 2
#   AR_DB_URL, AR_DB_USER, AR_DB_PASSWORD
#                  the PostgreSQL database the nodes share                        required
#   AR_*           passed on to every node
# Everything binds to 127.0.0.1. The proxy's files (configuration, logs, pid) are in
# DOMAIN_DIR/CLUSTER_NAME-proxy.
set -euo pipefail

: "${PAYARA_HOME:?set PAYARA_HOME to the unpacked payara6 folder}"
: "${DOMAIN_DIR:?set DOMAIN_DIR to the folder for the domains}"
CLUSTER_NAME=${CLUSTER_NAME:-courtesy-cluster}
CLUSTER_PORT=${CLUSTER_PORT:-24080}
NODES=${NODES:-2}
PROXY_DIR=$DOMAIN_DIR/$CLUSTER_NAME-proxy
DOMAIN_SH=$(dirname "$0")/domain.sh

say() { printf '[courtesy] %s\n' "$*"; }

node_base() { echo $((CLUSTER_PORT - 80 + 100 * $1)); }
node_http() { echo $(($(node_base "$1") + 80)); }

node_number() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && (($1 >= 1 && $1 <= NODES)) || {
    say "No node '${1:-}': the nodes are 1 to $NODES"
    exit 2
  }
}

# domain.sh for node N: its domain, ports and route.
domain() {
  local n=$1
  shift
  DOMAIN_NAME=$CLUSTER_NAME-node$n PORT_BASE=$(node_base "$n") JVM_ROUTE=node$n \
    bash "$DOMAIN_SH" "$@"
}

# The nodes share one database; each would otherwise keep its own embedded one.
require_shared_database() {
  [[ "${AR_DB_URL:-}" == jdbc:postgresql:* ]] || {
    say "Set AR_DB_URL (and AR_DB_USER, AR_DB_PASSWORD) to the PostgreSQL database the nodes share"
    exit 1
  }
}

# The pid of node N's server while it lives (a killed one may linger as a zombie, unreaped).
node_pid() {
  local pid_file=$DOMAIN_DIR/$CLUSTER_NAME-node$1/config/pid
  [[ -f "$pid_file" ]] && alive "$(cat "$pid_file")" && cat "$pid_file"
}

alive() { [[ -n "$(ps -o stat= -p "$1" 2>/dev/null | grep -v '^Z')" ]]; }

# nginx as the load balancer: a session goes back to the node whose route ends its id
# (JSESSIONID=….node2), to another node when that one is down (the person signs in again there);
# a request without a session goes to any node.
write_proxy_config() {
  local n servers='' routes='' pinned=''
  for ((n = 1; n <= NODES; n++)); do
    servers+="    server 127.0.0.1:$(node_http "$n") max_fails=1 fail_timeout=5s;"$'\n'
    routes+="    ~\\.node$n\$ node$n;"$'\n'
    pinned+="  upstream node$n {"$'\n'"    server 127.0.0.1:$(node_http "$n");"$'\n'
    local other
    for ((other = 1; other <= NODES; other++)); do
      ((other == n)) || pinned+="    server 127.0.0.1:$(node_http "$other") backup;"$'\n'
    done
    pinned+="  }"$'\n'
  done
  mkdir -p "$PROXY_DIR"
  cat >"$PROXY_DIR/nginx.conf" <<CONF
# Written by cluster.sh; rewritten on every start.
worker_processes 1;
pid $PROXY_DIR/nginx.pid;
error_log $PROXY_DIR/error.log;
events { worker_connections 512; }
http {
  log_format nodes '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent'
                   ' node \$upstream_addr \$request_time s';
  access_log $PROXY_DIR/access.log nodes;
  client_body_temp_path $PROXY_DIR/temp;
  proxy_temp_path $PROXY_DIR/temp;
  fastcgi_temp_path $PROXY_DIR/temp;
  uwsgi_temp_path $PROXY_DIR/temp;
  scgi_temp_path $PROXY_DIR/temp;
  # Imports upload up to 50 MiB; a dunning run of a big book answers after minutes.
  client_max_body_size 60m;
  proxy_read_timeout 600s;
  map \$cookie_JSESSIONID \$node {
$routes    default courtesy;
  }
  upstream courtesy {
$servers  }
$pinned  server {
    listen 127.0.0.1:$CLUSTER_PORT;
    location / {
      proxy_pass http://\$node;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # Payara drops SameSite from a session cookie that carries a route; the proxy adds it back.
      proxy_cookie_flags JSESSIONID httponly samesite=lax;
    }
  }
}
CONF
}

proxy_pid() {
  [[ -f "$PROXY_DIR/nginx.pid" ]] && alive "$(cat "$PROXY_DIR/nginx.pid")" && cat "$PROXY_DIR/nginx.pid"
}

start_proxy() {
  command -v nginx >/dev/null || {
    say "nginx is not installed: apt-get install -y nginx-light"
    exit 1
  }
  write_proxy_config
  if proxy_pid >/dev/null; then
    nginx -p "$PROXY_DIR" -c "$PROXY_DIR/nginx.conf" -e "$PROXY_DIR/error.log" -s reload
  else
    say "Starting nginx on 127.0.0.1:$CLUSTER_PORT"
    nginx -p "$PROXY_DIR" -c "$PROXY_DIR/nginx.conf" -e "$PROXY_DIR/error.log"
  fi
}

stop_proxy() {
  if proxy_pid >/dev/null; then
    say "Stopping nginx"
    nginx -p "$PROXY_DIR" -c "$PROXY_DIR/nginx.conf" -e "$PROXY_DIR/error.log" -s quit
  fi
}

answer() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true; }

status() {
  local n pid
  for ((n = 1; n <= NODES; n++)); do
    if pid=$(node_pid "$n"); then
      say "node$n: running (pid $pid), http://127.0.0.1:$(node_http "$n")/health/ready answers $(answer "http://127.0.0.1:$(node_http "$n")/health/ready")"
    else
      say "node$n: not running"
    fi
  done
  if pid=$(proxy_pid); then
    say "proxy: running (pid $pid), http://127.0.0.1:$CLUSTER_PORT/login.xhtml answers $(answer "http://127.0.0.1:$CLUSTER_PORT/login.xhtml")"
  else
    say "proxy: not running"
  fi
}

case "${1:-}" in
  up)
    ear=${2:?usage: cluster.sh up EAR}
    require_shared_database
    for ((n = 1; n <= NODES; n++)); do
      say "Node $n of $NODES"
      domain "$n" up "$ear"
    done
    start_proxy
    say "Courtesy runs on $NODES nodes behind http://127.0.0.1:$CLUSTER_PORT/"
    ;;
  down)
    stop_proxy
    for ((n = 1; n <= NODES; n++)); do
      domain "$n" stop
    done
    ;;
  status) status ;;
  kill)
    node_number "${2:-}"
    if pid=$(node_pid "$2"); then
      say "Killing node$2 (kill -9 $pid)"
      kill -9 "$pid"
      while alive "$pid"; do sleep 0.1; done
    else
      say "node$2 is not running"
    fi
    ;;
  stop)
    node_number "${2:-}"
    domain "$2" stop
    ;;
  start)
    node_number "${2:-}"
    require_shared_database
    domain "$2" up "${3:?usage: cluster.sh start N EAR}"
    ;;
  *)
    echo "usage: cluster.sh up EAR | down | status | kill N | stop N | start N EAR" >&2
    exit 2
    ;;
esac
