// The landscape in 3-D: the core's surface (session/surface.rs: vertices, normals, colours,
// triangles, contours, the runs' paths, and the camera's matrix) drawn with WebGL2, from a lab
// session given the page's whole link (the same runs, step for step). Here: the GL calls and the
// camera's three numbers, which a drag, the keys and the wheel change.
import { setStart } from '../controls.js';
import { Explorer } from '../pkg-lab/descenso.js';
import { attempt, drawSize, el, page, tr } from '../page.js';
import { updateAddress } from '../share.js';
import { ready } from './figures.js';

const SIDE = 128; // vertices per side
const LEVELS = 12;
const VS = `#version 300 es
uniform mat4 m; uniform float ps; in vec3 p; in vec3 n; in vec4 c; out vec4 v; out vec3 k;
void main() { gl_Position = m * vec4(p, 1.0); gl_PointSize = ps; v = c; k = n; }`;
const FS = `#version 300 es
precision mediump float; uniform float lit; in vec4 v; in vec3 k; out vec4 o;
void main() { float d = max(dot(normalize(k), normalize(vec3(-0.4, -0.5, 0.8))), 0.0);
  o = vec4(v.rgb * mix(1.0, 0.35 + 0.65 * d, lit), v.a); }`;

let gl = null;
let program = null;
let session = null;
let memory = null;
let builtFor = '';
let counts = null; // what the buffers hold (null: nothing to draw)
let camera = null; // [yaw, pitch, distance]
const buffers = {};

/** The GL context and program, once (null without WebGL2, which the note then says). */
function context() {
  if (gl || gl === false) return gl;
  gl = el.surfaceChart.getContext('webgl2', { antialias: false, preserveDrawingBuffer: true }) ?? false;
  if (!gl) return false;
  const shader = (type, text) => {
    const s = gl.createShader(type);
    gl.shaderSource(s, text);
    gl.compileShader(s);
    return s;
  };
  program = gl.createProgram();
  gl.attachShader(program, shader(gl.VERTEX_SHADER, VS));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, FS));
  gl.linkProgram(program);
  for (const name of ['p', 'n', 'c', 'contours', 'paths', 'pathColours', 'dots', 'dotColours', 'triangles', 'mp', 'mn', 'mc', 'mt']) buffers[name] = gl.createBuffer();
  return gl;
}

/** Copies buffer `which` of the core's surface (a typed view of `Type`) into `buffer`. */
function upload(buffer, which, Type, target = gl.ARRAY_BUFFER) {
  const view = new Type(memory.buffer, session.surfacePtr(which), session.surfaceLen(which));
  gl.bindBuffer(target, buffer);
  gl.bufferData(target, view, gl.STATIC_DRAW);
  return view.length;
}

/** Forget the surface drawn (a new language or size): the next render redraws it. */
export function reset() {
  builtFor = '';
}

/** Rebuilds the surface when the page's link (landscape, view, runs, steps) changed, then draws. */
export async function maybeSurface() {
  // (In the stage while the panel is open, with WebGL2 and two variables: beside the map, or
  // under it on a narrow screen.)
  const on = el.surface.open && !el.surface.hidden && page.explorer.dim === 2 && Boolean(context());
  el.mapFrame.parentElement.classList.toggle('three-d', on);
  el.view3d.setAttribute('aria-pressed', String(on));
  if (!el.surface.open) return;
  ({ memory } = await ready);
  // (The session's camera, from a link or the last move; the default until there is one.)
  const kept = Array.from(page.explorer.camera);
  camera = kept.length === 3 ? kept : camera ?? Array.from(Explorer.cameraHome());
  if (!context()) {
    el.surfaceNote.textContent = tr('surfaceNoWebgl');
    return;
  }
  // What the surface depends on (not the camera, which the link holds too).
  const e = page.explorer;
  const key = [e.runsLink(), Array.from(e.replay), Array.from(e.view), e.colour_scale, el.showHessian.checked].join('|');
  if (key !== builtFor) {
    const link = e.link(false);
    session ??= new Explorer('rosenbrock');
    session.applyLink(link);
    if (session.dim !== 2) {
      // (Remembered: a 1-D landscape's link is not applied again at every render.)
      builtFor = key;
      counts = null;
      el.surfaceNote.textContent = tr('surfaceOneD');
      return;
    }
    performance.mark('descenso:surface-start');
    if (!attempt(() => session.buildSurface(SIDE, LEVELS))) return;
    performance.measure('descenso:surface-build', 'descenso:surface-start');
    builtFor = key;
    const { p, n, c, pathColours, dotColours, mp, mn, mc } = buffers;
    [[p, 0], [n, 1], [c, 2, Uint8Array], [pathColours, 6, Uint8Array], [dotColours, 8, Uint8Array], [mp, 9], [mn, 10], [mc, 11, Uint8Array]].forEach(([buffer, which, Type]) => upload(buffer, which, Type ?? Float32Array));
    counts = {
      triangles: upload(buffers.triangles, 3, Uint32Array, gl.ELEMENT_ARRAY_BUFFER),
      model: upload(buffers.mt, 12, Uint32Array, gl.ELEMENT_ARRAY_BUFFER),
      contours: upload(buffers.contours, 4, Float32Array) / 3,
      paths: upload(buffers.paths, 5, Float32Array) / 3,
      dots: upload(buffers.dots, 7, Float32Array) / 3,
    };
    el.surfaceNote.textContent = `${tr('surfaceNote', tr(`scale_${session.surfaceScale()}`), SIDE)}${counts.model ? ` ${tr('surfaceModel')}` : ''}`;
  }
  if (counts) draw();
}

/** Binds `buffer` to attribute `name` (`size` numbers per vertex), or a constant `value`. */
function attribute(name, buffer, size, type, normalized, value) {
  const at = gl.getAttribLocation(program, name);
  if (!buffer) {
    gl.disableVertexAttribArray(at);
    gl[`vertexAttrib${value.length}f`](at, ...value);
    return;
  }
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.enableVertexAttribArray(at);
  gl.vertexAttribPointer(at, size, type, normalized, 0, 0);
}

/** The surface, its contours and the paths, from the camera. */
function draw() {
  const size = drawSize(el.surfaceChart);
  const ratio = (window.devicePixelRatio || 1) * page.zoom;
  const [w, h] = [Math.round(size.width * ratio), Math.round(size.height * ratio)];
  // (Resizing clears the drawing buffer and reallocates it: only when the size changed.)
  if (el.surfaceChart.width !== w || el.surfaceChart.height !== h) [el.surfaceChart.width, el.surfaceChart.height] = [w, h];
  gl.viewport(0, 0, el.surfaceChart.width, el.surfaceChart.height);
  gl.clearColor(1, 1, 1, 1);
  gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
  gl.enable(gl.DEPTH_TEST);
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
  gl.useProgram(program);
  gl.uniformMatrix4fv(gl.getUniformLocation(program, 'm'), false, Explorer.cameraMatrix(...camera, size.width / size.height));
  const lit = gl.getUniformLocation(program, 'lit');
  gl.uniform1f(lit, 1);
  attribute('p', buffers.p, 3, gl.FLOAT, false);
  attribute('n', buffers.n, 3, gl.FLOAT, false);
  attribute('c', buffers.c, 4, gl.UNSIGNED_BYTE, true);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, buffers.triangles);
  gl.drawElements(gl.TRIANGLES, counts.triangles, gl.UNSIGNED_INT, 0);
  gl.uniform1f(lit, 0);
  attribute('n', null, 3, 0, false, [0, 0, 1]);
  attribute('p', buffers.contours, 3, gl.FLOAT, false);
  attribute('c', null, 4, 0, false, [1, 1, 1, 0.55]);
  gl.drawArrays(gl.LINES, 0, counts.contours);
  attribute('p', buffers.paths, 3, gl.FLOAT, false);
  attribute('c', buffers.pathColours, 4, gl.UNSIGNED_BYTE, true);
  gl.drawArrays(gl.LINES, 0, counts.paths);
  // (A dot on each iterate of a short run, on the current one of a long run, as on the map.)
  gl.uniform1f(gl.getUniformLocation(program, 'ps'), 5 * ratio);
  attribute('p', buffers.dots, 3, gl.FLOAT, false);
  attribute('c', buffers.dotColours, 4, gl.UNSIGNED_BYTE, true);
  gl.drawArrays(gl.POINTS, 0, counts.dots);
  // (The Taylor model, translucent, last: what is behind it shows through; it hides nothing.)
  if (counts.model) {
    gl.uniform1f(lit, 1);
    gl.depthMask(false);
    attribute('p', buffers.mp, 3, gl.FLOAT, false);
    attribute('n', buffers.mn, 3, gl.FLOAT, false);
    attribute('c', buffers.mc, 4, gl.UNSIGNED_BYTE, true);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, buffers.mt);
    gl.drawElements(gl.TRIANGLES, counts.model, gl.UNSIGNED_INT, 0);
    gl.depthMask(true);
  }
  el.surface.dataset.drawn = String(Number(el.surface.dataset.drawn ?? 0) + 1);
  el.surface.dataset.camera = camera.join(',');
  el.surface.dataset.segments = String(counts.paths / 2);
  el.surface.dataset.model = String(counts.model / 3);
}

/** Turns (`dyaw`, `dpitch` radians) or comes closer (`factor` on the distance), then draws. */
function move(dyaw, dpitch, factor = 1) {
  if (!camera || !gl || !counts) return;
  keep(Array.from(Explorer.turnCamera(new Float64Array(camera), dyaw, dpitch, factor)));
  draw();
}

/** Tells the session the camera (for the link), then keeps it. */
function keep(next) {
  if (attempt(() => page.explorer.setCamera(new Float64Array(next)))) camera = next;
  updateAddress();
}

let last = null;
let down = null; // where the pointer came down: a click if it comes up there
el.surfaceChart.addEventListener('pointerdown', (ev) => {
  el.surfaceChart.setPointerCapture(ev.pointerId);
  last = down = [ev.clientX, ev.clientY];
});
el.surfaceChart.addEventListener('pointermove', (ev) => {
  if (!last || !el.surfaceChart.hasPointerCapture(ev.pointerId)) return;
  move(-(ev.clientX - last[0]) * 0.01, (ev.clientY - last[1]) * 0.01);
  last = [ev.clientX, ev.clientY];
});
el.surfaceChart.addEventListener('pointerup', (ev) => {
  last = null;
  // A click (not a drag) sets the start at the point of the surface under it, as on the map.
  if (!down || Math.hypot(ev.clientX - down[0], ev.clientY - down[1]) > 4 || !session || !counts) return;
  const r = el.surfaceChart.getBoundingClientRect();
  setStart(Array.from(session.surfacePointAt(new Float64Array(camera), ev.clientX - r.left, ev.clientY - r.top, r.width, r.height)));
});
el.surfaceChart.addEventListener('wheel', (ev) => {
  if (!(ev.ctrlKey || ev.metaKey)) return;
  ev.preventDefault();
  move(0, 0, Math.exp(Math.max(-1, Math.min(1, ev.deltaY * 0.01)) * 0.2));
}, { passive: false });
el.surfaceChart.addEventListener('keydown', (ev) => {
  const turn = { ArrowLeft: [0.1, 0], ArrowRight: [-0.1, 0], ArrowUp: [0, 0.1], ArrowDown: [0, -0.1] }[ev.key];
  const zoom = { '+': 0.9, '=': 0.9, '-': 1.1 }[ev.key];
  if (!turn && !zoom) return;
  ev.preventDefault();
  ev.stopPropagation();
  if (turn) move(...turn);
  else move(0, 0, zoom);
});
el.surfaceHome.addEventListener('click', () => {
  keep(Array.from(Explorer.cameraHome()));
  if (gl && counts) draw();
});
