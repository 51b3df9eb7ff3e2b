//! "Did you mean …?" suggestions for misspelled names.

/// The candidate that `name` is most likely a misspelling of, if exactly one is clearly close.
///
/// Names are compared by edit distance (insertions, deletions, substitutions and swaps of two
/// neighbouring characters) without regard to case; a candidate is close when that distance
/// is at most a third of the name's length (at least 1). Among the closest, the one that also
/// matches the case better wins; when two stay tied, there is no clear answer and nothing is
/// suggested, whatever the order of the candidates. A name that is itself a candidate gets
/// no suggestion.
///
/// ```
/// use engine::lang::suggest::did_you_mean;
/// let builders = ["launch", "async", "runBlocking", "coroutineScope"];
/// assert_eq!(did_you_mean("lauch", builders), Some("launch"));
/// assert_eq!(did_you_mean("Async", builders), Some("async"));
/// assert_eq!(did_you_mean("delay", builders), None);
/// ```
#[inline(never)]
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name_chars: Vec<char> = name.chars().collect();
    let name_lower: Vec<char> = crate::case::lowercase(name).chars().collect();
    let max_distance = (name_chars.len().max(3) / 3).max(1);
    let mut best: Option<((usize, usize), &'a str)> = None;
    let mut tied = false;
    for candidate in candidates {
        if candidate == name {
            return None;
        }
        if best.is_some_and(|(_, b)| b == candidate) {
            continue;
        }
        let lower: Vec<char> = crate::case::lowercase(candidate).chars().collect();
        // Names shorter than three characters are too short to tell a typo from another name,
        // unless only their case differs.
        let distance = edit_distance(&name_lower, &lower);
        if distance > max_distance || (name_chars.len() < 3 && distance > 0) {
            continue;
        }
        let key = (distance, edit_distance(&name_chars, &candidate.chars().collect::<Vec<_>>()));
        match best {
            Some((best_key, _)) if key > best_key => {}
            Some((best_key, _)) if key == best_key => tied = true,
            _ => {
                best = Some((key, candidate));
                tied = false;
            }
        }
    }
    if tied {
        return None;
    }
    best.map(|(_, candidate)| candidate)
}

/// The optimal-string-alignment distance between `a` and `b`: the number of insertions,
/// deletions, substitutions and swaps of neighbouring characters that turn one into the other.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    // Three rows of the classic table: two rows back are needed for swaps.
    let mut before_previous = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before_previous[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before_previous, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &["launch", "async", "runBlocking", "coroutineScope", "supervisorScope", "withContext", "delay", "IO", "Default"];

    fn suggest(name: &str) -> Option<&'static str> {
        did_you_mean(name, NAMES.iter().copied())
    }

    #[test]
    fn typos_find_the_intended_name() {
        assert_eq!(suggest("lauch"), Some("launch"));
        assert_eq!(suggest("lanuch"), Some("launch"));
        assert_eq!(suggest("corotineScope"), Some("coroutineScope"));
        assert_eq!(suggest("supervisorscope"), Some("supervisorScope"));
        assert_eq!(suggest("withcontext"), Some("withContext"));
        assert_eq!(suggest("io"), Some("IO"));
        assert_eq!(suggest("dealy"), Some("delay"));
    }

    #[test]
    fn far_or_short_names_get_nothing() {
        assert_eq!(suggest("println"), None);
        assert_eq!(suggest("x"), None);
        assert_eq!(suggest("launch"), None);
        assert_eq!(suggest("Scope"), None);
    }

    #[test]
    fn a_tie_suggests_nothing_in_any_order() {
        let forward = ["cat", "car"];
        let backward = ["car", "cat"];
        assert_eq!(did_you_mean("cax", forward), None);
        assert_eq!(did_you_mean("cax", backward), None);
    }

    #[test]
    fn case_breaks_ties() {
        assert_eq!(did_you_mean("JOb", ["JOB", "Job"]), None);
        assert_eq!(did_you_mean("Job", ["job", "JOB"]), Some("job"));
        assert_eq!(did_you_mean("jOb", ["job", "Jobs"]), Some("job"));
        assert_eq!(did_you_mean("Foo", ["foo", "fOo"]), Some("foo"));
    }

    #[test]
    fn distance_counts_swaps_once() {
        let d = |a: &str, b: &str| edit_distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert_eq!(d("abcd", "acbd"), 1);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("kitten", "sitting"), 3);
    }
}
