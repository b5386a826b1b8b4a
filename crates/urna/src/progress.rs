//! Progress bars on stderr, drawn only when stderr is a terminal.

use std::io::IsTerminal;

/// A progress bar (`{spinner} {msg} [bar] done/total elapsed`), or `None` when stderr is not a
/// terminal (a pipe or a log file gets no control characters).
pub fn progress_bar() -> Option<indicatif::ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {pos}/{len} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    })
}
