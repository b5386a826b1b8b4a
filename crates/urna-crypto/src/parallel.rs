//! Splits per-ballot work (decryption shares, proof checks, opening) over the machine's cores
//! with scoped threads, keeping results in input order.

use std::num::NonZeroUsize;
use std::thread;

/// `f(position, item)` for every item, in order, on up to `available_parallelism` threads.
pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(usize, &T) -> U + Sync) -> Vec<U> {
    let threads = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    // Below a few hundred items a thread costs more than it saves (tests lower the bar so that
    // small sets exercise the threaded path).
    const MIN_ITEMS: usize = if cfg!(test) { 2 } else { 256 };
    if threads == 1 || items.len() < MIN_ITEMS {
        return items.iter().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, t)| f(c * chunk + i, t))
                        .collect::<Vec<U>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                // A panic in `f` is a bug in this crate; carry it to the caller unchanged.
                Err(payload) => std::panic::resume_unwind(payload),
            })
            .collect()
    })
}
