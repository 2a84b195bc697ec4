#!/usr/bin/env bash
# Checks every artifact of `make dist` (CONTRACT §7, docs/platforms.md), for each
# platform of packaging/platforms.tsv:
#   - the archive holds its files (links, relocatable govit.pc, header, schemas, LICENSE);
#   - each library (libgovit.so / govit.dll, and the JNI glue in the jar) is of the platform's
#     machine type, stripped, needs no glibc symbol version above the platform's ceiling,
#     exports exactly include/govit.symbols (the glue: exactly the JNI functions javac
#     declares, plus JNI_OnLoad/JNI_OnUnload), and on Windows imports system DLLs only;
#   - the jar and the nupkg carry every platform at their paths, the same files as the archives;
#   - the nupkg carries the schemas at schemas/ and as content (contentFiles/any/any/schemas/,
#     and build/Govit.targets items for packages.config projects);
#   - SHA256SUMS matches.
# A platform marked "elsewhere" is checked when its files are there (dist-extra).
#
# Usage: packaging/check-dist.sh DIR JNI_HEADERS_DIR
#   DIR with SHA256SUMS: a whole dist/; without: one dist-extra/<platform>/ of `make dist-host`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=$(cd "$1" && pwd)
jni_headers=$2
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "check-dist: FAIL $*" >&2; failures=$((failures + 1)); }
whole=0; [ -f "$dist/SHA256SUMS" ] && whole=1

LC_ALL=C sort "$root/include/govit.symbols" > "$tmp/c.symbols"
{ grep -ho 'JNICALL Java_[A-Za-z0-9_]*' "$jni_headers"/*.h | awk '{ print $2 }'; echo JNI_OnLoad; echo JNI_OnUnload; } |
    LC_ALL=C sort -u > "$tmp/jni.symbols"
[ "$(grep -c '^Java_' "$tmp/jni.symbols")" -gt 0 ] || fail "no JNI function found in $jni_headers"

# Windows DLLs a library may import: Windows' own, never MinGW's runtime (libgcc_s_*,
# libwinpthread-1.dll, libstdc++-6.dll).
system_dll='^(kernel32|ntdll|msvcrt|advapi32|userenv|ws2_32|bcrypt|bcryptprimitives|dbghelp|user32|shell32|ole32|oleaut32|secur32|crypt32|ucrtbase|synchronization|api-ms-win-[a-z0-9-]+)\.dll$'

summary=()
size() { stat -c %s "$1"; }

check_elf() { # file machine ceiling symbols label
    local f=$1 machine=$2 ceiling=$3 symbols=$4 label=$5 got highest
    readelf -h "$f" | grep -q "Machine:.*$machine" || fail "$label: not $machine: $(readelf -h "$f" | grep Machine:)"
    if readelf -S -W "$f" | grep -qE ' \.(symtab|debug_[a-z]+) '; then fail "$label: not stripped"; fi
    highest=$(readelf -V -W "$f" | grep -o 'Name: GLIBC_[0-9.]*' | sed 's/.*GLIBC_//' | sort -uV | tail -n1)
    if [ -n "$highest" ] && [ "$(printf '%s\n%s\n' "$highest" "$ceiling" | sort -V | tail -n1)" != "$ceiling" ]; then
        fail "$label: needs GLIBC_$highest, above the ceiling GLIBC_$ceiling"
    fi
    readelf --dyn-syms -W "$f" | awk '$7 != "UND" && ($5 == "GLOBAL" || $5 == "WEAK") && $8 != "" { print $8 }' |
        sed 's/@.*//' | LC_ALL=C sort -u > "$tmp/got"
    diff -u "$symbols" "$tmp/got" > "$tmp/diff" || { fail "$label: exported symbols differ (- expected, + built)"; cat "$tmp/diff" >&2; }
    got=$(wc -l < "$tmp/got")
    summary+=("$(printf '%-34s %9s bytes  %-10s GLIBC_%-5s %3s exported  stripped' "$label" "$(size "$f")" "$machine" "${highest:-none}" "$got")")
}

check_pe() { # file format symbols label objdump
    local f=$1 format=$2 symbols=$3 label=$4 objdump=$5 got bad
    "$objdump" -f "$f" | grep -q "file format $format" || fail "$label: not $format"
    if "$objdump" -f "$f" | grep -q HAS_SYMS || "$objdump" -h "$f" | grep -q '\.debug_'; then fail "$label: not stripped"; fi
    "$objdump" -p "$f" > "$tmp/pe"
    sed -n '/^\[Ordinal\/Name Pointer\] Table/,/^$/p' "$tmp/pe" | sed -n 's/^\s*\[ *[0-9]*\] //p' | LC_ALL=C sort -u > "$tmp/got"
    diff -u "$symbols" "$tmp/got" > "$tmp/diff" || { fail "$label: exported symbols differ (- expected, + built)"; cat "$tmp/diff" >&2; }
    bad=$(sed -n 's/^\s*DLL Name: //p' "$tmp/pe" | tr 'A-Z' 'a-z' | grep -vE "$system_dll" || true)
    [ -z "$bad" ] || fail "$label: imports non-system DLLs: $bad"
    got=$(wc -l < "$tmp/got")
    summary+=("$(printf '%-34s %9s bytes  %-10s %-11s %3s exported  stripped, imports: %s' "$label" "$(size "$f")" "$format" "" "$got" \
        "$(sed -n 's/^\s*DLL Name: //p' "$tmp/pe" | tr 'A-Z' 'a-z' | tr '\n' ' ')")")
}

objdump_for() { case $1 in windows-x86) echo i686-w64-mingw32-objdump ;; *) echo x86_64-w64-mingw32-objdump ;; esac; }

has_entries() { # listing label entries...
    local listing=$1 label=$2; shift 2
    for e in "$@"; do grep -qxF "$e" "$listing" || fail "$label: no $e"; done
}

same_schemas() { # dir label: the same *.json files as schemas/
    local s
    [ "$(cd "$1" && ls *.json | LC_ALL=C sort)" = "$(cd "$root/schemas" && ls *.json | LC_ALL=C sort)" ] ||
        fail "$2: not the files of schemas/"
    for s in "$root"/schemas/*.json; do cmp -s "$s" "$1/$(basename "$s")" || fail "$2: $(basename "$s") differs"; done
}

schema_entries() { for s in "$root"/schemas/*.json; do echo "$1$(basename "$s")"; done; }

platforms=()
while IFS=$'\t' read -r platform target rid archive machine glibc how; do
    case $platform in '#'* | '') continue ;; esac
    name=govit-$version-$archive
    case $platform in linux-*) file=$dist/$name.tar.gz ;; *) file=$dist/$name.zip ;; esac
    if [ ! -f "$file" ]; then
        [ "$how" = elsewhere ] || [ "$whole" = 0 ] || fail "$platform: no $(basename "$file")"
        continue
    fi
    platforms+=("$platform")
    x=$tmp/$platform && mkdir -p "$x"
    case $platform in
        linux-*)
            tar -tzf "$file" | sed 's|/$||' > "$x.list"
            has_entries "$x.list" "$(basename "$file")" "$name/lib/libgovit.so.$version" "$name/lib/libgovit.so.1" \
                "$name/lib/libgovit.so" "$name/lib/libgovit.a" "$name/lib/pkgconfig/govit.pc" "$name/include/govit.h" \
                "$name/LICENSE" "$name/README.txt" $(schema_entries "$name/share/govit/schemas/")
            tar -xzf "$file" -C "$x"
            p=$x/$name
            [ "$(readlink "$p/lib/libgovit.so.1")" = "libgovit.so.$version" ] || fail "$platform: libgovit.so.1 is not a link to libgovit.so.$version"
            [ "$(readlink "$p/lib/libgovit.so")" = libgovit.so.1 ] || fail "$platform: libgovit.so is not a link to libgovit.so.1"
            readelf -d "$p/lib/libgovit.so.$version" | grep -qF 'Library soname: [libgovit.so.1]' || fail "$platform: SONAME is not libgovit.so.1"
            check_elf "$p/lib/libgovit.so.$version" "$machine" "$glibc" "$tmp/c.symbols" "$platform libgovit.so.$version"
            if readelf -S -W "$p/lib/libgovit.a" 2>/dev/null | grep -q '\.debug_'; then fail "$platform: libgovit.a keeps debug info"; fi
            grep -qxF 'prefix=${pcfiledir}/../..' "$p/lib/pkgconfig/govit.pc" || fail "$platform: govit.pc is not relocatable"
            grep -qxF "Version: $version" "$p/lib/pkgconfig/govit.pc" || fail "$platform: govit.pc has another version"
            lib=$p/lib/libgovit.so.$version
            ;;
        windows-*)
            unzip -Z1 "$file" | sed 's|/$||' > "$x.list"
            has_entries "$x.list" "$(basename "$file")" "$name/bin/govit.dll" "$name/lib/libgovit.dll.a" "$name/lib/govit.def" \
                "$name/lib/govit.lib" "$name/include/govit.h" "$name/LICENSE" "$name/README.txt" \
                $(schema_entries "$name/share/govit/schemas/")
            (cd "$x" && unzip -q "$file")
            p=$x/$name
            od=$(objdump_for "$platform")
            check_pe "$p/bin/govit.dll" "$machine" "$tmp/c.symbols" "$platform govit.dll" "$od"
            sed -n '/^EXPORTS/,$p' "$p/lib/govit.def" | sed '1d; s/^ *//' | LC_ALL=C sort | diff -q - "$tmp/c.symbols" > /dev/null ||
                fail "$platform: govit.def does not list include/govit.symbols"
            # The MSVC import library: one __imp_ symbol per function (x86: with C's leading _).
            under=""; [ "$platform" = windows-x86 ] && under=_
            "${od%objdump}nm" "$p/lib/govit.lib" | sed -n "s/.* I __imp_$under//p" | LC_ALL=C sort -u |
                diff -q - "$tmp/c.symbols" > /dev/null || fail "$platform: govit.lib does not import include/govit.symbols"
            lib=$p/bin/govit.dll
            ;;
    esac
    cmp -s "$p/include/govit.h" "$root/include/govit.h" || fail "$platform: govit.h is not include/govit.h"
    same_schemas "$p/share/govit/schemas" "$platform: share/govit/schemas"
    cp "$lib" "$tmp/$platform.native"
    summary+=("$(printf '%-34s %9s bytes' "$(basename "$file")" "$(size "$file")")")
    # dist-host: the loose library and JNI glue beside the archive.
    if [ "$whole" = 0 ]; then
        cmp -s "$dist/libgovit.so" "$lib" || fail "$platform: libgovit.so is not the archive's"
        check_elf "$dist/libgovit_jni.so" "$machine" "$glibc" "$tmp/jni.symbols" "$platform libgovit_jni.so"
    fi
done < "$root/packaging/platforms.tsv"
[ "${#platforms[@]}" -gt 0 ] || fail "no archive in $dist"

if [ "$whole" = 1 ]; then
    # ---- the jar ----
    jar=$dist/govit-$version.jar
    j=$tmp/jar && mkdir -p "$j" && (cd "$j" && unzip -q "$jar")
    printf '%s\n' "${platforms[@]}" | LC_ALL=C sort > "$tmp/platforms"
    LC_ALL=C sort "$j/native/platforms.txt" | diff -q - "$tmp/platforms" > /dev/null ||
        fail "jar: native/platforms.txt is not: $(tr '\n' ' ' < "$tmp/platforms")"
    for platform in "${platforms[@]}"; do
        IFS=$'\t' read -r _ _ _ _ machine glibc _ < <(awk -F'\t' -v p="$platform" '$1 == p' "$root/packaging/platforms.tsv")
        case $platform in
            windows-*) check_pe "$j/native/$platform/govit_jni.dll" "$machine" "$tmp/jni.symbols" \
                "jar $platform govit_jni.dll" "$(objdump_for "$platform")" ;;
            *) check_elf "$j/native/$platform/libgovit_jni.so" "$machine" "$glibc" "$tmp/jni.symbols" \
                "jar $platform libgovit_jni.so" ;;
        esac
    done
    [ -f "$j/org/govit/GovitEngine.class" ] || fail "jar: no org/govit/GovitEngine.class"
    same_schemas "$j/org/govit/schemas" "jar: org/govit/schemas"
    unzip -Z1 "$dist/govit-$version-sources.jar" > "$tmp/sources.list"
    grep -qx 'org/govit/GovitEngine.java' "$tmp/sources.list" || fail "sources jar: no org/govit/GovitEngine.java"
    pom=$dist/govit-$version.pom
    for tag in '<groupId>org.govit</groupId>' '<artifactId>govit</artifactId>' "<version>$version</version>"; do
        grep -qF "$tag" "$pom" || fail "pom: no $tag"
    done
    summary+=("$(printf '%-34s %9s bytes  native/: %s' "$(basename "$jar")" "$(size "$jar")" "$(tr '\n' ' ' < "$j/native/platforms.txt")")")

    # ---- the nupkg ----
    nupkg=$dist/Govit.$version.nupkg
    n=$tmp/nupkg && mkdir -p "$n" && (cd "$n" && unzip -q "$nupkg")
    unzip -Z1 "$nupkg" > "$tmp/nupkg.list"
    has_entries "$tmp/nupkg.list" nupkg Govit.nuspec '[Content_Types].xml' _rels/.rels lib/netstandard2.0/Govit.dll \
        lib/netstandard2.0/Govit.xml build/Govit.targets buildTransitive/Govit.targets $(schema_entries schemas/) \
        $(schema_entries contentFiles/any/any/schemas/)
    grep -qF '<id>Govit</id>' "$n/Govit.nuspec" && grep -qF "<version>$version</version>" "$n/Govit.nuspec" ||
        fail "nupkg: Govit.nuspec is not Govit $version"
    same_schemas "$n/schemas" "nupkg: schemas"
    same_schemas "$n/contentFiles/any/any/schemas" "nupkg: contentFiles/any/any/schemas"
    grep -qF '<files include="any/any/schemas/*.json" buildAction="None" copyToOutput="true"' "$n/Govit.nuspec" ||
        fail "nupkg: Govit.nuspec does not declare the schemas as contentFiles"
    [ "$(grep -c '<Link>schemas\\' "$n/build/Govit.targets")" = "$(ls "$root"/schemas/*.json | wc -l)" ] ||
        fail "nupkg: build/Govit.targets does not copy every schema (packages.config)"
    for platform in "${platforms[@]}"; do
        rid=$(awk -F'\t' -v p="$platform" '$1 == p { print $3 }' "$root/packaging/platforms.tsv")
        case $platform in windows-*) f=govit.dll ;; *) f=libgovit.so ;; esac
        cmp -s "$n/runtimes/$rid/native/$f" "$tmp/$platform.native" ||
            fail "nupkg: runtimes/$rid/native/$f is missing or not the library of the $platform archive"
    done
    summary+=("$(printf '%-34s %9s bytes  runtimes/: %s' "$(basename "$nupkg")" "$(size "$nupkg")" "$(ls "$n/runtimes" | tr '\n' ' ')")")

    # ---- SHA256SUMS ----
    (cd "$dist" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match"
    (cd "$dist" && ls | grep -vx SHA256SUMS | LC_ALL=C sort) > "$tmp/files"
    awk '{ print $2 }' "$dist/SHA256SUMS" | LC_ALL=C sort | diff -q - "$tmp/files" > /dev/null ||
        fail "SHA256SUMS does not list every file of $dist"
fi

printf '%s\n' "${summary[@]}"
if [ "$failures" -gt 0 ]; then
    echo "check-dist: $failures problem(s) in $dist" >&2
    exit 1
fi
echo "check-dist: ${#platforms[@]} platforms (${platforms[*]}), every artifact of $dist as expected"
