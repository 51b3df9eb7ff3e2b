//! Splits the page's WebAssembly in two, so that the browser downloads only the code the
//! lessons run, and the rest when an edited program first calls into it.
//!
//! The page's module is one Rust program: the engine and the page. Much of the engine serves
//! programs no lesson has: the long tail of Kotlin's library, its rarer errors and their
//! diagnostics. This tool keeps every function a recorded run of the lessons called (the
//! *profile*, a list of function names) in the *primary* module the page loads, and moves the
//! body of every other function into a *cold* module beside it. In the primary, each moved
//! function becomes a stub with the same signature: the first call of any stub loads the cold
//! module (synchronously, through `__corolab_cold_loader`, which the page exports), and every
//! stub then calls its real body through the function table, where the cold module put it.
//!
//! The cold module shares everything else with the primary: it imports the primary's memory,
//! tables and globals (the stack pointer among them), and the functions it calls. It has no
//! data of its own, since the primary's data is already in the shared memory. So the program
//! behaves exactly as the unsplit one; only where its code was downloaded from differs.
//!
//! ```text
//! page-split names      IN                       list IN's functions by profile name
//! page-split instrument IN OUT NAMES             OUT marks each function called (__hitN)
//! page-split profile    NAMES HITS PROFILE       write the names of the functions HITS lists
//! page-split split      IN PROFILE PRIMARY COLD  split IN by PROFILE
//! page-split shorten-imports WASM JS             short names for the glue's imports
//! ```
//!
//! A stale profile costs only size and a pause: a function it misses is cold, and loads with
//! the cold module when called. The browser test that opens every lesson checks that the
//! lessons never need the cold module, which keeps the profile current.

use std::collections::BTreeSet;

use walrus::ir::{UnaryOp, Value};
use walrus::{
    ConstExpr, ElementItems, ElementKind, ExportItem, FunctionBuilder, FunctionId, FunctionKind,
    GlobalKind, ImportKind, ImportedFunction, Module, ModuleConfig, RefType, ValType,
};

/// The page's exported function that loads the cold module. A stub calls it only while the
/// primary's `READY_GLOBAL` is 0.
const LOADER_EXPORT: &str = "__corolab_cold_loader";
/// The primary's global that says the cold module is loaded; the loader sets it to 1.
const READY_GLOBAL: &str = "__corolab_cold_ready";
/// The module name under which the cold module imports what it shares with the primary.
const SHARED_MODULE: &str = "p";
/// A function with fewer instructions than this stays in the primary: its stub would be as
/// big as it is.
const MIN_COLD_INSTRUCTIONS: u64 = 12;

/// A function's name as the profile spells it: its name-section name without the hashes
/// rustc puts in symbol names, which change with the compiler and the build's settings while
/// the code stays the same.
pub fn profile_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|c| open + c);
        match close {
            Some(close) if close > open + 1 && rest[open + 1..close].bytes().all(|b| b.is_ascii_hexdigit()) => {
                out.push_str(&rest[..open]);
                rest = &rest[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    // Legacy-mangled names end in `::h` and 16 hex digits.
    if let Some(at) = out.rfind("::h") {
        let tail = &out[at + 3..];
        if tail.len() == 16 && tail.bytes().all(|b| b.is_ascii_hexdigit()) {
            out.truncate(at);
        }
    }
    // Copies of one function get `.N` suffixes, numbered in the order the linker met them,
    // which any change elsewhere shifts; the profile names them all at once.
    if let Some(at) = out.rfind('.') {
        let tail = &out[at + 1..];
        if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
            out.truncate(at);
        }
    }
    out
}

fn parse(wasm: &[u8]) -> Result<Module, String> {
    let mut config = ModuleConfig::new();
    config.generate_producers_section(false);
    config.parse(wasm).map_err(|e| e.to_string())
}

fn read(path: &str) -> Result<Module, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    parse(&bytes).map_err(|e| format!("{path}: {e}"))
}

fn write(module: &mut Module, path: &str) -> Result<(), String> {
    std::fs::write(path, module.emit_wasm()).map_err(|e| format!("{path}: {e}"))
}

fn local_functions(module: &Module) -> Vec<FunctionId> {
    module.funcs.iter_local().map(|(id, _)| id).collect()
}

fn name_of(module: &Module, id: FunctionId) -> String {
    module.funcs.get(id).name.as_deref().map(profile_name).unwrap_or_default()
}

/// Prints the profile name of each local function of the module in `input`, in order.
pub fn names(input: &str) -> Result<(), String> {
    let module = read(input)?;
    for id in local_functions(&module) {
        println!("{}", name_of(&module, id));
    }
    Ok(())
}

/// Gives every local function a global, set to 1 on entry and exported as `__hitN`, and
/// writes N's function name on line N of `names_path`. A profiling run reads the globals.
pub fn instrument(input: &str, output: &str, names_path: &str) -> Result<(), String> {
    let mut module = read(input)?;
    let mut names = String::new();
    for (n, id) in local_functions(&module).into_iter().enumerate() {
        names.push_str(&name_of(&module, id));
        names.push('\n');
        let hit = module.globals.add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
        module.exports.add(&format!("__hit{n}"), hit);
        let function = module.funcs.get_mut(id).kind.unwrap_local_mut();
        let entry = function.entry_block();
        function
            .builder_mut()
            .instr_seq(entry)
            .instr_at(0, walrus::ir::GlobalSet { global: hit })
            .instr_at(0, walrus::ir::Const { value: Value::I32(1) });
    }
    std::fs::write(names_path, names).map_err(|e| format!("{names_path}: {e}"))?;
    write(&mut module, output)
}

/// Writes the profile: the sorted names of the functions whose numbers `hits_path` lists, one
/// a line, after a comment saying what the file is. A name holding any line of `except_path`
/// (`#` starts a comment line) is left out, so that code the tests run only for some pages
/// (the Kotlin front end, for edited code) loads with the cold part.
pub fn write_profile(names_path: &str, hits_path: &str, except_path: &str, profile_path: &str) -> Result<(), String> {
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let names: Vec<String> = read(names_path)?.lines().map(str::to_string).collect();
    let except_text = read(except_path)?;
    let except: Vec<&str> = except_text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let mut ran = BTreeSet::new();
    let mut left_out = 0;
    for hit in read(hits_path)?.split_whitespace() {
        let n: usize = hit.parse().map_err(|_| format!("{hits_path}: {hit} is not a function's number"))?;
        let name = names.get(n).ok_or_else(|| format!("{hits_path}: there is no function {n}"))?;
        if excepted(name, &except) {
            left_out += 1;
        } else if !name.is_empty() {
            ran.insert(name.as_str());
        }
    }
    eprintln!("page-split: {left_out} functions that ran are left out by {except_path}");
    let mut text = String::from(
        "# The page's functions that its browser tests run, by name (scripts/profile-page.sh), but\n\
         # those app/page-profile-except.txt leaves out. scripts/split-page.sh keeps them in the\n\
         # module the page loads; the rest load on first call.\n",
    );
    for name in &ran {
        text.push_str(name);
        text.push('\n');
    }
    std::fs::write(profile_path, text).map_err(|e| format!("{profile_path}: {e}"))?;
    eprintln!("page-split: {} of {} named functions ran", ran.len(), names.iter().filter(|n| !n.is_empty()).count());
    Ok(())
}

/// Whether the profile leaves out `name`: it holds one of the `except` patterns.
pub fn excepted(name: &str, except: &[&str]) -> bool {
    except.iter().any(|pattern| name.contains(pattern))
}

/// Splits the module in the file `input` by the profile in `profile_path` (one name a line;
/// `#` starts a comment line), writing the two modules to `primary_path` and `cold_path`.
pub fn split(input: &str, profile_path: &str, primary_path: &str, cold_path: &str) -> Result<(), String> {
    let profile: BTreeSet<String> = std::fs::read_to_string(profile_path)
        .map_err(|e| format!("{profile_path}: {e}"))?
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect();
    let wasm = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
    let split = split_module(&wasm, &profile).map_err(|e| format!("{input}: {e}"))?;
    std::fs::write(primary_path, &split.primary).map_err(|e| format!("{primary_path}: {e}"))?;
    std::fs::write(cold_path, &split.cold).map_err(|e| format!("{cold_path}: {e}"))?;
    let stats = split.stats;
    eprintln!(
        "page-split: {} of {} functions ({} of {} instructions) moved to {cold_path}",
        stats.cold_functions, stats.functions, stats.cold_instructions, stats.instructions
    );
    Ok(())
}

/// The JavaScript module wasm-bindgen's glue gives the page's imports under, and the shorter
/// name they get.
const GLUE_MODULE: &str = "./app_bg.js";
const SHORT_GLUE_MODULE: &str = "g";

/// Gives the page module's imports from wasm-bindgen's glue short names, in the module in the
/// file `wasm_path` and in the glue in `js_path`: wasm-bindgen names each import after its
/// function and a 16-digit hash (`__wbg_setAttribute_2c6b9a8ba3c1f5a6`), which the module
/// spells once and the glue once more, and which gzip cannot shrink.
pub fn shorten_imports(wasm_path: &str, js_path: &str) -> Result<(), String> {
    let wasm = std::fs::read(wasm_path).map_err(|e| format!("{wasm_path}: {e}"))?;
    let js = std::fs::read_to_string(js_path).map_err(|e| format!("{js_path}: {e}"))?;
    let (wasm, js, n) = shorten(&wasm, &js)?;
    std::fs::write(wasm_path, wasm).map_err(|e| format!("{wasm_path}: {e}"))?;
    std::fs::write(js_path, js).map_err(|e| format!("{js_path}: {e}"))?;
    eprintln!("page-split: {n} imports renamed");
    Ok(())
}

/// [`shorten_imports`] on the bytes: the module, the glue, and how many imports were renamed.
/// Every name must appear exactly once in the glue, as the key of its function, and the glue
/// module's name once, or nothing is renamed.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String, usize), String> {
    let mut module = parse(wasm)?;
    let mut js = js.to_string();
    let once = |js: &str, text: &str| js.matches(text).count() == 1;
    if !once(&js, &format!("\"{GLUE_MODULE}\"")) {
        return Err(format!("the glue does not name {GLUE_MODULE} exactly once"));
    }
    js = js.replacen(&format!("\"{GLUE_MODULE}\""), &format!("\"{SHORT_GLUE_MODULE}\""), 1);
    let mut n = 0;
    for import in module.imports.iter_mut().filter(|i| i.module == GLUE_MODULE) {
        let short = format!("_{}", base36(n));
        // A name followed by `:` or `(` is the key of its function in the glue's object.
        let key = |name: &str| [format!("{name}:"), format!("{name}(")];
        let [colon, paren] = key(&import.name);
        let found = js.matches(&import.name).count();
        if found != 1 || !(js.contains(&colon) || js.contains(&paren)) {
            return Err(format!("the glue names the import {} {found} times, not once as a key", import.name));
        }
        let at = js.find(&import.name).expect("found once");
        js.replace_range(at..at + import.name.len(), &short);
        import.module = SHORT_GLUE_MODULE.to_string();
        import.name = short;
        n += 1;
    }
    Ok((module.emit_wasm(), js, n))
}

fn base36(mut n: usize) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(digits[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII digits")
}

/// A module split in two.
pub struct Split {
    /// The module the page loads, with a stub for each moved function.
    pub primary: Vec<u8>,
    /// The moved functions, which import all else from the primary.
    pub cold: Vec<u8>,
    pub stats: Stats,
}

/// Splits a module: the functions the profile names stay in the primary, the others move to
/// the cold module (but for those [`choose_cold`] keeps).
pub fn split_module(wasm: &[u8], profile: &BTreeSet<String>) -> Result<Split, String> {
    // Two copies of the same module: one becomes the primary, the other the cold module.
    // walrus numbers items in the order it reads them, so an item's index names it in both.
    let mut primary = parse(wasm)?;
    let mut cold = parse(wasm)?;

    let cold_functions = choose_cold(&primary, profile)?;
    let stats = Stats::of(&primary, &cold_functions);
    let table = function_table(&primary)?;
    let base = primary.tables.get(table).initial;

    make_cold(&mut cold, &cold_functions, base)?;
    make_primary(&mut primary, &cold_functions, table, base)?;
    share_with_cold(&mut primary, &cold)?;
    Ok(Split { primary: primary.emit_wasm(), cold: cold.emit_wasm(), stats })
}

/// How much of a module moved: functions, and their instructions.
pub struct Stats {
    pub functions: usize,
    pub instructions: u64,
    pub cold_functions: usize,
    pub cold_instructions: u64,
}

impl Stats {
    fn of(module: &Module, cold: &[usize]) -> Stats {
        let size = |id: FunctionId| module.funcs.get(id).kind.unwrap_local().size();
        let locals = local_functions(module);
        let by_index = index_of_functions(module);
        Stats {
            functions: locals.len(),
            instructions: locals.iter().map(|&id| size(id)).sum(),
            cold_functions: cold.len(),
            cold_instructions: cold.iter().map(|&i| size(by_index[i])).sum(),
        }
    }
}

/// The indices of the functions to move: local functions the profile does not name, other
/// than the exports (JavaScript calls them by name), the start function, the functions the
/// loader calls, functions without a name, functions too small to be worth a stub, and
/// functions that touch passive data segments (those stay with the primary's data).
fn choose_cold(module: &Module, profile: &BTreeSet<String>) -> Result<Vec<usize>, String> {
    let loader = module.exports.get_func(LOADER_EXPORT).map_err(|_| format!("the module exports no {LOADER_EXPORT}"))?;
    let loading = called_from(module, loader);
    let exported: BTreeSet<FunctionId> = module
        .exports
        .iter()
        .filter_map(|export| match export.item {
            ExportItem::Function(id) => Some(id),
            _ => None,
        })
        .collect();
    let mut cold = Vec::new();
    for (id, function) in module.funcs.iter_local() {
        let keep = exported.contains(&id)
            || module.start == Some(id)
            || loading.contains(&id)
            || function.size() < MIN_COLD_INSTRUCTIONS
            || !function.used_data_segments().is_empty()
            || profile.contains(&name_of(module, id))
            // A function without a name cannot be in the profile (wasm-bindgen's generated
            // glue is among them); it stays, whether it runs or not.
            || module.funcs.get(id).name.is_none();
        if !keep {
            cold.push(id.index());
        }
    }
    cold.sort_unstable();
    Ok(cold)
}

/// The functions `root` may call, directly or through others, itself included. The loader's
/// must stay in the primary: a stub among them would call the loader again before the cold
/// module is in.
fn called_from(module: &Module, root: FunctionId) -> BTreeSet<FunctionId> {
    struct Callees(Vec<FunctionId>);
    impl<'a> walrus::ir::Visitor<'a> for Callees {
        fn visit_function_id(&mut self, id: &FunctionId) {
            self.0.push(*id);
        }
    }
    let mut seen = BTreeSet::from([root]);
    let mut todo = vec![root];
    while let Some(id) = todo.pop() {
        if let FunctionKind::Local(function) = &module.funcs.get(id).kind {
            let mut callees = Callees(Vec::new());
            walrus::ir::dfs_in_order(&mut callees, function, function.entry_block());
            todo.extend(callees.0.into_iter().filter(|&callee| seen.insert(callee)));
        }
    }
    seen
}

/// The module's functions, each at its index: a module just read numbers them 0, 1, 2, ….
fn index_of_functions(module: &Module) -> Vec<FunctionId> {
    let mut ids: Vec<FunctionId> = module.funcs.iter().map(|f| f.id()).collect();
    ids.sort_by_key(|id| id.index());
    debug_assert!(ids.iter().enumerate().all(|(i, id)| id.index() == i), "function indices have gaps");
    ids
}

/// The table `call_indirect` uses: the module's one table of functions.
fn function_table(module: &Module) -> Result<walrus::TableId, String> {
    let mut tables = module.tables.iter().filter(|t| t.element_ty == RefType::FUNCREF);
    match (tables.next(), tables.next()) {
        (Some(table), None) => Ok(table.id()),
        _ => Err("the module does not have exactly one table of functions".to_string()),
    }
}

/// Turns a copy of the module into the cold module: the cold functions stay; every other
/// function, the memory, the tables and the globals become imports from the primary; the
/// data, element segments, exports and start function go. One element segment puts the cold
/// functions in the table slots from `base` on, where the primary's stubs call them.
fn make_cold(module: &mut Module, cold_functions: &[usize], base: u64) -> Result<(), String> {
    let cold: BTreeSet<usize> = cold_functions.iter().copied().collect();
    let functions: Vec<(FunctionId, walrus::TypeId, Option<walrus::ImportId>)> = module
        .funcs
        .iter()
        .map(|f| {
            let import = match &f.kind {
                FunctionKind::Import(i) => Some(i.import),
                _ => None,
            };
            (f.id(), f.ty(), import)
        })
        .collect();
    for (id, ty, import) in functions {
        if cold.contains(&id.index()) {
            continue;
        }
        if let Some(import) = import_from_primary(module, import, format!("f{}", id.index()), ImportKind::Function(id)) {
            module.funcs.get_mut(id).kind = FunctionKind::Import(ImportedFunction { import, ty });
        }
    }

    // The primary's data is in the memory already: the cold module must not write it again.
    let memories: Vec<_> = module.memories.iter().map(|m| (m.id(), m.import)).collect();
    for (id, import) in memories {
        if let Some(import) = import_from_primary(module, import, format!("m{}", id.index()), ImportKind::Memory(id)) {
            let memory = module.memories.get_mut(id);
            memory.import = Some(import);
            memory.data_segments.clear();
        }
    }
    let data: Vec<_> = module.data.iter().map(|d| d.id()).collect();
    for id in data {
        module.data.delete(id);
    }

    let table = function_table(module)?;
    let tables: Vec<_> = module.tables.iter().map(|t| (t.id(), t.import)).collect();
    for (id, import) in tables {
        if let Some(import) = import_from_primary(module, import, format!("t{}", id.index()), ImportKind::Table(id)) {
            let t = module.tables.get_mut(id);
            t.import = Some(import);
            t.init = None;
            t.elem_segments.clear();
        }
    }
    // The import asks for the slots the primary's table grows by.
    grow_table(module, table, base + cold_functions.len() as u64);
    let elements: Vec<_> = module.elements.iter().map(|e| e.id()).collect();
    for id in elements {
        module.elements.delete(id);
    }
    let by_index = index_of_functions(module);
    let moved: Vec<FunctionId> = cold_functions.iter().map(|&i| by_index[i]).collect();
    let segment = module.elements.add(
        ElementKind::Active { table, offset: ConstExpr::Value(Value::I32(base as i32)) },
        ElementItems::Functions(moved),
    );
    module.tables.get_mut(table).elem_segments.insert(segment);

    let globals: Vec<_> = module
        .globals
        .iter()
        .map(|g| match g.kind {
            GlobalKind::Import(import) => (g.id(), Some(import)),
            GlobalKind::Local(_) => (g.id(), None),
        })
        .collect();
    for (id, import) in globals {
        if let Some(import) = import_from_primary(module, import, format!("g{}", id.index()), ImportKind::Global(id)) {
            module.globals.get_mut(id).kind = GlobalKind::Import(import);
        }
    }

    let exports: Vec<_> = module.exports.iter().map(|e| e.id()).collect();
    for id in exports {
        module.exports.delete(id);
    }
    module.start = None;
    drop_names_and_custom_sections(module);
    // Only what the cold functions use remains imported.
    walrus::passes::gc::run(module);
    Ok(())
}

/// Makes an item of the cold module an import from the primary, named `name`: an item the
/// module imports already is imported from the primary instead (the primary passes on what it
/// imports); for one it defines, this adds the import and returns it, for the caller to put in
/// the item's place.
fn import_from_primary(module: &mut Module, existing: Option<walrus::ImportId>, name: String, kind: ImportKind) -> Option<walrus::ImportId> {
    match existing {
        Some(import) => {
            let import = module.imports.get_mut(import);
            import.module = SHARED_MODULE.to_string();
            import.name = name;
            None
        }
        None => Some(module.imports.add(SHARED_MODULE, &name, kind)),
    }
}

fn grow_table(module: &mut Module, table: walrus::TableId, size: u64) {
    let t = module.tables.get_mut(table);
    t.initial = size;
    t.maximum = t.maximum.map(|max| max.max(size));
}

/// The page needs neither function names nor custom sections; the split modules drop them.
fn drop_names_and_custom_sections(module: &mut Module) {
    for function in module.funcs.iter_mut() {
        function.name = None;
    }
    let customs: Vec<_> = module.customs.iter().map(|(id, _)| id).collect();
    for id in customs {
        module.customs.delete(id);
    }
}

/// Replaces each cold function's body in the primary by a stub: load the cold module unless
/// it is loaded, then call the real body in its table slot with the same arguments.
fn make_primary(module: &mut Module, cold_functions: &[usize], table: walrus::TableId, base: u64) -> Result<(), String> {
    let loader = module.exports.get_func(LOADER_EXPORT).map_err(|e| e.to_string())?;
    let ready = module.globals.add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
    module.exports.add(READY_GLOBAL, ready);
    grow_table(module, table, base + cold_functions.len() as u64);

    let by_index = index_of_functions(module);
    for (slot, &index) in cold_functions.iter().enumerate() {
        let id = by_index[index];
        let ty = module.funcs.get(id).ty();
        let (params, results) = {
            let t = module.types.get(ty);
            (t.params().to_vec(), t.results().to_vec())
        };
        let mut builder = FunctionBuilder::new(&mut module.types, &params, &results);
        let args: Vec<_> = params.iter().map(|&p| module.locals.add(p)).collect();
        let mut body = builder.func_body();
        body.global_get(ready).unop(UnaryOp::I32Eqz).if_else(
            None,
            |then| {
                then.call(loader);
            },
            |_| {},
        );
        for &arg in &args {
            body.local_get(arg);
        }
        body.i32_const((base + slot as u64) as i32).call_indirect(ty, table);
        let stub = builder.local_func(args);
        module.funcs.get_mut(id).kind = FunctionKind::Local(stub);
    }
    drop_names_and_custom_sections(module);
    Ok(())
}

/// Exports from the primary, under the cold module's import names, everything it imports.
fn share_with_cold(primary: &mut Module, cold: &Module) -> Result<(), String> {
    let functions = index_of_functions(primary);
    for import in cold.imports.iter() {
        let index = match import.kind {
            ImportKind::Function(id) => id.index(),
            ImportKind::Memory(id) => id.index(),
            ImportKind::Table(id) => id.index(),
            ImportKind::Global(id) => id.index(),
            ImportKind::Tag(_) => return Err("the module uses exception tags".to_string()),
        };
        let missing = || format!("the primary has no item {index} for {}", import.name);
        let item: ExportItem = match import.kind {
            ImportKind::Function(_) => functions.get(index).copied().ok_or_else(missing)?.into(),
            ImportKind::Memory(_) => {
                primary.memories.iter().map(|m| m.id()).find(|id| id.index() == index).ok_or_else(missing)?.into()
            }
            ImportKind::Table(_) => {
                primary.tables.iter().map(|t| t.id()).find(|id| id.index() == index).ok_or_else(missing)?.into()
            }
            ImportKind::Global(_) => {
                primary.globals.iter().map(|g| g.id()).find(|id| id.index() == index).ok_or_else(missing)?.into()
            }
            ImportKind::Tag(_) => unreachable!(),
        };
        primary.exports.add(&import.name, item);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use walrus::ir::{BinaryOp, LoadKind, MemArg, StoreKind};

    #[test]
    fn profile_names_drop_the_hashes_of_symbols() {
        assert_eq!(profile_name("<engine[5180cfa203390822]::world::World>::step"), "<engine::world::World>::step");
        assert_eq!(profile_name("core::fmt::write::h0123456789abcdef"), "core::fmt::write");
        // Brackets that hold anything but a hash stay.
        assert_eq!(profile_name("<[T] as Debug>::fmt"), "<[T] as Debug>::fmt");
        assert_eq!(profile_name("a[] b[x1]"), "a[] b[x1]");
        // The numbers that tell copies apart go; other dots stay.
        assert_eq!(profile_name("<&str as Pattern>::is_contained_in.784"), "<&str as Pattern>::is_contained_in");
        assert_eq!(profile_name("f.rs.x"), "f.rs.x");
    }

    #[test]
    fn the_profile_leaves_out_names_holding_an_excepted_pattern() {
        let except = ["engine::compiler", "engine::lang::params::params"];
        assert!(excepted("<engine::compiler::Compiler>::expr", &except));
        assert!(excepted("core::ptr::drop_in_place::<engine::compiler::Scope>", &except));
        assert!(excepted("engine::lang::params::params_in", &except));
        assert!(!excepted("<engine::lang::params::ParamValue>::to_kotlin", &except));
        assert!(!excepted("engine::lang::lexer::lex", &except));
        assert!(!excepted("engine::lang::lexer::lex", &[]));
    }

    /// A small module shaped like the page's: a memory, a table of functions, a stack-pointer
    /// global, the loader export, an exported `run` that calls `hot` and `cold`, and `cold`,
    /// which calls `hot` and uses the memory and the global. Calling `run(x)` stores
    /// `hot(x) + cold(x)` at address 8.
    fn page_like_module() -> Vec<u8> {
        let mut m = Module::default();
        let memory = m.memories.add_local(false, false, 1, None, None);
        m.exports.add("memory", memory);
        let sp = m.globals.add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(1024)));
        let table = m.tables.add_local(false, 1, None, RefType::FUNCREF);

        let loader = FunctionBuilder::new(&mut m.types, &[], &[]).finish(vec![], &mut m.funcs);
        m.exports.add(LOADER_EXPORT, loader);

        let x = m.locals.add(ValType::I32);
        let mut hot = FunctionBuilder::new(&mut m.types, &[ValType::I32], &[ValType::I32]);
        hot.name("hot".to_string());
        hot.func_body().local_get(x).i32_const(1).binop(BinaryOp::I32Add);
        let hot = hot.finish(vec![x], &mut m.funcs);

        let y = m.locals.add(ValType::I32);
        let mut cold = FunctionBuilder::new(&mut m.types, &[ValType::I32], &[ValType::I32]);
        cold.name("cold[0123456789abcdef]".to_string());
        let arg = MemArg { align: 4, offset: 0 };
        cold.func_body()
            .global_get(sp)
            .i32_const(16)
            .binop(BinaryOp::I32Sub)
            .global_set(sp)
            .global_get(sp)
            .local_get(y)
            .store(memory, StoreKind::I32 { atomic: false }, arg)
            .global_get(sp)
            .load(memory, LoadKind::I32 { atomic: false }, arg)
            .call(hot)
            .i32_const(10)
            .binop(BinaryOp::I32Mul)
            .global_get(sp)
            .i32_const(16)
            .binop(BinaryOp::I32Add)
            .global_set(sp);
        let cold = cold.finish(vec![y], &mut m.funcs);

        let z = m.locals.add(ValType::I32);
        let mut run = FunctionBuilder::new(&mut m.types, &[ValType::I32], &[]);
        run.func_body()
            .i32_const(8)
            .local_get(z)
            .call(hot)
            .local_get(z)
            .call(cold)
            .binop(BinaryOp::I32Add)
            .store(memory, StoreKind::I32 { atomic: false }, arg);
        let run = run.finish(vec![z], &mut m.funcs);
        m.exports.add("run", run);
        let segment = m.elements.add(
            ElementKind::Active { table, offset: ConstExpr::Value(Value::I32(0)) },
            ElementItems::Functions(vec![hot]),
        );
        m.tables.get_mut(table).elem_segments.insert(segment);
        m.emit_wasm()
    }

    fn validate(wasm: &[u8]) {
        wasmparser::Validator::new().validate_all(wasm).expect("a valid module");
    }

    #[test]
    fn a_function_the_profile_misses_moves_to_the_cold_module_behind_a_stub() {
        let profile: BTreeSet<String> = ["hot".to_string()].into();
        let split = split_module(&page_like_module(), &profile).unwrap();
        validate(&split.primary);
        validate(&split.cold);
        assert_eq!(split.stats.cold_functions, 1, "only `cold` moves");

        let cold = parse(&split.cold).unwrap();
        assert_eq!(cold.funcs.iter_local().count(), 1, "the cold module holds one function");
        assert_eq!(cold.exports.iter().count(), 0, "the cold module exports nothing");
        assert_eq!(cold.data.iter().count(), 0, "the cold module writes no data");
        let imports: BTreeSet<(String, &str)> = cold
            .imports
            .iter()
            .map(|i| {
                let kind = match i.kind {
                    ImportKind::Function(_) => "function",
                    ImportKind::Memory(_) => "memory",
                    ImportKind::Global(_) => "global",
                    ImportKind::Table(_) => "table",
                    ImportKind::Tag(_) => "tag",
                };
                (format!("{}.{}", i.module, i.name), kind)
            })
            .collect();
        let kinds: Vec<&str> = imports.iter().map(|(_, k)| *k).collect();
        assert_eq!(kinds, ["function", "global", "memory", "table"], "it imports `hot`, the stack pointer, the memory and the table: {imports:?}");
        // Its one element segment puts `cold` just past the primary's own table slots.
        let segment = cold.elements.iter().next().unwrap();
        match &segment.kind {
            ElementKind::Active { offset: ConstExpr::Value(Value::I32(1)), .. } => {}
            other => panic!("the segment is {other:?}"),
        }

        // The primary exports everything the cold module imports, under the same names, and
        // its table has the slot the cold module fills.
        let primary = parse(&split.primary).unwrap();
        for (name, _) in &imports {
            let name = name.strip_prefix("p.").unwrap();
            assert!(primary.exports.iter().any(|e| e.name == name), "the primary exports {name}");
        }
        assert!(primary.exports.iter().any(|e| e.name == READY_GLOBAL));
        assert_eq!(primary.tables.iter().map(|t| t.initial).collect::<Vec<_>>(), [2]);
        assert_eq!(primary.funcs.iter_local().count(), 4, "`cold` is still there, as a stub");
    }

    #[test]
    fn the_glue_imports_get_short_names_in_the_module_and_the_glue() {
        let mut m = Module::default();
        let ty = m.types.add(&[], &[]);
        let (a, _) = m.add_import_func(GLUE_MODULE, "__wbg_body_5f971cbc6950ca4f", ty);
        let (b, _) = m.add_import_func(GLUE_MODULE, "__wbg_title_02f65c8bcf97b6f0", ty);
        let (c, _) = m.add_import_func("./snippets/x/inline0.js", "load", ty);
        let mut run = FunctionBuilder::new(&mut m.types, &[], &[]);
        run.func_body().call(a).call(b).call(c);
        let run = run.finish(vec![], &mut m.funcs);
        m.exports.add("run", run);
        let js = r#"const import0 = { __wbg_body_5f971cbc6950ca4f: function(x) { return x.body; }, __wbg_title_02f65c8bcf97b6f0(x) { return x.title; } };
return { "./app_bg.js": import0, "./snippets/x/inline0.js": import1 };"#;
        let (wasm, glue, n) = shorten(&m.emit_wasm(), js).unwrap();
        validate(&wasm);
        assert_eq!(n, 2);
        assert_eq!(glue, r#"const import0 = { _0: function(x) { return x.body; }, _1(x) { return x.title; } };
return { "g": import0, "./snippets/x/inline0.js": import1 };"#);
        let names: Vec<(String, String)> = parse(&wasm).unwrap().imports.iter().map(|i| (i.module.clone(), i.name.clone())).collect();
        assert_eq!(names, [("g".to_string(), "_0".to_string()), ("g".to_string(), "_1".to_string()), ("./snippets/x/inline0.js".to_string(), "load".to_string())]);
        // A name the glue spells twice is not a key alone: nothing is renamed.
        let twice = js.replace("return x.body;", "return __wbg_body_5f971cbc6950ca4f;");
        assert!(shorten(&m.emit_wasm(), &twice).is_err());
        assert_eq!(base36(36 * 36 + 1), "101");
    }

    #[test]
    fn a_profile_that_names_every_function_moves_nothing() {
        let profile: BTreeSet<String> = ["hot".to_string(), "cold".to_string()].into();
        let split = split_module(&page_like_module(), &profile).unwrap();
        assert_eq!(split.stats.cold_functions, 0);
        validate(&split.primary);
    }

    #[test]
    fn a_module_without_the_loader_is_refused() {
        let mut m = Module::default();
        let f = FunctionBuilder::new(&mut m.types, &[], &[]).finish(vec![], &mut m.funcs);
        m.exports.add("main", f);
        let err = split_module(&m.emit_wasm(), &BTreeSet::new()).err().unwrap();
        assert!(err.contains(LOADER_EXPORT), "{err}");
    }
}
