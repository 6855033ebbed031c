# Sourced by ./mvnw (POSIX sh). Chart2Claim needs JDK 21 or newer. When the java that mvnw would use
# (JAVA_HOME, else the one on PATH) is older, pick the newest JDK >= 21 installed in the usual places and
# say so in one line; when there is none, say in one line what to install and stop.
c2c_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

c2c_select_jdk() {
  c2c_current="${JAVA_HOME:+$JAVA_HOME/bin/java}"
  c2c_current="${c2c_current:-$(command -v java 2>/dev/null || true)}"
  if [ -n "$c2c_current" ] && [ -x "$c2c_current" ]; then
    c2c_major="$(c2c_java_major "$c2c_current")"
    if [ "${c2c_major:-0}" -ge 21 ] 2>/dev/null; then
      return 0
    fi
  else
    c2c_major="none"
  fi
  c2c_best="" c2c_best_major=0
  set +f # mvnw runs with globbing off
  # C2C_JDK_DIRS (space-separated patterns) replaces the usual places, e.g. for a test
  c2c_dirs="${C2C_JDK_DIRS:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home $HOME/.sdkman/candidates/java/* $HOME/.jdks/* $HOME/.asdf/installs/java/*}"
  for c2c_home in $c2c_dirs; do
    if [ -x "$c2c_home/bin/java" ] && [ -x "$c2c_home/bin/javac" ]; then
      c2c_candidate="$(c2c_java_major "$c2c_home/bin/java")"
      if [ "${c2c_candidate:-0}" -gt "$c2c_best_major" ] 2>/dev/null; then
        c2c_best="$c2c_home" c2c_best_major="$c2c_candidate"
      fi
    fi
  done
  set -f
  if [ "$c2c_best_major" -ge 21 ]; then
    echo "Chart2Claim: default java is $c2c_major, using JDK $c2c_best_major from $c2c_best (set JAVA_HOME to choose another)" >&2
    JAVA_HOME="$c2c_best"
    export JAVA_HOME
    return 0
  fi
  echo "Chart2Claim needs JDK 21 or newer (found: $c2c_major); install one, e.g. Temurin 21 or 25 from https://adoptium.net, or set JAVA_HOME to it." >&2
  exit 1
}

c2c_select_jdk
