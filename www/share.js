// What leaves the page: share links (encoded by the core from its session), the address bar,
// the embed snippet and the height message to a host page (the PNG, SVG and CSV exports are the
// lab's: lab/exports.js).
import { attempt, el, page, PRESENT_ZOOM, tr } from './page.js';

/** The share link for the session, optionally for embedding. */
export function currentLink(embed = false) {
  // (Not location.origin: it is "null" for the single-file build opened from disk.)
  return `${location.href.split('#')[0]}#${page.explorer.link(embed)}`;
}

/** Embed mode, presenter mode and hidden panels, as the session has them (after presenter
 *  mode changed, the map must be sampled again: its figures are laid out for the zoom). */
export function applyPanels() {
  const e = page.explorer;
  const [critical, hessian, embed, present] = e.flags;
  document.documentElement.classList.toggle('present', present === 1);
  el.present.setAttribute('aria-pressed', String(present === 1));
  page.zoom = present === 1 ? PRESENT_ZOOM : 1;
  const hidden = e.hidden;
  el.showCritical.checked = critical === 1;
  el.showHessian.checked = hessian === 1;
  document.body.classList.toggle('embed', embed === 1);
  for (const node of document.querySelectorAll('[data-panel]')) node.hidden = hidden.includes(node.dataset.panel);
  el.functionBox.hidden ||= !e.preset.startsWith('typed');
  el.dataBox.hidden ||= e.preset !== 'neuron' && e.preset !== 'tinynet';
  // A link opens the basin maps and lab panels it names, and closes none the reader opened.
  el.showBasins.checked ||= e.basins;
  el.basins.hidden ||= !el.showBasins.checked;
  const open = e.open;
  for (const id of page.labPanels) if (open.includes(id)) document.getElementById(id).open = true;
}

/** The <iframe> snippet for the session, shown as text in a read-only box. */
export function showEmbedCode() {
  const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const src = attr(currentLink(true));
  const title = attr(tr('embedTitle'));
  el.embedCode.value = `<iframe src="${src}" title="${title}" width="100%" height="760" style="border:0" loading="lazy"></iframe>`;
  el.embedBox.hidden = false;
  el.embedCode.select();
}

/** Embedded: tell the host page our height whenever it changes, so it can size the iframe. */
export function reportHeight() {
  if (window.parent === window) return;
  new ResizeObserver(() => {
    window.parent.postMessage({ type: 'descenso:height', height: Math.ceil(document.documentElement.scrollHeight) }, '*');
  }).observe(document.body);
}

let addressTimer = 0;
let pushNext = false;

/** Tells the core which lab panels are open and whether the basin maps are shown. */
export function syncLabPanels() {
  const open = page.labPanels.filter((id) => document.getElementById(id).open);
  if (attempt(() => page.explorer.setLabPanels(el.showBasins.checked, open))) updateAddress();
}

/** The next address update makes a history entry (a deliberate change, not a step or a drag). */
export function pushNextAddress() {
  pushNext = true;
}

/** Keeps the address bar's link current: a history entry per deliberate change (the next
 *  update after `pushNextAddress()`), a replaced entry otherwise (steps, play, dragging). */
export function updateAddress() {
  clearTimeout(addressTimer);
  addressTimer = setTimeout(() => {
    const link = currentLink();
    if (link === location.href) return;
    if (pushNext) history.pushState(null, '', link);
    else history.replaceState(null, '', link);
    pushNext = false;
  }, 250);
}

export async function copyLink() {
  const link = currentLink();
  history.replaceState(null, '', link);
  try {
    await navigator.clipboard.writeText(link);
    el.linkStatus.textContent = tr('linkCopied');
  } catch {
    // No clipboard (an insecure context, or permission refused): show the link to copy by hand.
    el.linkStatus.textContent = `${tr('linkShown')} ${link}`;
  }
}

/** Saves `blob` as the file `name` (a download the browser asks about or stores). */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  el.linkStatus.textContent = tr('exported', name);
}
