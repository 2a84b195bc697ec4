#!/usr/bin/env bash
# The C archives of `make dist` (CONTRACT §7, docs/platforms.md), from the libraries that
# `make dist-libs` built under target/<rust target>/dist/:
#   govit-<ver>-<arch>-linux-gnu.tar.gz  lib/libgovit.so.<ver> (+ .so.1, .so links), lib/libgovit.a,
#                                        lib/pkgconfig/govit.pc (relocatable), include/govit.h
#   govit-<ver>-<arch>-windows.zip       bin/govit.dll, lib/libgovit.dll.a (mingw),
#                                        lib/govit.def + lib/govit.lib (MSVC), include/govit.h
# Each also holds share/govit/schemas/, LICENSE and README.txt, under one top folder
# govit-<ver>-<arch>-<os>/. The shared library of each platform is also left in
# <stage>/native/<platform>/ for the jar and the nupkg.
#
# Usage: packaging/archives.sh DIST_DIR STAGE_DIR [EXTRA_DIR]
#   EXTRA_DIR/<platform>/govit-*.tar.gz: an archive built on another machine (make dist-host),
#   copied as it is; its libgovit.so goes to <stage>/native/<platform>/ too.
#   ONLY=<platform> packs that platform alone (make dist-host).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1" "$2/native"
dist=$(cd "$1" && pwd) stage=$(cd "$2" && pwd) extra=${3:-}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n1)
zig=${ZIG:-python3 -m ziglang}
# Reproducible archives: every file dated at the last commit.
epoch=$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)

strip_tool() {
    case $1 in
        linux-x86_64) echo strip ;;
        linux-aarch64) echo aarch64-linux-gnu-strip ;;
        windows-x86_64) echo x86_64-w64-mingw32-strip ;;
        windows-x86) echo i686-w64-mingw32-strip ;;
        *) echo strip ;;
    esac
}

readme() { # platform archive-name
    cat <<EOF
govit $version for $1
=====================

The rules kernel of 《曲阜市政务信息化项目建设管理办法》 behind its C ABI (include/govit.h),
ABI version 1. Licence: Apache-2.0 (LICENSE).

EOF
    case $1 in
        linux-*) cat <<EOF
  lib/libgovit.so.$version   the shared library (SONAME libgovit.so.1), with the links
                         libgovit.so.1 and libgovit.so
  lib/libgovit.a         the static library (link with -lpthread -ldl -lm)
  lib/pkgconfig/govit.pc relocatable: valid wherever this folder is unpacked
  include/govit.h        the header
  share/govit/schemas/   JSON Schemas of the documents

Unpack it where it is to live, then build against it:
  tar -xzf $2.tar.gz -C /opt && export PKG_CONFIG_PATH=/opt/$2/lib/pkgconfig
  cc app.c \$(pkg-config --cflags --libs govit) -Wl,-rpath,\$(pkg-config --variable=libdir govit)
EOF
            ;;
        windows-*) cat <<EOF
  bin/govit.dll          the library (imports Windows system DLLs only; Windows 10 /
                         Server 2016 or later)
  lib/libgovit.dll.a     import library for MinGW (gcc app.c -Iinclude -Llib -lgovit)
  lib/govit.lib          import library for MSVC (cl app.c /Iinclude lib\\govit.lib), made
                         from lib/govit.def
  include/govit.h        the header
  share/govit/schemas/   JSON Schemas of the documents
Put bin/govit.dll beside the application's .exe (or on PATH).
EOF
            ;;
    esac
}

pack_tar() { # folder-parent name
    (cd "$1" && find "$2" -exec touch -h -d "@$epoch" {} + &&
        tar --sort=name --owner=0 --group=0 --numeric-owner -cf - "$2" | gzip -9n > "$dist/$2.tar.gz")
}

pack_zip() { # folder-parent name
    (cd "$1" && find "$2" -exec touch -h -d "@$epoch" {} + &&
        rm -f "$dist/$2.zip" && find "$2" | LC_ALL=C sort | zip -X -q -9 "$dist/$2.zip" -@)
}

common_files() { # destination platform name
    install -d "$1/include" "$1/share/govit/schemas"
    install -m 0644 "$root/include/govit.h" "$1/include/govit.h"
    install -m 0644 "$root"/schemas/*.json "$1/share/govit/schemas/"
    install -m 0644 "$root/LICENSE" "$1/LICENSE"
    readme "$2" "$3" > "$1/README.txt"
}

built=0
while IFS=$'\t' read -r platform target _rid archive _machine _glibc _how; do
    case $platform in '#'* | '') continue ;; esac
    [ -z "${ONLY:-}" ] || [ "$ONLY" = "$platform" ] || continue
    out=$root/target/$target/dist
    name=govit-$version-$archive
    native=$stage/native/$platform
    if [ -n "$extra" ] && ls "$extra/$platform"/govit-*.tar.gz >/dev/null 2>&1; then
        cp "$extra/$platform"/govit-*.tar.gz "$dist/"
        install -D -m 0755 "$extra/$platform/libgovit.so" "$native/libgovit.so"
        echo "archives: $platform taken from $extra/$platform"
        built=$((built + 1))
        continue
    fi
    strip=$(strip_tool "$platform")
    rm -rf "${stage:?}/$name"
    case $platform in
        linux-*)
            [ -f "$out/libgovit.so" ] || continue
            dir=$stage/$name
            common_files "$dir" "$platform" "$name"
            install -d "$dir/lib/pkgconfig"
            install -m 0755 "$out/libgovit.so" "$dir/lib/libgovit.so.$version"
            "$strip" --strip-unneeded "$dir/lib/libgovit.so.$version"
            ln -s "libgovit.so.$version" "$dir/lib/libgovit.so.1"
            ln -s libgovit.so.1 "$dir/lib/libgovit.so"
            install -m 0644 "$out/libgovit.a" "$dir/lib/libgovit.a"
            "$strip" --strip-debug "$dir/lib/libgovit.a"
            sed -e 's|@PREFIX@|${pcfiledir}/../..|' -e 's|@LIBDIR@|${prefix}/lib|' \
                -e 's|@INCDIR@|${prefix}/include|' -e "s|@VERSION@|$version|" \
                "$root/govit.pc.in" > "$dir/lib/pkgconfig/govit.pc"
            install -D -m 0755 "$dir/lib/libgovit.so.$version" "$native/libgovit.so"
            pack_tar "$stage" "$name"
            ;;
        windows-*)
            [ -f "$out/govit.dll" ] || continue
            dir=$stage/$name
            common_files "$dir" "$platform" "$name"
            install -d "$dir/bin" "$dir/lib"
            install -m 0755 "$out/govit.dll" "$dir/bin/govit.dll"
            "$strip" --strip-unneeded "$dir/bin/govit.dll"
            install -m 0644 "$out/libgovit.dll.a" "$dir/lib/libgovit.dll.a"
            { echo "LIBRARY govit.dll"; echo "EXPORTS"; sed 's/^/    /' "$root/include/govit.symbols"; } \
                > "$dir/lib/govit.def"
            case $platform in windows-x86) m=i386 ;; *) m=i386:x86-64 ;; esac
            # llvm-dlltool (in zig) writes the short import format of MSVC's lib.exe.
            $zig dlltool -m "$m" -d "$dir/lib/govit.def" -D govit.dll -l "$dir/lib/govit.lib"
            install -D -m 0755 "$dir/bin/govit.dll" "$native/govit.dll"
            pack_zip "$stage" "$name"
            ;;
    esac
    echo "archives: $platform -> $dist/$(basename "$dist/$name".*)"
    built=$((built + 1))
done < "$root/packaging/platforms.tsv"
[ "$built" -gt 0 ] || { echo "archives: nothing built under target/*/dist/: run 'make dist-libs'" >&2; exit 1; }
