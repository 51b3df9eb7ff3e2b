//! Reading decimal text as a `Double`: [`parse_f64`] accepts exactly what `str::parse::<f64>`
//! accepts and gives the same value, bit for bit (the nearest double, ties to even), but
//! with small integer arithmetic instead of the standard library's tables, which would cost
//! the page over 10 KB.
//!
//! The value `digits × 10^exp` is made exact as a big integer or as a quotient of two, and
//! rounded once. Digits past the 800th only tell whether the value lies above the digits kept:
//! a rounding boundary between two doubles has at most 767 significant digits, so nothing
//! further can change the result.

/// Significant digits kept; see the module's documentation.
const MAX_DIGITS: usize = 800;

/// Reads a number as `str::parse::<f64>` does: an optional sign, then digits with at most one
/// `.` (at least one digit in all) and an optional exponent (`e` or `E`, an optional sign, at
/// least one digit); or `inf`, `infinity` or `nan` in any case. `None` for anything else.
pub fn parse_f64(text: &str) -> Option<f64> {
    let mut s = text.as_bytes();
    let negative = s.first() == Some(&b'-');
    if matches!(s.first(), Some(b'-' | b'+')) {
        s = &s[1..];
    }
    let value = match number(s) {
        Some(v) => v,
        None => {
            let word = s.to_ascii_lowercase();
            match &word[..] {
                b"inf" | b"infinity" => f64::INFINITY,
                b"nan" => f64::NAN,
                _ => return None,
            }
        }
    };
    Some(if negative { -value } else { value })
}

/// A decimal number without its sign.
fn number(s: &[u8]) -> Option<f64> {
    let mut digits: Vec<u8> = Vec::new();
    let mut sticky = false;
    let mut exp: i64 = 0;
    let mut seen = 0;
    let mut i = 0;
    let mut dot = false;
    while i < s.len() {
        match s[i] {
            c @ b'0'..=b'9' => {
                seen += 1;
                if dot {
                    exp -= 1;
                }
                if digits.is_empty() && c == b'0' {
                    // Leading zeros are not significant.
                } else if digits.len() < MAX_DIGITS {
                    digits.push(c - b'0');
                } else {
                    // A digit not kept: one more power of ten, and whether it is not zero.
                    exp += 1;
                    sticky |= c != b'0';
                }
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
        i += 1;
    }
    if seen == 0 {
        return None;
    }
    if i < s.len() {
        if !matches!(s[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let minus = s.get(i) == Some(&b'-');
        if matches!(s.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if !s.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut e: i64 = 0;
        while let Some(&c) = s.get(i).filter(|c| c.is_ascii_digit()) {
            // Far beyond any double either way; saturate as the standard library does.
            if e < 0x10000 {
                e = 10 * e + i64::from(c - b'0');
            }
            i += 1;
        }
        if i < s.len() {
            return None;
        }
        exp += if minus { -e } else { e };
    }
    if sticky {
        // The digits not kept lie below one unit of the last kept digit: a digit 1 just past
        // it stands for them (see the module's documentation).
        digits.push(1);
        exp -= 1;
    }
    Some(exact(&digits, exp))
}

/// The double nearest to `digits × 10^exp`; `digits` has no leading zero.
fn exact(digits: &[u8], exp: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    let magnitude = digits.len() as i64 + exp;
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -324 {
        return 0.0;
    }
    if digits.len() <= 15 && (-22..=22).contains(&exp) {
        // Both the digits and the power of ten are exact doubles: one operation rounds once.
        let m = digits.iter().fold(0.0, |m, &d| m * 10.0 + f64::from(d));
        let p = (0..exp.abs()).fold(1.0, |p, _| p * 10.0);
        return if exp < 0 { m / p } else { m * p };
    }
    let mut n = Big::default();
    for &d in digits {
        n.mul_add(10, u32::from(d));
    }
    if exp >= 0 {
        for _ in 0..exp {
            n.mul_add(10, 0);
        }
        return round(&n, 0, false);
    }
    // n / 10^-exp, scaled by a power of two so that the quotient has 55 or 56 bits: enough to
    // round, with the remainder telling whether anything lies past them.
    let mut d = Big::default();
    d.mul_add(1, 1);
    for _ in 0..-exp {
        d.mul_add(10, 0);
    }
    let scale = d.bits() as i64 + 55 - n.bits() as i64;
    if scale >= 0 {
        n.shl(scale as usize);
    } else {
        d.shl(-scale as usize);
    }
    let q = n.div_small_quotient(&d);
    let mut m = Big::default();
    m.mul_add(1, (q >> 32) as u32);
    m.mul_add(1 << 16, 0);
    m.mul_add(1 << 16, q as u32);
    round(&m, -scale, !n.is_zero())
}

/// The double nearest to `(m + f) × 2^e2`, where `0 < f < 1` when `sticky` and `f = 0` else.
fn round(m: &Big, e2: i64, sticky: bool) -> f64 {
    let len = m.bits() as i64;
    if len == 0 {
        return 0.0;
    }
    // The binary exponent of the leading bit, and how many bits the double keeps.
    let top = len - 1 + e2;
    if top > 1023 {
        return f64::INFINITY;
    }
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    let drop = len - keep;
    let mut kept: u64 = if drop <= 0 { m.low_u64() << -drop } else { m.bits_from(drop as usize) };
    if drop > 0 {
        let half = m.bit(drop as usize - 1);
        let below = sticky || m.any_below(drop as usize - 1);
        if half && (below || kept & 1 == 1) {
            kept += 1;
        }
    }
    if top >= -1022 {
        let mut top = top;
        if kept == 1 << 53 {
            kept >>= 1;
            top += 1;
            if top > 1023 {
                return f64::INFINITY;
            }
        }
        f64::from_bits(((top + 1023) as u64) << 52 | (kept & ((1 << 52) - 1)))
    } else {
        // A subnormal: the kept bits are the fraction (2^52 is the smallest normal).
        f64::from_bits(kept)
    }
}

/// A non-negative integer, 32 bits a limb, least significant first.
#[derive(Default)]
struct Big {
    limbs: Vec<u32>,
}

impl Big {
    /// `self = self × k + add`.
    fn mul_add(&mut self, k: u32, add: u32) {
        let mut carry = u64::from(add);
        for l in self.limbs.iter_mut() {
            let v = u64::from(*l) * u64::from(k) + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
    }

    fn is_zero(&self) -> bool {
        self.limbs.iter().all(|&l| l == 0)
    }

    /// The number of bits up to the highest one.
    fn bits(&self) -> usize {
        match self.limbs.iter().rposition(|&l| l != 0) {
            Some(i) => 32 * i + 32 - self.limbs[i].leading_zeros() as usize,
            None => 0,
        }
    }

    fn bit(&self, i: usize) -> bool {
        self.limbs.get(i / 32).is_some_and(|l| l >> (i % 32) & 1 == 1)
    }

    /// Whether a bit below `i` is set.
    fn any_below(&self, i: usize) -> bool {
        (0..i).any(|b| self.bit(b))
    }

    /// Bits `from` and up (at most 64 of them).
    fn bits_from(&self, from: usize) -> u64 {
        (from..self.bits()).rev().fold(0, |acc, b| acc << 1 | u64::from(self.bit(b)))
    }

    /// The lowest 64 bits.
    fn low_u64(&self) -> u64 {
        self.bits_from(0)
    }

    /// `self <<= n`.
    fn shl(&mut self, n: usize) {
        let (words, bits) = (n / 32, n % 32);
        if bits > 0 {
            let mut carry = 0;
            for l in self.limbs.iter_mut() {
                let v = *l;
                *l = v << bits | carry;
                carry = v >> (32 - bits);
            }
            if carry > 0 {
                self.limbs.push(carry);
            }
        }
        self.limbs.splice(0..0, std::iter::repeat_n(0, words));
    }

    /// `self >>= 1`.
    fn shr1(&mut self) {
        let mut carry = 0;
        for l in self.limbs.iter_mut().rev() {
            let v = *l;
            *l = v >> 1 | carry << 31;
            carry = v & 1;
        }
    }

    fn at_least(&self, other: &Big) -> bool {
        let n = self.limbs.len().max(other.limbs.len());
        for i in (0..n).rev() {
            let (a, b) = (self.limbs.get(i).copied().unwrap_or(0), other.limbs.get(i).copied().unwrap_or(0));
            if a != b {
                return a > b;
            }
        }
        true
    }

    /// `self -= other`, which is at most `self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, l) in self.limbs.iter_mut().enumerate() {
            let v = i64::from(*l) - i64::from(other.limbs.get(i).copied().unwrap_or(0)) - borrow;
            *l = v as u32;
            borrow = i64::from(v < 0);
        }
    }

    /// The quotient `self / d`, which must be below 2^64, leaving the remainder in `self`.
    fn div_small_quotient(&mut self, d: &Big) -> u64 {
        let span = self.bits().saturating_sub(d.bits());
        let mut step = Big { limbs: d.limbs.clone() };
        step.shl(span);
        let mut q = 0u64;
        for _ in 0..=span {
            q <<= 1;
            if self.at_least(&step) {
                self.sub(&step);
                q |= 1;
            }
            step.shr1();
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    fn same(text: &str) {
        let want = text.parse::<f64>().ok();
        let got = parse_f64(text);
        assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{text:?}: {got:?} instead of {want:?}");
    }

    #[test]
    fn reads_as_the_standard_library() {
        for t in [
            "", "+", "-", ".", "e", "1e", "1e+", "1.", ".5", "-.5", "+1", "1_000", " 1", "1 ", "0x10", "1.5e3", "1.5E-3", "1e400", "-1e400", "1e-400",
            "inf", "-Infinity", "NaN", "-nan", "+INF", "infinit", "nan1", "1.2.3", "00012.5000", "0", "-0", "0e999999999", "9e-999999999",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "9007199254740993", "9007199254740992.5", "0.1", "123456789012345678901234567890",
            "1e23", "8.589973e9", "1.00000000000000011102230246251565404236316680908203125", "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126", "é", "1é", "1e5é",
        ] {
            same(t);
        }
        let long = format!("1.{}1e-5", "0".repeat(900));
        same(&long);
        same(&format!("{}e-800", "9".repeat(1000)));
        same(&format!("0.{}", "0".repeat(400) + "24703282292062327"));
    }

    #[test]
    fn reads_every_double_back() {
        let mut seed = 99u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let x = f64::from_bits(seed);
            if !x.is_finite() {
                continue;
            }
            for text in [format!("{x}"), format!("{x:e}"), format!("{x:.17e}"), format!("{x:.3e}")] {
                same(&text);
            }
            // Halfway between x and the next double, and a hair either side.
            let next = f64::from_bits(seed.wrapping_add(1));
            if next.is_finite() && x > 0.0 {
                let mid = format!("{:.40e}", x / 2.0 + next / 2.0);
                same(&mid);
            }
        }
    }
}
