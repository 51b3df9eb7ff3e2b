//! Loading the page's cold code: the part of the engine no lesson runs.
//!
//! The page's build (`tools/page-split`) moves every function the lessons never call into a
//! second module, `*_cold.wasm`, beside the page's own, and leaves in its place a stub that
//! calls [`__corolab_cold_loader`] the first time any of them runs. Most learners never need
//! it; one who edits a program into a corner of Kotlin no lesson reaches downloads it once.
//!
//! The load is synchronous because the engine is: a stub runs in the middle of a run of the
//! simulator, which cannot wait for a promise. The cold module shares the page's memory,
//! tables and globals, so once it is in, the program goes on as if it had always been there.
//! If it cannot be downloaded, a message at the top of the page asks the learner to reload.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function load(page) {
  if (page.__corolab_cold_ready.value) return;
  // The cold module sits beside the page's module, which the preload link names.
  const link = document.querySelector('link[rel="preload"][href$="_bg.wasm"]');
  if (!link) fail('Coroutine Lab cannot find its code to load the rest of it.');
  const url = new URL(link.getAttribute('href'), document.baseURI).href.replace(/_bg\.wasm$/, '_cold.wasm');
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  // A synchronous request cannot ask for an ArrayBuffer; this charset keeps each byte as
  // the low byte of one character.
  request.overrideMimeType('text/plain; charset=x-user-defined');
  try {
    request.send();
  } catch (e) {
    fail('Coroutine Lab could not download the rest of its code (' + e.message + '). Reload the page to go on.');
  }
  if (request.status !== 200) fail('Coroutine Lab could not download the rest of its code (HTTP ' + request.status + '). Reload the page to go on.');
  const text = request.responseText;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  new WebAssembly.Instance(new WebAssembly.Module(bytes), { p: page });
  page.__corolab_cold_ready.value = 1;
}

// The run that needed the code cannot go on, and the page's state is left as the throw found
// it: say so on the page, in plain text, and stop the run.
function fail(message) {
  const note = document.createElement('p');
  note.className = 'load-failure';
  note.setAttribute('role', 'alert');
  note.setAttribute('data-testid', 'load-failure');
  note.textContent = message;
  document.body.prepend(note);
  throw new Error(message);
}
"#)]
extern "C" {
    fn load(page: JsValue);
}

/// Loads the cold module, which imports what it shares from the page module's exports. Only
/// the stubs of a split build call it, through this export; in a build that was not split it
/// is never called. It and all it calls stay in the page's module (`tools/page-split`).
#[wasm_bindgen]
pub fn __corolab_cold_loader() {
    load(wasm_bindgen::exports());
}
