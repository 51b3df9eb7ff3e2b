//! Loading what the page downloads after it opens: the cold code (the part of the engine no
//! lesson runs), and each lesson's content when the lesson is first opened.
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
//! Since the compiler is cold (the lessons run precompiled), the first edit needs the cold
//! module: moving into the code starts downloading it in the background ([`prefetch`]).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
// The cold module sits beside the page's module, which the preload link names.
function coldUrl() {
  const link = document.querySelector('link[rel="preload"][href$="_bg.wasm"]');
  return link && new URL(link.getAttribute('href'), document.baseURI).href.replace(/_bg\.wasm$/, '_cold.wasm');
}

// The cold module, compiled ahead by `prefetch` while the learner has not edited yet.
let prefetched = null;
let prefetching = false;

export function prefetch(page) {
  // A page that was not split has no cold module; one whose cold module is in needs no more.
  const ready = page.__corolab_cold_ready;
  const url = coldUrl();
  if (prefetching || !ready || ready.value || !url) return;
  prefetching = true;
  fetch(url)
    .then((response) => (response.ok ? response.arrayBuffer() : null))
    .then((bytes) => bytes && WebAssembly.compile(bytes))
    .then((module) => {
      prefetched = module;
      if (module) performance.mark('corolab-cold-compiled');
    }, () => {});
}

export function load(page) {
  if (page.__corolab_cold_ready.value) return;
  if (prefetched) {
    new WebAssembly.Instance(prefetched, { p: page });
    page.__corolab_cold_ready.value = 1;
    return;
  }
  const url = coldUrl();
  if (!url) fail('Coroutine Lab cannot find its code to load the rest of it.');
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
  new WebAssembly.Instance(new WebAssembly.Module(bytesOf(request)), { p: page });
  page.__corolab_cold_ready.value = 1;
}

// A lesson's content file, beside the page; null (with the message on the page) when it
// cannot be downloaded, so that the rest of the page goes on.
export function fetchLesson(folder) {
  const request = new XMLHttpRequest();
  request.open('GET', new URL('lessons/' + folder + '.lesson', document.baseURI).href, false);
  request.overrideMimeType('text/plain; charset=x-user-defined');
  let problem;
  try {
    request.send();
    if (request.status === 200) return bytesOf(request);
    problem = 'HTTP ' + request.status;
  } catch (e) {
    problem = e.message;
  }
  note('Coroutine Lab could not download this lesson (' + problem + '). Reload the page to go on.');
  return null;
}

function bytesOf(request) {
  const text = request.responseText;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

// The run that needed the code cannot go on, and the page's state is left as the throw found
// it: say so on the page, in plain text, and stop the run.
function fail(message) {
  note(message);
  throw new Error(message);
}

function note(message) {
  const p = document.createElement('p');
  p.className = 'load-failure';
  p.setAttribute('role', 'alert');
  p.setAttribute('data-testid', 'load-failure');
  p.textContent = message;
  document.body.prepend(p);
}
"#)]
extern "C" {
    fn load(page: JsValue);
    #[wasm_bindgen(js_name = prefetch)]
    fn prefetch_cold(page: JsValue);
    #[wasm_bindgen(js_name = fetchLesson)]
    fn fetch_lesson_bytes(folder: &str) -> Option<Vec<u8>>;
}

/// Starts downloading and compiling the cold module in the background, once: the page calls it
/// when the learner moves into the code, so that the first edit, which needs the compiler,
/// rarely waits for the download. Without it (or before it is done) the first stub downloads
/// the module itself.
pub fn prefetch() {
    prefetch_cold(wasm_bindgen::exports());
}

/// Downloads a lesson's content file (`lessons::content`), synchronously as the code is: the
/// reducer asks for a lesson in the middle of an action. It is small, and one is fetched when a
/// lesson is first opened. Trunk's post-build hook puts the files in `lessons/` beside the page.
pub fn fetch_lesson(folder: &str) -> Option<Vec<u8>> {
    fetch_lesson_bytes(folder)
}

/// Loads the cold module, which imports what it shares from the page module's exports. Only
/// the stubs of a split build call it, through this export; in a build that was not split it
/// is never called. It and all it calls stay in the page's module (`tools/page-split`).
#[wasm_bindgen]
pub fn __corolab_cold_loader() {
    load(wasm_bindgen::exports());
}
