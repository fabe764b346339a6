//! FNV-1a, 64-bit, a byte at a time: its state after any prefix of a word can be kept and
//! extended (a phrase one word longer, a word's `-s` form), which a seeded map hasher cannot
//! offer. It is not keyed: the tables hashed with it hold only the project's own words, and
//! their lookups stay bounded whatever the text (see their users).

/// The hash of no bytes.
pub(crate) const START: u64 = 0xCBF2_9CE4_8422_2325;

/// The hash after one more byte.
pub(crate) fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
}

/// The hash after `bytes` more.
pub(crate) fn extend(h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(h, step)
}

#[cfg(test)]
mod tests {
    #[test]
    fn it_is_fnv_1a_64() {
        // Published FNV-1a 64-bit test vectors.
        assert_eq!(super::extend(super::START, *b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::extend(super::START, *b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::extend(super::START, *b"foobar"), 0x8594_4171_f739_67e8);
        let prefix = super::extend(super::START, *b"foo");
        assert_eq!(super::extend(prefix, *b"bar"), super::extend(super::START, *b"foobar"));
    }
}
