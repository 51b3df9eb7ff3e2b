use std::rc::Rc;

use engine::lang::{Diagnostic, LineIndex, Severity};
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::code;
use crate::components::cached::{Cached, Part};
use crate::Action;

/// A coroutine standing at a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// The coroutine's label.
    pub label: String,
    /// Its colour.
    pub hue: Option<u32>,
    /// What it is doing, in words.
    pub state: String,
}

/// The coroutines standing at one line: how many, and the first of them.
#[derive(Debug, Clone, PartialEq)]
pub struct LineMarkers {
    /// The 1-based line.
    pub line: u32,
    /// How many stand there.
    pub count: usize,
    /// The first [`MARKERS_LISTED`] of them, oldest first.
    pub first: Vec<Marker>,
}

/// Markers shown per line before the rest are counted.
const MARKERS_PER_LINE: usize = 3;

/// Shortened markers named in the key under the code, at most.
const MARKERS_KEYED: usize = 6;

/// Markers a line needs: those shown, and 20 more named in the count's tooltip.
pub const MARKERS_LISTED: usize = MARKERS_PER_LINE + 20;

#[derive(PartialEq, Properties)]
pub struct CodePaneProps {
    /// The code on screen.
    pub source: AttrValue,
    /// Its diagnostics.
    pub problems: Rc<Vec<Diagnostic>>,
    /// Problems of the run itself (a limit, a warning), with the lines they point at.
    pub run_problems: Vec<(Severity, u32, String)>,
    /// Where each coroutine stands at the step.
    pub markers: Vec<LineMarkers>,
    /// The line the step ran, if it ran one.
    pub current_line: Option<u32>,
    /// Why the code on screen did not run, if it did not.
    pub failure: Option<String>,
    /// The code was edited.
    pub ondispatch: Callback<Action>,
}

/// The scenario's code: editable, highlighted by the engine's lexer, with a marker for each
/// coroutine at its current line and every diagnostic underlined and listed.
#[component]
pub fn CodePane(props: &CodePaneProps) -> Html {
    let textarea = use_node_ref();
    let editor = use_node_ref();
    {
        // Keeps the line the step ran in view: in the code's own scroll, then in the window,
        // above the timeline that stays at its bottom.
        let editor = editor.clone();
        use_effect_with(props.current_line, move |line| {
            let Some(line) = *line else { return };
            let Some(el) = editor.cast::<web_sys::HtmlElement>() else { return };
            let Some(first) = el.query_selector(".code-line").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
            let height = first.offset_height().max(1);
            let top = first.offset_top() + height * (line as i32 - 1);
            let (view_top, view_height) = (el.scroll_top(), el.client_height());
            if top < view_top || top + height > view_top + view_height {
                el.set_scroll_top((top - view_height / 3).max(0));
            }
            keep_in_window(&el);
        });
    }
    {
        // Code the page wrote (a parameter's control, a reset, another lesson) leaves the
        // browser's caret at its end, and focusing the editor with Tab would then scroll to its
        // last lines: outside the learner's own typing, the caret goes back to the start.
        let textarea = textarea.clone();
        use_effect_with(props.source.clone(), move |_| {
            let Some(t) = textarea.cast::<HtmlTextAreaElement>() else { return };
            let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
            let typing = active.is_some_and(|a| AsRef::<wasm_bindgen::JsValue>::as_ref(&a) == AsRef::<wasm_bindgen::JsValue>::as_ref(&t));
            if !typing {
                let _ = t.set_selection_range(0, 0);
            }
        });
    }
    // Lines and columns, for the diagnostics only (none: nothing to index).
    let index = LineIndex::new(if props.problems.is_empty() { "" } else { &props.source });
    let n_lines = code::line_count(&props.source);
    let columns = props.source.lines().map(|l| l.chars().count()).max().unwrap_or(0);

    // Lines with a diagnostic, for the gutter.
    let mut line_problem: Vec<Option<(Severity, String)>> = vec![None; n_lines + 1];
    for d in props.problems.iter() {
        let l = (index.line(d.span.start) as usize).min(n_lines);
        if line_problem[l].as_ref().is_none_or(|(s, _)| *s != Severity::Error) {
            line_problem[l] = Some((d.severity, d.message.clone()));
        }
    }
    for (severity, line, message) in &props.run_problems {
        let l = (*line as usize).min(n_lines);
        line_problem[l].get_or_insert((*severity, message.clone()));
    }

    let gutter = (1..=n_lines).map(|n| {
        let (count, here) = props.markers.iter().find(|m| m.line as usize == n).map(|m| (m.count, &m.first[..])).unwrap_or((0, &[]));
        let shown = here.iter().take(MARKERS_PER_LINE).map(|m| {
            let hue = m.hue.map(|h| format!("hue-{h}")).unwrap_or_else(|| "hue-none".into());
            html! {
                <span class={classes!("marker", hue)} title={format!("{} — {} at line {n}", m.label, m.state)} data-testid="marker">
                    { initials(&m.label) }
                </span>
            }
        });
        let more = count.checked_sub(MARKERS_PER_LINE).filter(|&k| k > 0).map(|k| {
            let names: Vec<&str> = here.iter().skip(MARKERS_PER_LINE).take(20).map(|m| m.label.as_str()).collect();
            html! { <span class="marker more" title={names.join(", ")}>{ format!("+{k}") }</span> }
        });
        let problem = line_problem[n].as_ref().map(|(s, m)| {
            let (class, glyph) = if *s == Severity::Error { ("error", "✖") } else { ("warning", "⚠") };
            html! { <span class={classes!("gutter-problem", class)} title={m.clone()}>{ glyph }</span> }
        });
        let current = props.current_line == Some(n as u32);
        html! {
            <div class={classes!("gutter-line", current.then_some("current"))}>
                <span class="markers">{ for shown }{ for more }</span>
                { for problem }
                <span class="line-number">{ n }</span>
            </div>
        }
    });

    let oninput = props.ondispatch.reform(|e: InputEvent| {
        Action::Edit(e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()).map(|t| t.value()).unwrap_or_default())
    });
    // The text area lies over the highlighted copy: the message of an underlined mistake
    // under the pointer becomes the text area's tooltip.
    let onmousemove = Callback::from(|e: MouseEvent| {
        let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let title = doc
            .elements_from_point(e.client_x() as f32, e.client_y() as f32)
            .iter()
            .filter_map(|el| el.dyn_into::<web_sys::Element>().ok())
            .find(|el| el.get_attribute("class").is_some_and(|c| c.split(' ').any(|c| c == "diag")))
            .and_then(|el| el.get_attribute("title"))
            .unwrap_or_default();
        if area.title() != title {
            area.set_title(&title);
        }
    });
    let size = format!("height: calc({n_lines} * var(--code-line) + 2 * var(--code-pad)); width: calc({columns}ch + 4 * var(--code-pad));");

    let list = props.problems.iter().map(|d| {
        let pos = index.line_col(d.span.start).to_string();
        let (class, word) = if d.is_error() { ("error", "error") } else { ("warning", "warning") };
        let select = {
            let textarea = textarea.clone();
            let source = props.source.clone();
            let (a, b) = (d.span.start as usize, d.span.end as usize);
            Callback::from(move |_: MouseEvent| select_range(&textarea, &source, a, b))
        };
        html! {
            <li class={class}>
                <button class="link" onclick={select} title="Show it in the code">{ pos }</button>
                { format!(" {word}: {}", d.message) }
                if let Some(h) = &d.help {
                    <span class="help">{ format!(" — {h}") }</span>
                }
            </li>
        }
    });
    let run_list = props.run_problems.iter().map(|(s, line, m)| {
        let class = if *s == Severity::Error { "error" } else { "warning" };
        let text = if *line == 0 { m.clone() } else { format!("line {line}: {m}") };
        html! { <li class={class}>{ text }</li> }
    });
    let has_list = !props.problems.is_empty() || !props.run_problems.is_empty() || props.failure.is_some();
    // The key to the markers the gutter shortens (`ru1` is runBlocking#1), with their lines:
    // the gutter itself is only seen, and its titles only shown on hover.
    let mut keyed: Vec<(String, String, String, u32)> = Vec::new();
    for lm in props.markers.iter() {
        for m in lm.first.iter().take(MARKERS_PER_LINE) {
            let short = initials(&m.label);
            let label = m.label.trim_matches('"').to_string();
            if short != label && !keyed.iter().any(|k| k.1 == label) && keyed.len() < MARKERS_KEYED {
                keyed.push((short, label, m.hue.map(|h| format!("hue-{h}")).unwrap_or_else(|| "hue-none".into()), lm.line));
            }
        }
    }
    let key = keyed.into_iter().map(|(short, label, hue, line)| {
        html! { <li><span class={classes!("marker", hue)} aria-hidden="true">{ short }</span>{ format!(" {label}, line {line}") }</li> }
    });

    html! {
        <section class="panel area-code" aria-label="Code">
            <h3 class="panel-title">{ "Code" }<span class="hint">{ " — edit it; it runs again as you type" }</span></h3>
            <div class="editor" data-testid="code" ref={editor}>
                <div class="gutter" aria-hidden="true">{ for gutter }</div>
                <div class="code-area" style={size.clone()}>
                    if let Some(line) = props.current_line {
                        <div class="current-line" style={format!("top: calc({} * var(--code-line) + var(--code-pad))", line.saturating_sub(1))}></div>
                    }
                    <Cached part={Part::CodeText(props.source.clone(), props.problems.clone())} />
                    <textarea ref={textarea.clone()} class="code-input" data-testid="code-input"
                        value={props.source.clone()} {oninput} {onmousemove} style={size}
                        onfocus={Callback::from(|_: FocusEvent| crate::cold::prefetch())}
                        spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"
                        aria-label="Kotlin code of the scenario (editable)" />
                </div>
            </div>
            <ul class="marker-key" data-testid="marker-key" aria-label="Coroutines at their lines">{ for key }</ul>
            if has_list {
                <div class="diagnostics" data-testid="diagnostics" role="status">
                    if let Some(f) = &props.failure {
                        <p class="failure">{ f.clone() }</p>
                    }
                    <ul>{ for list }{ for run_list }</ul>
                </div>
            }
        </section>
    }
}

/// The highlighted text under the text area; it changes with the code, not with the step
/// (drawn by [`Cached`]).
pub fn code_text(source: &str, problems: &[Diagnostic]) -> Html {
    let lines = code::highlight(source, problems);
    let lines = lines.iter().map(|line| {
        let pieces = line.pieces.iter().map(|p| match p.diagnostic.and_then(|d| problems.get(d)) {
            Some(d) => {
                let class = if d.is_error() { "error" } else { "warning" };
                let title = match &d.help {
                    Some(h) => format!("{}: {} (help: {h})", class, d.message),
                    None => format!("{}: {}", class, d.message),
                };
                html! { <span class={classes!(p.class, "diag", class)} {title}>{ p.text.clone() }</span> }
            }
            None => html! { <span class={p.class}>{ p.text.clone() }</span> },
        });
        html! { <div class="code-line">{ for pieces }{ "\u{200b}" }</div> }
    });
    html! { <div class="code-layer" aria-hidden="true">{ for lines }</div> }
}

/// Up to three letters that tell coroutines apart: `A`, `ru1` for `runBlocking#1`, `ta3` for
/// `task-3` (a name's number is what tells it from its siblings).
fn initials(label: &str) -> String {
    let label = label.trim_matches('"');
    let (name, number) = label.split_once('#').unwrap_or_else(|| {
        let stem = label.trim_end_matches(|c: char| c.is_ascii_digit());
        (stem.trim_end_matches(['-', '_', ' ']), &label[stem.len()..])
    });
    if name.chars().count() <= 3 && number.is_empty() {
        return name.to_string();
    }
    let mut out: String = name.chars().take(if number.is_empty() { 3 } else { 2 }).collect();
    out.push_str(&number.chars().take(3).collect::<String>());
    out
}

/// The top and bottom of an element in the window, in CSS pixels.
fn window_span(el: &web_sys::Element) -> Option<(f64, f64)> {
    let rect = js_sys::Reflect::get(el, &"getBoundingClientRect".into()).ok()?.dyn_into::<js_sys::Function>().ok()?.call0(el).ok()?;
    let get = |key: &str| js_sys::Reflect::get(&rect, &key.into()).ok()?.as_f64();
    Some((get("top")?, get("bottom")?))
}

/// Scrolls the window as little as needed for the current line to show above the timeline
/// (which stays at the bottom of the window and would cover it), a line's height clear of it.
/// Only while the code is on screen: a page scrolled to something else (the job tree under
/// the code on a phone) stays where the learner put it.
fn keep_in_window(editor: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else { return };
    let Some(doc) = window.document() else { return };
    let Some(view_height) = window.inner_height().ok().and_then(|h| h.as_f64()) else { return };
    let Some((line_top, line_bottom)) = editor.query_selector(".current-line").ok().flatten().and_then(|l| window_span(&l)) else { return };
    let Some((editor_top, editor_bottom)) = window_span(editor) else { return };
    // The window's part left visible by the timeline.
    let bottom = doc.query_selector(".timeline").ok().flatten().and_then(|t| window_span(&t)).map_or(view_height, |(top, _)| top.min(view_height));
    if editor_bottom <= 0.0 || editor_top >= bottom {
        return;
    }
    let clear = line_bottom - line_top;
    let by = if line_bottom + clear > bottom {
        line_bottom + clear - bottom
    } else if line_top < clear {
        line_top - clear
    } else {
        return;
    };
    window.scroll_by_with_x_and_y(0.0, by);
}

/// Focuses the code and selects bytes `a..b` of `source` (the browser counts UTF-16 units).
fn select_range(textarea: &NodeRef, source: &str, a: usize, b: usize) {
    let Some(t) = textarea.cast::<HtmlTextAreaElement>() else { return };
    let units = |i: usize| {
        let mut i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        source[..i].encode_utf16().count() as u32
    };
    let _ = t.focus();
    let _ = t.set_selection_range(units(a), units(b.max(a)));
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_tell_coroutines_apart() {
        assert_eq!(initials("\"A\""), "A");
        assert_eq!(initials("runBlocking#1"), "ru1");
        assert_eq!(initials("updates-17#35"), "up35");
        assert_eq!(initials("main"), "mai");
        assert_eq!(initials("task-0"), "ta0");
        assert_eq!(initials("task-12"), "ta12");
        assert_eq!(initials("worker3"), "wo3");
        assert_eq!(initials(""), "");
    }
}
