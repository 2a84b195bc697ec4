#!/bin/sh
# Installs the Debian packages named (pkg or pkg:arch) that are not installed yet, under
# /tmp/apt.lock (other builds may run apt at the same time). A package of a foreign
# architecture (wine32:i386) adds that architecture first. Does nothing when all are there.
set -eu
missing=""
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -n "$missing" ] || exit 0
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
echo "apt-get install$missing"
archs=$(for p in $missing; do case $p in *:*) echo "${p#*:}";; esac; done | sort -u)
flock /tmp/apt.lock sh -c "
    for a in $archs; do
        dpkg --print-foreign-architectures | grep -qx \$a || $sudo dpkg --add-architecture \$a
    done
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null"
