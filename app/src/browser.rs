//! The page's few contacts with the browser outside rendering: what is read before the first
//! render (the address's hash, stored edits, progress), what is written back as the state
//! changes, and the keyboard. Storage that fails (private mode, a full quota) is skipped:
//! the page works without it.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, Storage};
use yew::prelude::*;

use crate::sorted::SortedSet;
use crate::{saved_key, Boot, Saved, State, Stored};

const PREFIX: &str = "corolab.v1.";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(&format!("{PREFIX}{key}")).ok()?
}

fn set(key: &str, value: Option<&str>) {
    let Some(s) = storage() else { return };
    let key = format!("{PREFIX}{key}");
    let _ = match value {
        Some(v) => s.set_item(&key, v),
        None => s.remove_item(&key),
    };
}

/// Reads the address's hash, the stored edits of every variant, the progress, and the
/// variant last shown of each lesson.
pub fn read_boot() -> Boot {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let mut saved = Saved::new();
    // The index names every variant, so that reading the edits downloads no lesson.
    for lesson in lessons::catalog() {
        for variant in lesson.variants {
            let key = saved_key(lesson.id, variant);
            let code = get(&format!("code.{key}"));
            let params: Vec<(String, String)> = get(&format!("params.{key}"))
                .unwrap_or_default()
                .lines()
                .filter_map(|l| l.split_once('=').map(|(n, v)| (n.to_string(), v.to_string())))
                .collect();
            if code.is_some() || !params.is_empty() {
                saved.insert(key, Stored { code, params });
            }
        }
    }
    let mut progress = SortedSet::new();
    for id in get("progress").unwrap_or_default().split(',').filter(|s| !s.is_empty()) {
        progress.add(id.to_string());
    }
    let mut variants = crate::sorted::SortedMap::new();
    for (lesson, variant) in get("variants").unwrap_or_default().lines().filter_map(|l| l.split_once('=')) {
        variants.insert(lesson.to_string(), variant.to_string());
    }
    Boot { hash, saved, progress, variants }
}

fn write_stored(key: &str, stored: Option<&Stored>) {
    set(&format!("code.{key}"), stored.and_then(|s| s.code.as_deref()));
    let params = stored.map(|s| s.params.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("\n")).filter(|p| !p.is_empty());
    set(&format!("params.{key}"), params.as_deref());
}

/// Keeps storage and the address in step with the state: stored edits and progress, and the
/// hash naming the lesson on screen (so a reload comes back to it).
#[hook]
pub fn use_persistence(state: &State) {
    // What storage holds: the edits and the progress last written (none before the first write).
    let written = use_mut_ref(|| (None::<Saved>, None::<Rc<SortedSet>>, None, None::<String>));
    use_effect_with((state.saved.clone(), state.progress.clone(), state.variants.clone(), state.address_hash(), state.from_address), move |(saved, progress, variants, hash, from_address)| {
        let mut last = written.borrow_mut();
        match &last.0 {
            Some(before) if before == &**saved => {}
            Some(before) => {
                // Every key either holds, once.
                for key in before.keys().chain(saved.keys().filter(|k| !before.contains_key(k))) {
                    if before.get(key) != saved.get(key) {
                        write_stored(key, saved.get(key));
                    }
                }
                last.0 = Some((**saved).clone());
            }
            None => {
                // The first time: what was read is already stored, but a share link may have
                // changed it.
                for (key, stored) in saved.iter() {
                    write_stored(key, Some(stored));
                }
                last.0 = Some((**saved).clone());
            }
        }
        if last.1.as_ref() != Some(progress) {
            let list: Vec<&str> = progress.keys().map(String::as_str).collect();
            set("progress", Some(&list.join(",")));
            last.1 = Some(progress.clone());
        }
        if last.2.as_ref() != Some(variants) {
            let list: Vec<String> = variants.iter().map(|(l, v)| format!("{l}={v}")).collect();
            set("variants", Some(&list.join("\n")));
            last.2 = Some(variants.clone());
        }
        let lesson = crate::share::decode(hash).ok().flatten().map(|l| l.lesson);
        let lesson_before = std::mem::replace(&mut last.3, lesson.clone());
        if *from_address {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        if window.location().hash().ok().as_deref() != Some(&format!("#{hash}")) {
            if let Ok(history) = window.history() {
                // Another lesson is a new entry in the history, so Back goes back to the one
                // before (see `use_hash_navigation`); another variant, or the page opening, only
                // rewrites the address.
                let url = format!("#{hash}");
                if lesson_before.is_some() && lesson_before != lesson {
                    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                } else {
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            }
        }
    });
}

/// Writes the step into the address once it has stayed put for a moment, so that a reload
/// comes back to it. Waiting keeps a scrub or a run of steps from rewriting the address at
/// every step (browsers throttle pages that rewrite it too often). The history entry is
/// rewritten, never added.
#[hook]
pub fn use_step_in_address(hash_at_step: Option<String>, from_address: bool) {
    let pending = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    use_effect_with((hash_at_step, from_address), move |(hash, from_address)| {
        // A newer step cancels the write of the one before.
        pending.borrow_mut().take();
        if let (Some(hash), false) = (hash.clone(), *from_address) {
            *pending.borrow_mut() = Some(gloo_timers::callback::Timeout::new(STEP_ADDRESS_DELAY_MS, move || {
                let Some(window) = web_sys::window() else { return };
                let url = format!("#{hash}");
                if window.location().hash().ok().as_deref() != Some(url.as_str()) {
                    if let Ok(history) = window.history() {
                        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                    }
                }
            }));
        }
    });
}

/// How long a step stays on screen before the address names it.
const STEP_ADDRESS_DELAY_MS: u32 = 400;

/// Opens what the address's hash names when it changes under the page: Back and Forward
/// between lessons, or a link pasted into the address bar.
#[hook]
pub fn use_hash_navigation(dispatcher: yew::UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            let w = window.clone();
            gloo_events::EventListener::new(&window, "hashchange", move |_| {
                let hash = w.location().hash().unwrap_or_default();
                dispatcher.dispatch(crate::Action::OpenHash(hash));
            })
        });
        move || drop(listener)
    });
}

/// The first element of the page matching a CSS selector.
fn first_match(selector: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.query_selector(selector).ok().flatten()
}

/// Moves the keyboard focus to the first element matching a CSS selector, if any.
pub fn focus(selector: &str) {
    if let Some(e) = first_match(selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// Scrolls the content of the first element matching a CSS selector back to its top.
pub fn scroll_to_top(selector: &str) {
    if let Some(e) = first_match(selector) {
        e.set_scroll_top(0);
    }
}

/// Scrolls the first element matching a CSS selector into view, as little as needed: an
/// element already on screen stays where it is.
pub fn scroll_into_view(selector: &str) {
    if let Some(e) = first_match(selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        e.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Focuses a text field and selects its text, ready for the learner to copy.
pub fn select_text(selector: &str) {
    let field = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(input) = field.and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        let _ = input.focus();
        input.select();
    }
}

/// Writes a text to the clipboard, then tells `done` whether the browser took it (it may
/// refuse: no permission, or a page not served over https or from localhost).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (on_ok, on_err) = (done.clone(), done);
    let ok = Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = on_ok.take() {
            f(true);
        }
    });
    let err = Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = on_err.take() {
            f(false);
        }
    });
    let _ = clipboard.write_text(text).then2(&ok, &err);
    // The promise settles once, later: the closures must outlive this call. They are small and
    // made once per click.
    ok.forget();
    err.forget();
}

/// The index (`data-item`) of the tree item an event happened in.
pub fn tree_item_of(event: &web_sys::Event) -> Option<usize> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    element.closest("[data-item]").ok()??.get_attribute("data-item")?.parse().ok()
}

/// Moves the focus to the item of index `item` of the tree an event happened in; `later`:
/// once the tree is drawn again after the event, since the action it dispatches changes the
/// items (Yew draws after the handler returns).
pub fn focus_tree_item(event: &web_sys::Event, item: usize, later: bool) {
    let Some(tree) = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let focus = move || {
        let found = tree.query_selector(&format!("[data-item=\"{item}\"]")).ok().flatten();
        if let Some(e) = found.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
            let _ = e.focus();
        }
    };
    if later {
        gloo_timers::callback::Timeout::new(0, focus).forget();
    } else {
        focus();
    }
}

/// The page's address without its hash, for share links.
pub fn page_address() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// What a key was pressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    /// A button: Space and Enter press it.
    Button,
    /// Anything else outside text fields.
    Other,
}

/// Listens to keys pressed anywhere but in a text field, slider, list, tab list or tree; the
/// handler gets the key, whether Shift is held and where it was pressed, and returns whether it
/// used the key (then the browser's own action, such as scrolling, is prevented).
pub fn on_key(mut handler: impl FnMut(&str, bool, KeyTarget) -> bool + 'static) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&document, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let element = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let tag = element.as_ref().map(|e| e.tag_name().to_ascii_lowercase()).unwrap_or_default();
        let role = element.and_then(|e| e.get_attribute("role")).unwrap_or_default();
        let target = match tag.as_str() {
            // A tab list moves between its tabs with the arrows (see `detail_tabs`), a tree
            // between its items, which also take Space, Home and End (see `job_tree`).
            _ if role == "tab" || role == "treeitem" => return,
            "input" | "textarea" | "select" => return,
            "button" | "summary" => KeyTarget::Button,
            _ if role == "button" => KeyTarget::Button,
            _ => KeyTarget::Other,
        };
        if handler(&event.key(), event.shift_key(), target) {
            event.prevent_default();
        }
    }))
}
