# The bash side of imb's resident server (cli/.../server/ImbServer.java), sourced by bin/imb.
# No JVM starts for a served command when a server for this working directory, build and locale
# is up: bash sends the arguments over the loopback and prints the answer.

# imb_served ARGS...: whether ARGS is a command the server runs.
imb_served() {
  case "${1:-}" in
    inspect | evaluate) ;;
    --version | -V) [ $# -eq 1 ] || return 1 ;;
    *) return 1 ;;
  esac
  local a
  for a in "$@"; do
    case "$a" in - | /dev/*) return 1 ;; esac
  done
}

# imb_client STATE ARGS...: runs ARGS on the server STATE names. Returns 0 with the exit code in
# IMB_CLIENT_RC when the server ran it; 1 when there is no server or it declined, and then nothing
# has been printed.
imb_client() {
  local state="$1"
  shift
  [ -f "$state" ] || return 1
  local port token pid
  { read -r port token pid <"$state"; } 2>/dev/null || return 1
  [[ "$port" =~ ^[0-9]+$ ]] || return 1
  { exec 9<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'imb1\0%s\0%s\0%s\0' "$token" "$(pwd -P)" "$#" >&9
  printf '%s\0' "$@" >&9
  local line printed=0
  while IFS= read -r -u 9 line; do
    case "$line" in
      o*) printf '%s\n' "${line:1}" ;;
      O*) printf '%s' "${line:1}" ;;
      e*) printf '%s\n' "${line:1}" >&2 ;;
      E*) printf '%s' "${line:1}" >&2 ;;
      x*)
        exec 9>&-
        IMB_CLIENT_RC="${line:1}"
        return 0
        ;;
      b)
        exec 9>&-
        return 1
        ;;
    esac
    printed=1
  done
  exec 9>&-
  [ "$printed" = 0 ] && return 1 # the server went away before answering: run it here
  echo "imb: the resident server stopped during the command; run it again (IMB_SERVER=0 runs without one)" >&2
  IMB_CLIENT_RC=1
}

# The most servers a user has at once (one per working directory, build and locale, ~100 MB each
# when idle): a script that walks many directories runs the rest in their own JVMs.
IMB_MAX_SERVERS=4

# imb_spawn STATE IDLE JAVA-ARGS...: starts a server for STATE in the background unless one is
# starting or IMB_MAX_SERVERS are up; the server removes STATE.starting when it is warm.
imb_spawn() {
  local state="$1" idle="$2"
  shift 2
  local f port token pid live=0
  for f in "${state%/*}"/*; do
    case "$f" in *.lock | *.starting | */\*) continue ;; esac
    pid=
    { read -r port token pid <"$f"; } 2>/dev/null
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      live=$((live + 1))
    else
      rm -f "$f" "$f.lock" # a server that was killed
    fi
  done
  [ "$live" -lt "$IMB_MAX_SERVERS" ] || return 0
  if ! mkdir "$state.starting" 2>/dev/null; then
    # a start that died leaves its marker: retry after a minute
    [ -n "$(find "$state.starting" -maxdepth 0 -mmin +1 2>/dev/null)" ] && rmdir "$state.starting" 2>/dev/null
    return 0
  fi
  local detach=()
  command -v setsid >/dev/null 2>&1 && detach=(setsid)
  (
    # the server must not hold a pipe of whoever called imb open (a caller reading to EOF would wait)
    for f in /proc/$BASHPID/fd/*; do
      f="${f##*/}"
      [ "$f" -gt 2 ] 2>/dev/null && eval "exec $f>&-" 2>/dev/null
    done
    "${detach[@]}" java "$@" org.imbalanced4j.cli.server.ImbServer "$state" "$idle" </dev/null >/dev/null 2>&1 &
  )
}
