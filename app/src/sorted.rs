//! A map from text keys to values, kept in key order in one vector, as a `BTreeMap` iterates:
//! what the page keeps by key (stored edits, predictions, progress) is small, and one vector
//! costs far less code in the page than a B-tree for every key and value type.

/// Values by key, in key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for SortedMap<V> {
    fn default() -> Self {
        SortedMap { entries: Vec::new() }
    }
}

impl<V> SortedMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of a key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// Whether a key has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value of a key.
    pub fn insert(&mut self, key: String, value: V) {
        match self.find(&key) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (key, value)),
        }
    }

    /// Forgets a key.
    pub fn remove(&mut self, key: &str) {
        if let Ok(i) = self.find(key) {
            self.entries.remove(i);
        }
    }

    /// Whether it has no key.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets every key.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// Keys and values, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// Keys without values.
pub type SortedSet = SortedMap<()>;

impl SortedSet {
    /// Adds a key.
    pub fn add(&mut self, key: String) {
        self.insert(key, ());
    }

    /// Whether it holds a key.
    pub fn contains(&self, key: &str) -> bool {
        self.contains_key(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_keys_in_order() {
        let mut m = SortedMap::new();
        for (k, v) in [("b", 2), ("a", 1), ("c", 3), ("a", 4)] {
            m.insert(k.to_string(), v);
        }
        assert_eq!(m.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(), vec![("a", 4), ("b", 2), ("c", 3)]);
        m.remove("b");
        m.remove("x");
        assert_eq!((m.get("a"), m.get("b"), m.contains_key("c")), (Some(&4), None, true));
    }
}
