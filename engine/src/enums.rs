//! Enum entries at run time: how they print, compare and are found by name. The compiler
//! (`compiler/enums.rs`) lays them out: an entry is an instance of its enum class whose first
//! two fields are its `name` and `ordinal`; the entries live in the fields of a hidden object,
//! in declaration order, followed by `$VALUES`.

use std::cmp::Ordering;

use crate::bytecode::ClassId;
use crate::exception::ExcClass;
use crate::value::{HeapObj, Value};
use crate::vm::{Fault, NResult, Native};
use crate::world::World;

impl World {
    /// The enum class and the ordinal of an entry.
    pub(crate) fn enum_entry(&self, v: &Value) -> Option<(ClassId, i32)> {
        let Value::Obj(o) = v else { return None };
        let HeapObj::Instance { class, fields } = self.heap.get(*o) else { return None };
        self.program.enum_class(*class)?;
        match fields.get(1) {
            Some(Value::Int(i)) => Some((*class, *i)),
            _ => None,
        }
    }

    /// An entry's name: what `toString()` gives unless its class declares its own.
    pub(crate) fn enum_entry_name(&self, class: ClassId, fields: &[Value]) -> Option<String> {
        self.program.enum_class(class)?;
        match fields.first() {
            Some(Value::Str(s)) => Some(s.to_string()),
            _ => None,
        }
    }

    /// `compareTo` between entries: by ordinal. `None` when `a` is no entry.
    pub(crate) fn enum_compare(&self, a: &Value, b: &Value) -> Option<Result<Ordering, Fault>> {
        let (ca, x) = self.enum_entry(a)?;
        match self.enum_entry(b) {
            Some((cb, y)) if ca == cb => Some(Ok(x.cmp(&y))),
            _ => Some(Err(Fault::Stop(format!("cannot compare {} with {}", self.type_name(a), self.type_name(b))))),
        }
    }

    /// The members of entries and of their holder that are not fields: `compareTo` (the
    /// difference of the ordinals, as `java.lang.Enum` computes it) and `valueOf`. `None`
    /// when `recv` is neither.
    pub(crate) fn enum_method(&mut self, recv: &Value, name: &str, args: &[Value]) -> Option<NResult> {
        let Value::Obj(o) = recv else { return None };
        let HeapObj::Instance { class, fields } = self.heap.get(*o) else { return None };
        let class = *class;
        match name {
            "<valueOf>" => {
                let e = self.program.enum_holder(class)?;
                let enum_name = self.program.classes[e.class.0 as usize].name.clone();
                let holder = &self.program.classes[class.0 as usize];
                let entries = &holder.fields[..holder.fields.len().saturating_sub(1)];
                let text = match args.first() {
                    Some(Value::Str(s)) => s.clone(),
                    Some(Value::Null) => {
                        let e = self.new_exception(ExcClass::NullPointerException, Some("Name is null"), None);
                        return Some(Err(Fault::Throw(e)));
                    }
                    other => return Some(Err(Fault::Stop(format!("valueOf() of {enum_name} takes a String, not {}", other.map(|v| self.type_name(v)).unwrap_or_default())))),
                };
                let found = entries.iter().position(|f| self.program.sym(*f) == &*text).and_then(|i| fields.get(i)).cloned();
                Some(match found {
                    Some(v) => Ok(Native::Value(v)),
                    None => {
                        // `Enum.valueOf` names the class by its canonical name: the simple name for
                        // a class in no package.
                        let e = self.new_exception(ExcClass::IllegalArgumentException, Some(&format!("No enum constant {enum_name}.{text}")), None);
                        Err(Fault::Throw(e))
                    }
                })
            }
            "compareTo" if args.len() == 1 => {
                let (ca, x) = self.enum_entry(recv)?;
                Some(match self.enum_entry(&args[0]) {
                    Some((cb, y)) if ca == cb => Ok(Native::Value(Value::Int(x - y))),
                    _ => Err(Fault::Stop(format!("cannot compare {} with {}", self.type_name(recv), self.type_name(&args[0])))),
                })
            }
            // `Comparable`'s extensions.
            "coerceAtLeast" | "coerceAtMost" | "coerceIn" => {
                self.enum_entry(recv)?;
                let below = |w: &World, x: &Value, y: &Value| w.enum_compare(x, y).unwrap_or(Ok(Ordering::Equal)).map(|o| o.is_lt());
                let (low, high) = match name {
                    "coerceAtLeast" => (args.first().cloned(), None),
                    "coerceAtMost" => (None, args.first().cloned()),
                    _ => (args.first().cloned(), args.get(1).cloned()),
                };
                let coerced = (|| {
                    if let (Some(l), Some(h)) = (&low, &high) {
                        if below(self, h, l)? {
                            let msg = format!("Cannot coerce value to an empty range: maximum {} is less than minimum {}.", self.to_kstring(h), self.to_kstring(l));
                            return Err(Fault::Throw(self.new_exception(ExcClass::IllegalArgumentException, Some(&msg), None)));
                        }
                    }
                    let mut v = recv.clone();
                    if let Some(l) = &low {
                        if below(self, &v, l)? {
                            v = l.clone();
                        }
                    }
                    if let Some(h) = &high {
                        if below(self, h, &v)? {
                            v = h.clone();
                        }
                    }
                    Ok(Native::Value(v))
                })();
                Some(coerced)
            }
            _ => None,
        }
    }
}
