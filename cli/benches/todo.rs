//! `govit todo` over the nightly batch: the records of the kernel's batch
//! benchmark (`benches/batch.rs`, `BatchPool`: 4 samples walked to every state,
//! each record with its own id), written as one JSON-lines file, and the tool
//! run on it as a nightly job runs it (`--format csv`, stdout to /dev/null)
//! with `--jobs 1` and `--jobs 2`.
//!
//! Beside each run, in the same process and alternately (the machine is
//! shared), the kernel's own batch figure: `check_json` over the same records
//! on as many threads, as `benches/batch.rs` measures it. The ratio
//! (tool / kernel, in records per second) is the tool's overhead: reading the
//! file, reading the result documents, sorting and writing the report.
//!
//! Times are wall-clock and, beside them, CPU time (the tool's user + system
//! time from `wait4`, the kernel threads' `CLOCK_THREAD_CPUTIME_ID`), which the
//! other engineers' load on this shared machine disturbs least. Peak memory is
//! the tool's maximum resident set (`wait4`), at 10,000 and at all the
//! records: flat memory means the two are close.
//!
//! `cargo bench -p govit-cli --bench todo [-- N [REPS]]` (default 100,000 records, 3 repetitions).

#[path = "../../benches/fixtures/mod.rs"]
mod fixtures;

use fixtures::*;
use govit::Engine;
use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn thread_cpu_s() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid out pointer; this clock exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// Wall and CPU seconds of a run.
#[derive(Clone, Copy)]
struct Time {
    wall: f64,
    cpu: f64,
}

/// The kernel's batch: checks of records 0..n on `threads` threads (CPU: the threads' own).
fn kernel_batch(engine: &Engine, pool: &BatchPool, n: usize, threads: usize) -> Time {
    let start = Instant::now();
    let chunk = n.div_ceil(threads);
    let cpu = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * chunk).min(n)..((t + 1) * chunk).min(n);
                s.spawn(move || {
                    let cpu = thread_cpu_s();
                    let mut text = String::new();
                    for i in range {
                        pool.project(i, &mut text);
                        black_box(engine.check_json(&text, Some(AS_OF)).expect("check"));
                    }
                    thread_cpu_s() - cpu
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("thread")).sum()
    });
    Time {
        wall: start.elapsed().as_secs_f64(),
        cpu,
    }
}

/// The tool on `file`: (wall and CPU seconds, peak resident KiB, exit code).
// The child is reaped by `wait4`, which gives its own peak memory too.
#[allow(clippy::zombie_processes)]
fn tool(file: &Path, as_of: &str, jobs: usize) -> (Time, u64, i32) {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_govit"))
        .args(["todo", "--as-of", as_of, "--format", "csv", "--jobs"])
        .arg(jobs.to_string())
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run govit");
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid out value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, with valid out pointers.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4");
    let wall = start.elapsed().as_secs_f64();
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    (Time { wall, cpu }, usage.ru_maxrss as u64, code)
}

fn write_batch(pool: &BatchPool, n: usize, path: &Path) -> usize {
    let mut out = BufWriter::new(std::fs::File::create(path).expect("batch file"));
    let mut text = String::new();
    let mut bytes = 0;
    for i in 0..n {
        pool.project(i, &mut text);
        out.write_all(text.as_bytes()).expect("write");
        out.write_all(b"\n").expect("write");
        bytes += text.len() + 1;
    }
    out.flush().expect("flush");
    bytes
}

fn main() {
    let numbers: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = numbers.first().copied().unwrap_or(100_000);
    let reps = numbers.get(1).copied().unwrap_or(3).max(1);
    let small = (n / 10).max(1);
    let as_of: serde_json::Value = serde_json::from_str(AS_OF).expect("options");
    let as_of = as_of["as_of"].as_str().expect("as_of").to_string();

    let engine = engine();
    let pool = BatchPool::new(&engine);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("todo-bench");
    std::fs::create_dir_all(&dir).expect("bench directory");
    let (big, little) = (
        dir.join(format!("batch-{n}.jsonl")),
        dir.join(format!("batch-{small}.jsonl")),
    );
    let bytes = write_batch(&pool, n, &big);
    write_batch(&pool, small, &little);

    println!("# govit todo over {n} records ({} shapes, {:.0} MB of JSON lines), as of {as_of}; medians of {reps} alternating repetitions", pool.len(), bytes as f64 / 1e6);
    println!("# 2 cores shared with other engineers' builds: compare the ratios, not the seconds;");
    println!("# records per CPU second (the tool's user + system time, the kernel threads' own) see the load least");
    println!("| jobs | tool s | tool records/s | kernel s | kernel records/s | tool / kernel | tool / kernel per CPU s | tool peak RSS |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut peak = Vec::new();
    for jobs in [1, 2] {
        let (mut tool_t, mut kernel_t, mut rss) = (Vec::new(), Vec::new(), 0);
        for _ in 0..reps {
            kernel_t.push(kernel_batch(&engine, &pool, n, jobs));
            let (time, maxrss, code) = tool(&big, &as_of, jobs);
            assert!(code == 0 || code == 1, "govit todo exited {code}");
            tool_t.push(time);
            rss = rss.max(maxrss);
        }
        let med =
            |ts: &[Time], f: fn(&Time) -> f64| median(&mut ts.iter().map(f).collect::<Vec<_>>());
        let (tw, kw) = (med(&tool_t, |t| t.wall), med(&kernel_t, |t| t.wall));
        let (tc, kc) = (med(&tool_t, |t| t.cpu), med(&kernel_t, |t| t.cpu));
        println!(
            "| {jobs} | {tw:.2} | {:.0} | {kw:.2} | {:.0} | {:.2} | {:.2} | {:.1} MiB |",
            n as f64 / tw,
            n as f64 / kw,
            kw / tw,
            kc / tc,
            rss as f64 / 1024.0
        );
        peak.push((jobs, rss));
    }
    let (_, rss_small, _) = tool(&little, &as_of, 1);
    let rss_big = peak[0].1;
    println!();
    println!(
        "# peak RSS, --jobs 1: {:.1} MiB at {small} records, {:.1} MiB at {n} ({:.2}x for {}x the records)",
        rss_small as f64 / 1024.0,
        rss_big as f64 / 1024.0,
        rss_big as f64 / rss_small.max(1) as f64,
        n / small
    );
}
