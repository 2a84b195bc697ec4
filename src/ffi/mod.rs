//! The C boundary (CONTRACT §2), and nothing else: pointer checks, UTF-8, the
//! input-size limit, the panic boundary and string ownership. Every entry point
//! goes through the same helpers and then calls the safe API in `engine.rs`.
//!
//! Ownership: every `char **out_*` receives a string allocated here, which the
//! caller frees with `govit_string_free`. On `GOVIT_OK` it is the result
//! document; on any other status it is an error document. A panic never crosses
//! the boundary: it becomes `GOVIT_INTERNAL`, and the engine stays usable
//! (it is immutable, so a panic cannot leave it half-changed).

#![allow(non_camel_case_types)]

use crate::engine::Engine;
use crate::error::{Error, ErrorCode};
use std::any::Any;
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The ABI version of this header and library. `govit_abi_version()` returns it.
pub const GOVIT_ABI_VERSION: u32 = 1;

/// The status every fallible function returns.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum govit_status {
    /// Success: the out string holds the result document.
    GOVIT_OK = 0,
    /// A required pointer was NULL.
    GOVIT_NULL_ARGUMENT = 1,
    /// A string argument is not valid UTF-8.
    GOVIT_INVALID_UTF8 = 2,
    /// An argument is not well-formed JSON (including nesting deeper than 127 levels).
    GOVIT_INVALID_JSON = 3,
    /// Well-formed JSON of the wrong shape or value (unknown state, bad date, negative money…); the error document names the JSON path.
    GOVIT_INVALID_INPUT = 4,
    /// An argument is longer than the engine's max_input_bytes (default 4 MiB).
    GOVIT_INPUT_TOO_LARGE = 5,
    /// Unknown profile, schema or ABI version.
    GOVIT_UNSUPPORTED = 6,
    /// A bug: a panic was caught at the boundary. The engine stays usable.
    GOVIT_INTERNAL = 7,
}

impl From<ErrorCode> for govit_status {
    fn from(code: ErrorCode) -> govit_status {
        match code {
            ErrorCode::NullArgument => govit_status::GOVIT_NULL_ARGUMENT,
            ErrorCode::InvalidUtf8 => govit_status::GOVIT_INVALID_UTF8,
            ErrorCode::InvalidJson => govit_status::GOVIT_INVALID_JSON,
            ErrorCode::InvalidInput => govit_status::GOVIT_INVALID_INPUT,
            ErrorCode::InputTooLarge => govit_status::GOVIT_INPUT_TOO_LARGE,
            ErrorCode::Unsupported => govit_status::GOVIT_UNSUPPORTED,
            ErrorCode::Internal => govit_status::GOVIT_INTERNAL,
        }
    }
}

/// An engine: immutable once made, safe to share between threads. Opaque to C.
/// Made by `govit_engine_new`, freed by `govit_engine_free`.
pub struct govit_engine {
    engine: Engine,
}

// The header promises that one engine may be called from many threads at once:
// fail the build, not the host, if a field ever stops being `Send + Sync`.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<govit_engine>()
};

/// Writes `text` to `*out` as a newly allocated C string (if `out` is not NULL).
unsafe fn write_out(out: *mut *mut c_char, text: String) {
    if out.is_null() {
        return;
    }
    // JSON text never holds a NUL byte (serde_json escapes U+0000); be safe anyway.
    let c = CString::new(text).unwrap_or_else(|_| {
        CString::new("{\"error\":{\"code\":\"internal\",\"message\":\"output held a NUL byte\"}}")
            .expect("no NUL")
    });
    *out = c.into_raw();
}

fn null_argument(name: &str) -> Error {
    Error::new(ErrorCode::NullArgument, format!("`{name}` is NULL"))
}

/// Borrows a C string argument: size limit first, then UTF-8.
unsafe fn text_arg<'a>(ptr: *const c_char, name: &str, limit: usize) -> Result<&'a str, Error> {
    if ptr.is_null() {
        return Err(null_argument(name));
    }
    let bytes = CStr::from_ptr(ptr).to_bytes();
    if bytes.len() > limit {
        return Err(Error::too_large(&format!("`{name}`"), bytes.len(), limit));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorCode::InvalidUtf8,
            format!(
                "`{name}` is not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// The panic boundary every entry point shares: runs `body`, writes its result
/// or error document to `*out`, and returns the status.
unsafe fn boundary(
    out: *mut *mut c_char,
    body: impl FnOnce() -> Result<String, Error>,
) -> govit_status {
    if out.is_null() {
        return govit_status::GOVIT_NULL_ARGUMENT;
    }
    *out = std::ptr::null_mut();
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|p| Err(panic_error(p)));
    match outcome {
        Ok(json) => {
            write_out(out, json);
            govit_status::GOVIT_OK
        }
        Err(e) => {
            write_out(out, e.to_json());
            e.code.into()
        }
    }
}

/// The error a caught panic becomes (`GOVIT_INTERNAL`), carrying the panic message.
fn panic_error(panic: Box<dyn Any + Send>) -> Error {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    Error::new(
        ErrorCode::Internal,
        format!("internal error (a bug in govit; please report it with the input): {what}"),
    )
}

unsafe fn engine_ref<'a>(e: *const govit_engine) -> Result<&'a Engine, Error> {
    e.as_ref()
        .map(|e| &e.engine)
        .ok_or_else(|| null_argument("engine"))
}

/// The ABI version of the library (1). Compare it with `GOVIT_ABI_VERSION`.
#[no_mangle]
pub extern "C" fn govit_abi_version() -> u32 {
    GOVIT_ABI_VERSION
}

/// The library's version, e.g. "0.1.0". A static string: never free it.
#[no_mangle]
pub extern "C" fn govit_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Makes an engine from `config_json` (NULL = defaults; CONTRACT §2).
///
/// On `GOVIT_OK`, `*out_engine` is the engine: free it with `govit_engine_free`.
/// On any other status `*out_engine` is NULL and, if `out_error` is not NULL,
/// `*out_error` is an error document to free with `govit_string_free`
/// (on success `*out_error` is set to NULL).
///
/// # Safety
/// `config_json` is NULL or a NUL-terminated string; `out_engine` and
/// `out_error` are NULL or valid pointers to writable pointers.
#[no_mangle]
pub unsafe extern "C" fn govit_engine_new(
    config_json: *const c_char,
    out_engine: *mut *mut govit_engine,
    out_error: *mut *mut c_char,
) -> govit_status {
    if !out_error.is_null() {
        *out_error = std::ptr::null_mut();
    }
    if out_engine.is_null() {
        write_out(out_error, null_argument("out_engine").to_json());
        return govit_status::GOVIT_NULL_ARGUMENT;
    }
    *out_engine = std::ptr::null_mut();
    let made = catch_unwind(AssertUnwindSafe(|| {
        let config = if config_json.is_null() {
            None
        } else {
            Some(text_arg(
                config_json,
                "config_json",
                crate::engine::DEFAULT_MAX_INPUT_BYTES,
            )?)
        };
        Engine::new(config)
    }))
    .unwrap_or_else(|p| Err(panic_error(p)));
    match made {
        Ok(engine) => {
            *out_engine = Box::into_raw(Box::new(govit_engine { engine }));
            govit_status::GOVIT_OK
        }
        Err(e) => {
            write_out(out_error, e.to_json());
            e.code.into()
        }
    }
}

/// Frees an engine made by `govit_engine_new`. NULL is a no-op. No call may be
/// using the engine on another thread at the time.
///
/// # Safety
/// `engine` is NULL or a pointer from `govit_engine_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_engine_free(engine: *mut govit_engine) {
    if !engine.is_null() {
        drop(Box::from_raw(engine));
    }
}

/// Checks a project record: findings, deadlines and allowed events (CONTRACT §3).
/// `options_json` may be NULL (`{"as_of": "YYYY-MM-DD", "actor": {...}}`).
/// `*out_json` receives the result or error document: free it with `govit_string_free`.
/// `engine`, `project_json` and `out_json` are required (`GOVIT_NULL_ARGUMENT`).
/// The arguments are only borrowed for the call.
///
/// # Safety
/// Pointers are NULL or valid; strings are NUL-terminated; `engine` is not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_check(
    engine: *const govit_engine,
    project_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> govit_status {
    boundary(out_json, || {
        let e = engine_ref(engine)?;
        let project = text_arg(project_json, "project_json", e.max_input_bytes())?;
        let options = if options_json.is_null() {
            None
        } else {
            Some(text_arg(options_json, "options_json", e.max_input_bytes())?)
        };
        e.check_json(project, options)
    })
}

/// Applies an event to a project record. A refused event is not an error: the
/// status is `GOVIT_OK` and the result says `"accepted": false`.
/// `*out_json` receives the result or error document: free it with `govit_string_free`.
/// Every pointer is required (`GOVIT_NULL_ARGUMENT`). The arguments are only
/// borrowed for the call; the new record is the result's `"project"`.
///
/// # Safety
/// Pointers are NULL or valid; strings are NUL-terminated; `engine` is not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_apply(
    engine: *const govit_engine,
    project_json: *const c_char,
    event_json: *const c_char,
    out_json: *mut *mut c_char,
) -> govit_status {
    boundary(out_json, || {
        let e = engine_ref(engine)?;
        let project = text_arg(project_json, "project_json", e.max_input_bytes())?;
        let event = text_arg(event_json, "event_json", e.max_input_bytes())?;
        e.apply_json(project, event)
    })
}

/// What `govit_apply` would decide for the same inputs, without the new record
/// and without hashing anything: `{"accepted", "state_before", "state_after", "findings"}`.
/// Use it to check a form before the clerk submits it. An addition to ABI 1.
/// `*out_json` receives the result or error document: free it with `govit_string_free`.
/// Every pointer is required (`GOVIT_NULL_ARGUMENT`).
///
/// # Safety
/// Pointers are NULL or valid; strings are NUL-terminated; `engine` is not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_preview(
    engine: *const govit_engine,
    project_json: *const c_char,
    event_json: *const c_char,
    out_json: *mut *mut c_char,
) -> govit_status {
    boundary(out_json, || {
        let e = engine_ref(engine)?;
        let project = text_arg(project_json, "project_json", e.max_input_bytes())?;
        let event = text_arg(event_json, "event_json", e.max_input_bytes())?;
        e.preview_json(project, event)
    })
}

/// Verifies a record's history (SM3 hash chain, replay; CONTRACT §6).
/// `*out_json` receives `{"valid":…,"problems":[…]}` or an error document: free it with `govit_string_free`.
/// Every pointer is required (`GOVIT_NULL_ARGUMENT`).
///
/// # Safety
/// Pointers are NULL or valid; strings are NUL-terminated; `engine` is not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_verify(
    engine: *const govit_engine,
    project_json: *const c_char,
    out_json: *mut *mut c_char,
) -> govit_status {
    boundary(out_json, || {
        let e = engine_ref(engine)?;
        e.verify_json(text_arg(project_json, "project_json", e.max_input_bytes())?)
    })
}

/// Describes a date ("YYYY-MM-DD"): working day or not, and why.
/// `*out_json` receives the result or error document: free it with `govit_string_free`.
/// Every pointer is required (`GOVIT_NULL_ARGUMENT`).
///
/// # Safety
/// Pointers are NULL or valid; strings are NUL-terminated; `engine` is not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_day_info(
    engine: *const govit_engine,
    date: *const c_char,
    out_json: *mut *mut c_char,
) -> govit_status {
    boundary(out_json, || {
        let e = engine_ref(engine)?;
        e.day_info_json(text_arg(date, "date", e.max_input_bytes())?)
    })
}

/// The `days`-th working day after `date` (before it if negative; Art 28 counting:
/// the day of the act is not counted). `|days|` is at most 100000 (else
/// `GOVIT_INVALID_INPUT`).
/// `*out_json` receives the result or error document: free it with `govit_string_free`.
/// Every pointer is required (`GOVIT_NULL_ARGUMENT`).
///
/// # Safety
/// Pointers are NULL or valid; strings are NUL-terminated; `engine` is not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_add_working_days(
    engine: *const govit_engine,
    date: *const c_char,
    days: i32,
    out_json: *mut *mut c_char,
) -> govit_status {
    boundary(out_json, || {
        let e = engine_ref(engine)?;
        e.add_working_days_json(text_arg(date, "date", e.max_input_bytes())?, days)
    })
}

/// The rule catalogue: every rule with its article, severity and titles.
/// `*out_json` receives the result or error document: free it with `govit_string_free`.
/// Every pointer is required (`GOVIT_NULL_ARGUMENT`).
///
/// # Safety
/// Pointers are NULL or valid; `engine` is not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_rules(
    engine: *const govit_engine,
    out_json: *mut *mut c_char,
) -> govit_status {
    boundary(out_json, || Ok(engine_ref(engine)?.rules_json()))
}

/// Writes the lifecycle as data to `*out_json` (CONTRACT §3 `lifecycle`): states,
/// roles and documents with their labels, and each event with its roles, source
/// and target states, data fields, documents and the rules that judge it; what an
/// OA system draws its workflow, buttons and forms from. Free it with
/// `govit_string_free`. Every pointer is required (`GOVIT_NULL_ARGUMENT`).
///
/// # Safety
/// Pointers are NULL or valid; `engine` is not yet freed.
#[no_mangle]
pub unsafe extern "C" fn govit_lifecycle(
    engine: *const govit_engine,
    out_json: *mut *mut c_char,
) -> govit_status {
    boundary(out_json, || Ok(engine_ref(engine)?.lifecycle_json()))
}

/// Frees a string this library returned through an `out` pointer. NULL is a no-op.
/// Never pass these strings to `free()`, nor free one twice.
///
/// # Safety
/// `s` is NULL or a string from this library not yet freed (not `govit_version()`'s).
#[no_mangle]
pub unsafe extern "C" fn govit_string_free(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}
