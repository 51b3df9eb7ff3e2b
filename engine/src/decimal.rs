//! Decimal text and `Double`s, both ways, without the standard library's float tables (which
//! would cost the page over 20 KB).
//!
//! [`parse_f64`] accepts exactly what `str::parse::<f64>` accepts and gives the same value, bit
//! for bit (the nearest double, ties to even). The value `digits × 10^exp` is made exact as a big
//! integer or as a quotient of two, and rounded once. Digits past the 800th only tell whether the
//! value lies above the digits kept: a rounding boundary between two doubles has at most 767
//! significant digits, so nothing further can change the result.
//!
//! [`Dec`] prints a double as `{}`, `{:.N}`, `{:?}` and `{:e}` print it, character for character:
//! the digits come from the same algorithm as the standard library's (Dragon4 as Burger and
//! Dybvig describe it; the standard library's faster Grisu gives the same digits or defers to it).

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

/// A double to print as the standard library prints it: `format!("{}", Dec(x))` is
/// `format!("{}", x)`, and likewise with a precision (`{:.3}`), `{:?}` and `{:e}`. Widths are
/// not supported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dec(pub f64);

impl std::fmt::Display for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match f.precision() {
            Some(frac) => text(self.0, Style::Fixed(frac)),
            None => text(self.0, Style::Shortest(0)),
        })
    }
}

impl std::fmt::LowerExp for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&text(self.0, Style::Exponent))
    }
}

impl Dec {
    /// What `{:?}` prints: the shortest digits, with `.0` on whole numbers, and in exponent
    /// form below 1e-4 and from 1e16 on.
    pub fn debug(self) -> String {
        let a = self.0.abs();
        if (a != 0.0 && a < 1e-4) || a >= 1e16 {
            text(self.0, Style::Exponent)
        } else {
            text(self.0, Style::Shortest(1))
        }
    }
}

impl Dec {
    /// What Java's `Formatter` prints for `%.Nf` with `frac` as N: the shortest digits that
    /// read back as the double (those `Double.toString` shows), rounded half up to `frac`
    /// places, so `2.5` gives `3` and `1.005` gives `1.01` although the binary values lie on
    /// either side of the halfway point. Negative values and `-0.0` keep their sign even when
    /// they round to zero; `NaN` and the infinities print as words.
    pub fn fixed_half_up(self, frac: usize) -> String {
        let x = self.0;
        if x.is_nan() {
            return "NaN".into();
        }
        let mut out = String::new();
        if x.is_sign_negative() {
            out.push('-');
        }
        if x.is_infinite() {
            out.push_str("Infinity");
            return out;
        }
        // The value is `0.d1d2… × 10^point`; `digits` ends up holding every digit down to
        // the last place shown, `point` of them before the decimal point.
        let (mut digits, mut point) = if x == 0.0 { (Vec::new(), 0) } else { format_shortest(&decode(x)) };
        let kept = point as i64 + frac as i64;
        if kept < 0 {
            // Below a tenth of the last place: nothing reaches it.
            digits.clear();
        } else if (kept as usize) < digits.len() {
            let round_away = digits[kept as usize] >= 5;
            digits.truncate(kept as usize);
            if round_away {
                if let Some(extra) = round_up(&mut digits) {
                    digits.push(extra);
                    point += 1;
                }
            }
        }
        let whole = point.max(0) as usize;
        // Digits before the first significant one after the point (when `point` is negative).
        let leading_zeros = (-point).max(0) as usize;
        let digit = |i: usize| char::from(b'0' + digits.get(i).copied().unwrap_or(0));
        if whole == 0 {
            out.push('0');
        } else {
            out.extend((0..whole).map(digit));
        }
        if frac > 0 {
            out.push('.');
            for place in 0..frac {
                out.push(if place < leading_zeros { '0' } else { digit(whole + place - leading_zeros) });
            }
        }
        out
    }

    /// `String.format("%.{frac}e")` as Java's Formatter writes it: the shortest digits rounded
    /// half up to `frac` places after the first digit, and an exponent of at least two digits
    /// (`1.234568e+04`, `1e+04` for no places). NaN and infinities are words.
    pub fn scientific_half_up(self, frac: usize) -> String {
        let x = self.0;
        if x.is_nan() {
            return "NaN".into();
        }
        let sign = if x.is_sign_negative() { "-" } else { "" };
        if x.is_infinite() {
            return format!("{sign}Infinity");
        }
        let (mut digits, mut point) = if x == 0.0 { (vec![0], 1) } else { format_shortest(&decode(x)) };
        if digits.len() > frac + 1 {
            let round_away = digits[frac + 1] >= 5;
            digits.truncate(frac + 1);
            if round_away && round_up(&mut digits).is_some() {
                point += 1;
            }
        }
        let digit = |i: usize| char::from(b'0' + digits.get(i).copied().unwrap_or(0));
        let mut out = format!("{sign}{}", digit(0));
        if frac > 0 {
            out.push('.');
            out.extend((1..=frac).map(digit));
        }
        let exp = if x == 0.0 { 0 } else { point - 1 };
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
        out
    }
}

impl Dec {
    /// For a subnormal double, the digits JDK 17's `Double.toString` prints, as `0.d1d2… ×
    /// 10^k`; `None` for any other double. Its algorithm differs from the shortest digits
    /// there: exponent form always takes a second digit (`4.9E-324`, not `5.0E-324`), the
    /// margin is half the spacing of the doubles (a quarter of it for a power of two, as if the
    /// spacing halved below it, which it does not among subnormals), and a first digit of 0
    /// is kept when the estimate of the exponent was one too high and the value lies within
    /// the margin of the next power of ten (`1.0E-323`, not `9.9E-324`).
    #[inline(never)]
    pub fn java_subnormal_digits(self) -> Option<(Vec<u8>, i32)> {
        let bits = self.0.to_bits();
        let fraction = bits & ((1 << 52) - 1);
        if (bits >> 52) & 0x7ff != 0 || fraction == 0 {
            return None;
        }
        // Java's estimate of the decimal exponent, from the fraction normalized to 1.f × 2^e,
        // computed in doubles exactly as `FloatingDecimal.estimateDecExp` does.
        let shift = fraction.leading_zeros() as i32 - 11;
        let normalized = f64::from_bits((1023 << 52) | ((fraction << shift) & ((1 << 52) - 1)));
        let binary_exp = 1 - shift - 1023;
        // Java's own constants, log10(2) among them, to the digits Java writes them with: the
        // estimate must be Java's, not a better one.
        #[allow(clippy::approx_constant)]
        let estimate = (normalized - 1.5) * 0.289529654 + 0.176091259 + f64::from(binary_exp) * 0.301029995663981;
        let mut dec_exp = estimate.floor() as i32;
        // In units of 2^-1076, scaled by 10^-dec_exp: the value, the margin and the first
        // digit's place.
        let mut value = big(fraction << 2);
        let mut margin = big(if fraction.is_power_of_two() { 1 } else { 2 });
        mul_pow10(&mut value, -dec_exp);
        mul_pow10(&mut margin, -dec_exp);
        let mut place = big(1);
        place.shl(1076);
        let mut ten_places = Big { limbs: place.limbs.clone() };
        ten_places.mul_add(10, 0);
        let mut digits = Vec::new();
        let (mut low, mut high);
        let mut first = true;
        loop {
            let digit = value.div_small_quotient(&place) as u8;
            value.mul_add(10, 0);
            margin.mul_add(10, 0);
            low = !value.at_least(&margin);
            high = sum(&value, &margin).at_least(&ten_places);
            if first && digit == 0 && !high {
                dec_exp -= 1;
            } else {
                digits.push(digit);
            }
            // Exponent form needs a digit after the point, so the first step never ends it
            // (even when its digit was dropped).
            if !first && (low || high) {
                break;
            }
            first = false;
        }
        let round_away = high
            && (!low || {
                value.shl(1);
                value.greater(&ten_places) || (!ten_places.greater(&value) && digits.last().is_some_and(|d| d % 2 == 1))
            });
        let mut exp = dec_exp + 1;
        if round_away && round_up(&mut digits).is_some() {
            // All nines: Java keeps the number of digits, `10…0`, one place higher.
            exp += 1;
        }
        Some((digits, exp))
    }
}

/// How a double is printed.
#[derive(Clone, Copy)]
enum Style {
    /// The shortest digits that read back as the double, with at least so many after the point.
    Shortest(usize),
    /// Rounded to so many digits after the point.
    Fixed(usize),
    /// The shortest digits in exponent form: `1.5e-7`.
    Exponent,
}

fn text(x: f64, style: Style) -> String {
    let mut out = String::new();
    let bits = x.to_bits();
    if x.is_nan() {
        return "NaN".into();
    }
    if bits >> 63 == 1 {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    if x == 0.0 {
        out.push_str(match style {
            Style::Exponent => "0e0",
            _ => "0",
        });
        let frac = match style {
            Style::Shortest(n) | Style::Fixed(n) => n,
            Style::Exponent => 0,
        };
        if frac > 0 {
            out.push('.');
            out.extend(std::iter::repeat_n('0', frac));
        }
        return out;
    }
    let d = decode(x);
    let (digits, exp) = match style {
        Style::Fixed(frac) => {
            let limit = if frac < 0x8000 { -(frac as i32) } else { i32::from(i16::MIN) };
            let (digits, exp) = format_exact(&d, max_len(d.exp), limit);
            if exp <= limit {
                // Nothing reaches the last digit asked for: zero with that many digits.
                out.push('0');
                if frac > 0 {
                    out.push('.');
                    out.extend(std::iter::repeat_n('0', frac));
                }
                return out;
            }
            (digits, exp)
        }
        _ => format_shortest(&d),
    };
    let digits: String = digits.iter().map(|&c| char::from(b'0' + c)).collect();
    match style {
        Style::Exponent => {
            out.push_str(&digits[..1]);
            if digits.len() > 1 {
                out.push('.');
                out.push_str(&digits[1..]);
            }
            out.push('e');
            out.push_str(&(exp - 1).to_string());
        }
        Style::Shortest(frac) | Style::Fixed(frac) => {
            let n = digits.len() as i32;
            if exp <= 0 {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', -exp as usize));
                out.push_str(&digits);
                let shown = (n - exp) as usize;
                if frac > shown {
                    out.extend(std::iter::repeat_n('0', frac - shown));
                }
            } else if exp < n {
                out.push_str(&digits[..exp as usize]);
                out.push('.');
                out.push_str(&digits[exp as usize..]);
                let shown = (n - exp) as usize;
                if frac > shown {
                    out.extend(std::iter::repeat_n('0', frac - shown));
                }
            } else {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', (exp - n) as usize));
                if frac > 0 {
                    out.push('.');
                    out.extend(std::iter::repeat_n('0', frac));
                }
            }
        }
    }
    out
}

/// A finite, non-zero double as `mant × 2^exp`, with the distances to its neighbours'
/// midpoints (`minus`, `plus`, in the same unit) and whether those midpoints read back as it.
struct Decoded {
    mant: u64,
    minus: u64,
    plus: u64,
    exp: i32,
    inclusive: bool,
}

fn decode(x: f64) -> Decoded {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mant, exp) = if biased == 0 { (fraction << 1, -1075) } else { (fraction | 1 << 52, biased - 1075) };
    let inclusive = mant & 1 == 0;
    if biased == 0 {
        Decoded { mant, minus: 1, plus: 1, exp, inclusive }
    } else if mant == 1 << 52 {
        // The smallest mantissa of its binade: the neighbour below is half as far.
        Decoded { mant: mant << 2, minus: 1, plus: 2, exp: exp - 2, inclusive }
    } else {
        Decoded { mant: mant << 1, minus: 1, plus: 1, exp: exp - 1, inclusive }
    }
}

/// `k` with `10^(k-1) < mant × 2^exp <= 10^(k+1)`.
fn estimate_scaling_factor(mant: u64, exp: i32) -> i32 {
    let nbits = 64 - i64::from((mant - 1).leading_zeros());
    // 1292913986 = floor(2^32 × log10 2).
    (((nbits + i64::from(exp)) * 1292913986) >> 32) as i32
}

/// Digits the fixed mode may produce for a binary exponent.
fn max_len(exp: i32) -> usize {
    21 + ((if exp < 0 { -12 } else { 5 } * exp) as usize >> 4)
}

fn big(v: u64) -> Big {
    let mut b = Big::default();
    b.mul_add(1, (v >> 32) as u32);
    b.mul_add(1 << 16, 0);
    b.mul_add(1 << 16, v as u32);
    b
}

fn mul_pow10(x: &mut Big, n: i32) {
    for _ in 0..n {
        x.mul_add(10, 0);
    }
}

fn sum(a: &Big, b: &Big) -> Big {
    let mut out = Big { limbs: a.limbs.clone() };
    out.add(b);
    out
}

/// The next digit, `floor(x / scale)`, which is below 16; `x` keeps the remainder.
fn next_digit(x: &mut Big, scales: &[Big; 4]) -> u8 {
    let mut d = 0;
    for (i, s) in scales.iter().enumerate().rev() {
        if x.at_least(s) {
            x.sub(s);
            d += 1 << i;
        }
    }
    d
}

/// Adds one to the last of `digits` (decimal digits 0–9); the extra digit when all were 9s.
fn round_up(digits: &mut [u8]) -> Option<u8> {
    match digits.iter().rposition(|&c| c != 9) {
        Some(i) => {
            digits[i] += 1;
            digits[i + 1..].fill(0);
            None
        }
        None if digits.is_empty() => Some(1),
        None => {
            digits[0] = 1;
            digits[1..].fill(0);
            Some(0)
        }
    }
}

/// The shortest digits `0.d1d2… × 10^k` that read back as the double, the closest of them.
fn format_shortest(d: &Decoded) -> (Vec<u8>, i32) {
    // `a.cmp(b) < rounding` is `a <= b` when the bounds read back as the double, else `a < b`.
    let below = |a: &Big, b: &Big| if d.inclusive { !a.greater(b) } else { !a.at_least(b) };
    let mut k = estimate_scaling_factor(d.mant + d.plus, d.exp);
    let (mut mant, mut minus, mut plus, mut scale) = (big(d.mant), big(d.minus), big(d.plus), big(1));
    if d.exp < 0 {
        scale.shl(-d.exp as usize);
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.shl(d.exp as usize);
        }
    }
    if k >= 0 {
        mul_pow10(&mut scale, k);
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            mul_pow10(b, -k);
        }
    }
    if below(&scale, &sum(&mant, &plus)) {
        k += 1;
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_add(10, 0);
        }
    }
    let scales = multiples(&scale);
    let mut digits = Vec::new();
    let (down, up) = loop {
        digits.push(next_digit(&mut mant, &scales));
        let down = below(&mant, &minus);
        let up = below(&scale, &sum(&mant, &plus));
        if down || up {
            break (down, up);
        }
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_add(10, 0);
        }
    };
    if up && (!down || {
        mant.shl(1);
        mant.at_least(&scale)
    }) {
        if let Some(c) = round_up(&mut digits) {
            digits.push(c);
            k += 1;
        }
    }
    (digits, k)
}

/// `scale` times 1, 2, 4 and 8.
fn multiples(scale: &Big) -> [Big; 4] {
    let times = |n: usize| {
        let mut b = Big { limbs: scale.limbs.clone() };
        b.shl(n);
        b
    };
    [times(0), times(1), times(2), times(3)]
}

/// The digits `0.d1d2… × 10^k` of the double, at most `len` of them and none for powers of
/// ten below `10^limit`, rounded half to even.
fn format_exact(d: &Decoded, len_max: usize, limit: i32) -> (Vec<u8>, i32) {
    let mut k = estimate_scaling_factor(d.mant, d.exp);
    let (mut mant, mut scale) = (big(d.mant), big(1));
    if d.exp < 0 {
        scale.shl(-d.exp as usize);
    } else {
        mant.shl(d.exp as usize);
    }
    if k >= 0 {
        mul_pow10(&mut scale, k);
    } else {
        mul_pow10(&mut mant, -k);
    }
    // Whether `mant + floor(scale / (2 × 10^len_max)) >= scale`.
    let mut half_unit = Big { limbs: scale.limbs.clone() };
    let mut n = len_max;
    while n > 9 {
        half_unit.div_rem_small(1_000_000_000);
        n -= 9;
    }
    half_unit.div_rem_small(10u32.pow(n as u32) << 1);
    if sum(&half_unit, &mant).at_least(&scale) {
        k += 1;
    } else {
        mant.mul_add(10, 0);
    }
    let mut len = if k < limit { 0 } else { ((k - limit) as usize).min(len_max) };
    let mut digits = Vec::with_capacity(len);
    if len > 0 {
        let scales = multiples(&scale);
        for _ in 0..len {
            if mant.is_zero() {
                // The rest are zeros: no rounding.
                digits.resize(len, 0);
                return (digits, k);
            }
            digits.push(next_digit(&mut mant, &scales));
            mant.mul_add(10, 0);
        }
    }
    // Round half to even on what is left.
    scale.mul_add(5, 0);
    if mant.greater(&scale) || (!scale.greater(&mant) && len > 0 && digits[len - 1] & 1 == 1) {
        if let Some(c) = round_up(&mut digits) {
            k += 1;
            if k > limit && len < len_max {
                digits.push(c);
                len += 1;
            }
        }
    }
    debug_assert_eq!(digits.len(), len);
    (digits, k)
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

    /// `self += other`.
    fn add(&mut self, other: &Big) {
        if self.limbs.len() < other.limbs.len() {
            self.limbs.resize(other.limbs.len(), 0);
        }
        let mut carry = 0u64;
        for (i, l) in self.limbs.iter_mut().enumerate() {
            let v = u64::from(*l) + u64::from(other.limbs.get(i).copied().unwrap_or(0)) + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// `self /= d`, returning the remainder.
    fn div_rem_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for l in self.limbs.iter_mut().rev() {
            let v = rem << 32 | u64::from(*l);
            *l = (v / u64::from(d)) as u32;
            rem = v % u64::from(d);
        }
        rem as u32
    }

    fn greater(&self, other: &Big) -> bool {
        !other.at_least(self)
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
    fn fixed_half_up_rounds_as_javas_formatter() {
        use super::Dec;
        // Expected texts printed by `String.format` on a JVM.
        for (x, frac, want) in [
            (2.5, 0, "3"),
            (0.5, 0, "1"),
            (0.15, 1, "0.2"),
            (1.005, 2, "1.01"),
            (123456789.125, 2, "123456789.13"),
            (-0.05, 1, "-0.1"),
            (-0.04, 1, "-0.0"),
            (-0.0, 2, "-0.00"),
            (1e20, 3, "100000000000000000000.000"),
            (1e-10, 3, "0.000"),
            (0.0005, 3, "0.001"),
            (9.99995, 4, "10.0000"),
            (0.1, 20, "0.10000000000000000000"),
            (f64::NAN, 2, "NaN"),
            (f64::NEG_INFINITY, 2, "-Infinity"),
        ] {
            assert_eq!(Dec(x).fixed_half_up(frac), want, "%.{frac}f of {:e}", x);
        }
    }

    #[test]
    fn scientific_half_up_as_javas_formatter() {
        use super::Dec;
        // Expected texts printed by `String.format("%e")` on a JVM.
        for (x, frac, want) in [
            (12345.678, 6, "1.234568e+04"),
            (0.000123456, 2, "1.23e-04"),
            (12345.678, 0, "1e+04"),
            (0.0, 6, "0.000000e+00"),
            (-0.0, 6, "-0.000000e+00"),
            (1e100, 6, "1.000000e+100"),
            (1.5e-300, 6, "1.500000e-300"),
            (9.9995, 3, "1.000e+01"),
            (9.96, 1, "1.0e+01"),
            (0.125, 2, "1.25e-01"),
            (f64::NEG_INFINITY, 2, "-Infinity"),
        ] {
            assert_eq!(Dec(x).scientific_half_up(frac), want, "%.{frac}e of {:e}", x);
        }
    }

    fn prints_same(x: f64) {
        use super::Dec;
        assert_eq!(format!("{}", Dec(x)), format!("{x}"), "{{}} of {:e}", x);
        assert_eq!(Dec(x).debug(), format!("{x:?}"), "{{:?}} of {:e}", x);
        assert_eq!(format!("{:e}", Dec(x)), format!("{x:e}"), "{{:e}} of {:e}", x);
        for p in [0, 1, 2, 3, 6, 17, 30] {
            assert_eq!(format!("{:.*}", p, Dec(x)), format!("{x:.p$}"), "{{:.{p}}} of {:e}", x);
        }
    }

    #[test]
    fn prints_as_the_standard_library() {
        for x in [
            0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.25, 0.125, 0.35, 9.5, 99.5, 999.9999, 1e16, 1e15, 1e-4, 9.999e-5, 1e-5,
            123.456, 1e21, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, f64::NAN, -f64::NAN,
            f64::INFINITY, f64::NEG_INFINITY, 0.3, 1.0 / 3.0, 2.0f64.powi(60), 2.0f64.powi(-60), 100.0, 1234567.0, 0.000001, 4.35, 0.045, 0.0005,
        ] {
            prints_same(x);
        }
        let mut seed = 5u64;
        for _ in 0..3000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            prints_same(f64::from_bits(seed));
            prints_same(((seed >> 11) % 100_000) as f64 / 1000.0);
        }
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
