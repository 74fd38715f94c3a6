//! Work on every core whose results are taken in order, each as soon as those before it are,
//! with at most a window of them held: for printing a corpus while it is processed, without
//! waiting at the end of each batch for its slowest item (a 10 MB article keeps a core busy for
//! seconds) and without holding the whole output.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

/// Runs `work` on each of `items` on every core and hands the results to `take` in the items'
/// order. An item is begun only when fewer than `window` results wait before it.
///
/// # Errors
///
/// The first error `take` returns; no item is begun after it.
pub fn in_order<I: Send, T: Send, E>(
    items: impl Iterator<Item = I> + Send,
    window: usize,
    work: impl Fn(I) -> T + Sync,
    mut take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let window = window.max(1);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let queue = Mutex::new(items.enumerate());
    // How many results `take` has had, and a bell rung each time it has one more.
    let taken = Mutex::new(0_usize);
    let room = Condvar::new();
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (sender, results) = mpsc::channel();
        for _ in 0..threads {
            let sender = sender.clone();
            let (queue, taken, room, stop, work) = (&queue, &taken, &room, &stop, &work);
            scope.spawn(move || {
                let _stopping = StopOnPanic { taken, room, stop };
                while !stop.load(Ordering::Relaxed) {
                    let Some((index, item)) = queue.lock().unwrap_or_else(PoisonError::into_inner).next() else {
                        break;
                    };
                    // Items are begun in order, so the one `take` waits for is never held here.
                    let mut done = taken.lock().unwrap_or_else(PoisonError::into_inner);
                    while index >= *done + window && !stop.load(Ordering::Relaxed) {
                        done = room.wait(done).unwrap_or_else(PoisonError::into_inner);
                    }
                    drop(done);
                    if stop.load(Ordering::Relaxed) || sender.send((index, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let _stopping = StopOnPanic { taken: &taken, room: &room, stop: &stop };
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        let mut outcome = Ok(());
        for (index, result) in results {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if outcome.is_ok() {
                    outcome = take(result);
                    stop.store(outcome.is_err(), Ordering::Relaxed);
                }
                *taken.lock().unwrap_or_else(PoisonError::into_inner) = next;
                room.notify_all();
            }
        }
        outcome
    })
}

/// Stops the work when dropped by a panic, in `work` or in `take`: the others would otherwise
/// wait for ever for room in the window that the result never taken would have made.
struct StopOnPanic<'a> {
    taken: &'a Mutex<usize>,
    room: &'a Condvar,
    stop: &'a AtomicBool,
}

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            // Under the lock, so that a worker between looking at `stop` and waiting hears it.
            let _waiting = self.taken.lock().unwrap_or_else(PoisonError::into_inner);
            self.stop.store(true, Ordering::Relaxed);
            self.room.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn results_come_in_order_however_long_each_takes() {
        let mut seen = Vec::new();
        let work = |n: u64| {
            std::thread::sleep(std::time::Duration::from_millis((7 * n) % 5));
            n * n
        };
        in_order(0..40_u64, 3, work, |n| {
            seen.push(n);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(seen, (0..40).map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_stops_the_work() {
        let begun = std::sync::atomic::AtomicUsize::new(0);
        let work = |n: usize| {
            begun.fetch_add(1, Ordering::Relaxed);
            n
        };
        let outcome = in_order(0..10_000, 4, work, |n| if n == 5 { Err(n) } else { Ok(()) });
        assert_eq!(outcome, Err(5));
        // Only items within the window of the failure were begun, whatever the number of cores.
        assert!(begun.load(Ordering::Relaxed) <= 6 + 4, "{begun:?}");
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller_rather_than_hanging() {
        // Far more items than the window: the others wait for room that the lost result was
        // to make.
        let work = |n: usize| {
            assert_ne!(n, 3, "the work failed");
            n
        };
        let outcome = std::panic::catch_unwind(|| in_order(0..1_000, 2, work, |_| Ok::<(), ()>(())));
        assert!(outcome.is_err());
    }

    #[test]
    fn a_panic_in_take_reaches_the_caller_rather_than_hanging() {
        let take = |n: usize| {
            assert_ne!(n, 3, "taking failed");
            Ok::<(), ()>(())
        };
        let outcome = std::panic::catch_unwind(|| in_order(0..1_000, 2, |n| n, take));
        assert!(outcome.is_err());
    }

    proptest! {
        #[test]
        fn takes_every_result_once_in_order(count in 0..200_usize, window in 0..8_usize) {
            let mut seen = Vec::new();
            in_order(0..count, window, |n| n + 1, |n| {
                seen.push(n);
                Ok::<(), ()>(())
            }).unwrap();
            prop_assert_eq!(seen, (1..=count).collect::<Vec<_>>());
        }
    }
}
