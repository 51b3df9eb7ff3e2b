//! The compiler's tables of names: a map from names to values, kept in name order as a
//! `BTreeMap` is (iteration order decides symbol numbers), with the names in one vector
//! searched by binary search. Every table shares the code that searches and inserts names;
//! only moving the values differs by table.

/// Values by name, in name order.
#[derive(Debug, Clone)]
pub(super) struct Names<V> {
    names: Vec<String>,
    values: Vec<V>,
}

impl<V> Default for Names<V> {
    fn default() -> Self {
        Names { names: Vec::new(), values: Vec::new() }
    }
}

/// Where a name is, or where it would go.
fn find(names: &[String], name: &str) -> Result<usize, usize> {
    names.binary_search_by(|n| n.as_str().cmp(name))
}

impl<V> Names<V> {
    /// The value of a name.
    pub(super) fn get(&self, name: &str) -> Option<&V> {
        find(&self.names, name).ok().map(|i| &self.values[i])
    }

    /// The value of a name, to change it.
    pub(super) fn get_mut(&mut self, name: &str) -> Option<&mut V> {
        find(&self.names, name).ok().map(|i| &mut self.values[i])
    }

    /// Whether a name has a value.
    pub(super) fn contains_key(&self, name: &str) -> bool {
        find(&self.names, name).is_ok()
    }

    /// Sets the value of a name.
    pub(super) fn insert(&mut self, name: String, value: V) {
        match find(&self.names, &name) {
            Ok(i) => self.values[i] = value,
            Err(i) => {
                self.names.insert(i, name);
                self.values.insert(i, value);
            }
        }
    }

    /// Removes a name and its value, if it has one.
    pub(super) fn remove(&mut self, name: &str) {
        if let Ok(i) = find(&self.names, name) {
            self.names.remove(i);
            self.values.remove(i);
        }
    }

    /// The value of a name, a default one set first if it has none.
    pub(super) fn or_default(&mut self, name: &str) -> &mut V
    where
        V: Default,
    {
        let i = match find(&self.names, name) {
            Ok(i) => i,
            Err(i) => {
                self.names.insert(i, name.to_string());
                self.values.insert(i, V::default());
                i
            }
        };
        &mut self.values[i]
    }

    /// The names, in order.
    pub(super) fn keys(&self) -> impl Iterator<Item = &String> {
        self.names.iter()
    }

    /// The values, in name order.
    pub(super) fn values(&self) -> impl Iterator<Item = &V> {
        self.values.iter()
    }

    /// Names and values, in name order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.names.iter().zip(&self.values)
    }
}
