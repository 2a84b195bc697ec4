//! The status codes have one source, the kernel's `ErrorCode` and the C ABI's
//! `govit_status` (from which `include/govit.h` is generated); the Java and .NET
//! bindings spell them out again for their users. This test fails when any of
//! them disagrees with the source: a number, a C name, or an error-code name.

use govit::ffi::govit_status;
use govit::ErrorCode;

fn read(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// `invalid_utf8` → `INVALID_UTF8`, `InvalidUtf8`.
fn upper(code: &str) -> String {
    code.to_uppercase()
}

fn pascal(code: &str) -> String {
    code.split('_')
        .map(|w| w[..1].to_uppercase() + &w[1..])
        .collect()
}

/// (number, wire name) of every status, from the source.
fn statuses() -> Vec<(u32, &'static str)> {
    let mut all = vec![(govit_status::GOVIT_OK as u32, "ok")];
    all.extend(
        ErrorCode::ALL
            .iter()
            .map(|&c| (govit_status::from(c) as u32, c.as_str())),
    );
    all
}

#[test]
fn the_numbers_are_distinct_and_dense() {
    let numbers: Vec<u32> = statuses().iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, (0..numbers.len() as u32).collect::<Vec<_>>());
}

#[test]
fn the_c_header_agrees() {
    let header = read("include/govit.h");
    for (n, name) in statuses() {
        let line = format!("GOVIT_{} = {n},", upper(name));
        assert!(header.contains(&line), "include/govit.h lacks `{line}`");
    }
}

#[test]
fn the_java_binding_agrees() {
    let java = read("bindings/java/src/org/govit/GovitException.java");
    for (n, name) in statuses().into_iter().skip(1) {
        let u = upper(name);
        for needle in [
            format!("public static final int {u} = {n};"),
            format!("case {u}: return \"GOVIT_{u}\";"),
            format!("case {u}: name = \"{name}\"; break;"),
        ] {
            assert!(
                java.contains(&needle),
                "GovitException.java lacks `{needle}`"
            );
        }
    }
}

#[test]
fn the_dotnet_binding_agrees() {
    let status = read("bindings/dotnet/src/Govit/GovitStatus.cs");
    let exception = read("bindings/dotnet/src/Govit/GovitException.cs");
    for (n, name) in statuses() {
        let p = pascal(name);
        let member = format!("{p} = {n},");
        assert!(status.contains(&member), "GovitStatus.cs lacks `{member}`");
        if n > 0 {
            let case = format!("case GovitStatus.{p}: return \"{name}\";");
            assert!(
                exception.contains(&case),
                "GovitException.cs lacks `{case}`"
            );
        }
    }
}
