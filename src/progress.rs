//! A progress line on stderr while a large catalogue loads: shown only on a terminal, and only
//! once loading has taken longer than [`DELAY`], so that quick loads and pipes see nothing.

use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long loading runs before the line appears.
pub const DELAY: Duration = Duration::from_millis(500);
/// How often the line is redrawn.
const TICK: Duration = Duration::from_millis(100);
const SPINNER: [char; 4] = ['|', '/', '-', '\\'];

/// Shows progress until dropped.
pub struct Progress {
    done: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts the progress line for loading `name` (`bytes` long), if stderr is a terminal.
    pub fn start(name: &str, bytes: u64) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress::none();
        }
        Progress::start_on(std::io::stderr(), loading_message(name, bytes), DELAY)
    }

    /// No progress line at all.
    pub fn none() -> Progress {
        Progress {
            done: None,
            thread: None,
        }
    }

    /// Draws `message` on `out` after `delay`, then redraws it with the time taken until dropped,
    /// when it clears the line.
    fn start_on<W: Write + Send + 'static>(
        mut out: W,
        message: String,
        delay: Duration,
    ) -> Progress {
        let (done, wait) = mpsc::channel::<()>();
        let started = Instant::now();
        let spawned = std::thread::Builder::new()
            .name("progress".to_owned())
            .spawn(move || {
                if wait.recv_timeout(delay) != Err(RecvTimeoutError::Timeout) {
                    return;
                }
                let mut frame = 0;
                loop {
                    let spin = SPINNER.get(frame % SPINNER.len()).copied().unwrap_or(' ');
                    let seconds = started.elapsed().as_secs_f64();
                    let _ = write!(out, "\r{spin} {message} {seconds:.1} s");
                    let _ = out.flush();
                    frame += 1;
                    if wait.recv_timeout(TICK) != Err(RecvTimeoutError::Timeout) {
                        break;
                    }
                }
                // Carriage return, erase the line: the answer starts on a clean line.
                let _ = write!(out, "\r\x1b[2K");
                let _ = out.flush();
            });
        match spawned {
            Ok(thread) => Progress {
                done: Some(done),
                thread: Some(thread),
            },
            // No thread, no progress line: loading goes on all the same.
            Err(_) => Progress::none(),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        drop(self.done.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// `ladder: loading big.yaml (92 MB)...`
fn loading_message(name: &str, bytes: u64) -> String {
    let size = if bytes >= 10 * 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    };
    format!("ladder: loading {name} ({size})...")
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// A writer the test can read back after the thread is done.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("not poisoned").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn shown(work: Duration, delay: Duration) -> String {
        let out = Shared::default();
        let progress = Progress::start_on(out.clone(), "loading x".to_owned(), delay);
        std::thread::sleep(work);
        drop(progress);
        let bytes = out.0.lock().expect("not poisoned").clone();
        String::from_utf8(bytes).expect("UTF-8")
    }

    #[test]
    fn a_slow_load_draws_the_line_and_clears_it_at_the_end() {
        let text = shown(Duration::from_millis(300), Duration::ZERO);
        assert!(text.contains("loading x"), "{text:?}");
        assert!(text.ends_with("\r\x1b[2K"), "{text:?}");
    }

    #[test]
    fn a_quick_load_draws_nothing() {
        assert_eq!(shown(Duration::ZERO, Duration::from_secs(60)), "");
    }

    #[test]
    fn sizes_are_given_in_kilobytes_or_megabytes() {
        assert_eq!(
            loading_message("a.yaml", 1500),
            "ladder: loading a.yaml (2 kB)..."
        );
        assert_eq!(
            loading_message("b.json", 92 * 1024 * 1024),
            "ladder: loading b.json (92 MB)..."
        );
    }
}
