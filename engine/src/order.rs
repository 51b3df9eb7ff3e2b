//! Stable sorting with one copy of the sorting code for every element type.
//!
//! The standard library's sort is instantiated anew for every element type and comparison,
//! a few kilobytes of WebAssembly each. [`sort_by`] sorts the indices of the elements instead,
//! always as `usize` with a comparison behind a `dyn` reference, so there is one instance of
//! the sort whatever the caller sorts; then it moves the elements into place. The result is
//! the one `slice::sort_by` gives whenever the comparison is a total order (equal elements
//! keep their order).

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`, which must be a total order.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let items = &*v;
        sort_indices(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    }
    permute(v, &order);
}

/// Sorts `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Puts `v[order[i]]` at `i`, one cycle of the permutation at a time.
#[inline(never)]
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        let mut i = start;
        while !placed[i] {
            placed[i] = true;
            let j = order[i];
            if j == start {
                break;
            }
            v.swap(i, j);
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does() {
        let mut seed = 7u64;
        for n in [0usize, 1, 2, 3, 10, 33, 100, 1000] {
            let items: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u32, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = items.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "{n} items");
            let mut strings: Vec<String> = items.iter().map(|x| format!("{}-{}", x.0, x.1 % 3)).collect();
            let mut sorted = strings.clone();
            sorted.sort();
            sort_by(&mut strings, |a, b| a.cmp(b));
            assert_eq!(strings, sorted);
        }
    }
}
