//! FNV-1a, the 64-bit hash the engine and the course use to compare bytes cheaply: a run's
//! trace ([`crate::trace::Trace::hash`]) and a lesson's content file against the index that
//! names it.

/// The hash of no bytes, where a hash starts.
pub const START: u64 = 0xcbf2_9ce4_8422_2325;

/// Hashes `bytes` on from `h`: `fnv1a(fnv1a(START, a), b)` is the hash of `a` then `b`.
pub fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(START, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(START, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(START, b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(fnv1a(fnv1a(START, b"foo"), b"bar"), fnv1a(START, b"foobar"));
    }
}
