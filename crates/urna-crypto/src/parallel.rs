//! Splits per-ballot work (decryption shares, proof checks, opening, point decoding) over the
//! machine's cores with rayon, keeping results in input order. Work is cut into small chunks
//! that idle threads steal, so a core slowed by other processes does not hold the rest back.

use rayon::prelude::*;

/// Items per chunk: large enough that one field inversion per chunk (batched point
/// compression, see [`crate::encoding::double_and_compress`]) costs next to nothing per item,
/// small enough to balance two loaded cores. Tests lower it so small sets cross chunks.
pub(crate) const CHUNK: usize = if cfg!(test) { 3 } else { 256 };

/// `f(position, item)` for every item, in order.
pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(usize, &T) -> U + Sync) -> Vec<U> {
    items
        .par_iter()
        .enumerate()
        .with_min_len(CHUNK)
        .map(|(i, t)| f(i, t))
        .collect()
}

/// `f(start, chunk)` for consecutive chunks of at most [`CHUNK`] items, where `f` returns one
/// result per item of its chunk; the results are concatenated in order. For work that shares
/// one batched step across a chunk.
pub(crate) fn map_chunks<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(usize, &[T]) -> Vec<U> + Sync,
) -> Vec<U> {
    let parts: Vec<Vec<U>> = items
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, part)| f(c * CHUNK, part))
        .collect();
    parts.into_iter().flatten().collect()
}
