// Drawing only: canvases, colours and markers. Every number drawn comes from the core.

/** How each method is drawn: a colour per background (dark heatmap, light 1-D plot and
 *  charts), a dash pattern and a marker shape, so that methods are told apart without colour. */
export const METHOD_STYLE = {
  gd: { dark: '#ff8c1a', light: '#c85200', dash: [], marker: 'circle' },
  'gd-optimal': { dark: '#ffd1e8', light: '#b5338a', dash: [2, 3], marker: 'triangle' },
  newton: { dark: '#ffffff', light: '#5d3a9b', dash: [7, 4], marker: 'square' },
  'damped-newton': { dark: '#7fdbff', light: '#0072b2', dash: [10, 3, 2, 3], marker: 'diamond' },
  lm: { dark: '#c6f68d', light: '#2e7d32', dash: [4, 4], marker: 'triangle-down' },
  'saddle-free': { dark: '#ff6b6b', light: '#c62828', dash: [1, 3], marker: 'cross' },
  momentum: { dark: '#ffe08a', light: '#946200', dash: [12, 3], marker: 'plus' },
  adam: { dark: '#d9d9d9', light: '#455a64', dash: [6, 2, 1, 2], marker: 'ring' },
};

/** Maps a view of parameter space onto a W × H box of CSS pixels (y up). */
export class Frame {
  constructor(view, width, height) {
    this.view = view;
    this.W = width;
    this.H = height;
  }
  toPx(x, y) {
    const [x0, x1, y0, y1] = this.view;
    return [((x - x0) / (x1 - x0)) * this.W, ((y1 - y) / (y1 - y0)) * this.H];
  }
  fromPx(px, py) {
    const [x0, x1, y0, y1] = this.view;
    return [x0 + (px / this.W) * (x1 - x0), y1 - (py / this.H) * (y1 - y0)];
  }
}

/** Sizes `canvas` to its CSS box (`size`, or measured, which forces a layout) times
 *  devicePixelRatio and returns a context in CSS pixels. */
export function hiDpiContext(canvas, size = canvas.getBoundingClientRect()) {
  const dpr = window.devicePixelRatio || 1;
  const { width, height } = size;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height };
}

/** Puts an nx × ny RGBA buffer on the (CSS-stretched) heatmap canvas in one call. */
export function drawHeat(canvas, rgba, nx, ny) {
  canvas.width = nx;
  canvas.height = ny;
  canvas.getContext('2d').putImageData(new ImageData(rgba, nx, ny), 0, 0);
}

/** Strokes contour segments given in grid units onto a W × H box. */
export function drawContours(ctx, segments, nx, ny, W, H) {
  const sx = W / nx;
  const sy = H / ny;
  ctx.beginPath();
  for (let k = 0; k + 3 < segments.length; k += 4) {
    ctx.moveTo(segments[k] * sx, segments[k + 1] * sy);
    ctx.lineTo(segments[k + 2] * sx, segments[k + 3] * sy);
  }
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.38)';
  ctx.lineWidth = 0.8;
  ctx.stroke();
}

// Far-away (diverging) points are clamped so the canvas never sees huge coordinates.
const clampPx = (v) => Math.max(-1e5, Math.min(1e5, v));

function marker(ctx, shape, px, py, r) {
  ctx.beginPath();
  const poly = (pts) => pts.forEach(([dx, dy], i) => (i ? ctx.lineTo(px + dx * r, py + dy * r) : ctx.moveTo(px + dx * r, py + dy * r)));
  switch (shape) {
    case 'square':
      ctx.rect(px - r, py - r, 2 * r, 2 * r);
      break;
    case 'triangle':
      poly([[0, -1.3], [1.15, 0.85], [-1.15, 0.85]]);
      ctx.closePath();
      break;
    case 'triangle-down':
      poly([[0, 1.3], [1.15, -0.85], [-1.15, -0.85]]);
      ctx.closePath();
      break;
    case 'diamond':
      poly([[0, -1.35], [1.1, 0], [0, 1.35], [-1.1, 0]]);
      ctx.closePath();
      break;
    case 'cross':
    case 'plus': {
      // A thick X or + drawn as a polygon, so it takes the same fill and casing as the others.
      const a = 0.4;
      const pts = [[-a, -1.2], [a, -1.2], [a, -a], [1.2, -a], [1.2, a], [a, a], [a, 1.2], [-a, 1.2], [-a, a], [-1.2, a], [-1.2, -a], [-a, -a]];
      const c = shape === 'cross' ? Math.SQRT1_2 : 1;
      const s = shape === 'cross' ? Math.SQRT1_2 : 0;
      poly(pts.map(([x, y]) => [c * x - s * y, s * x + c * y]));
      ctx.closePath();
      break;
    }
    case 'ring':
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.moveTo(px + r * 0.45, py);
      ctx.arc(px, py, r * 0.45, 0, 2 * Math.PI, true);
      break;
    default:
      ctx.arc(px, py, r, 0, 2 * Math.PI);
  }
  ctx.fill('evenodd');
  ctx.stroke();
}

/** Draws one trajectory: a cased polyline through the points with a marker on each when
 *  `markers` (else only on the last), the last one larger. */
export function drawPath(ctx, points, style, bg, markers = true) {
  const n = points.length / 2;
  if (n === 0) return;
  const colour = style[bg];
  const casing = bg === 'dark' ? 'rgba(0, 0, 0, 0.75)' : 'rgba(255, 255, 255, 0.9)';
  ctx.lineJoin = 'round';
  for (const [stroke, width, dash] of [[casing, 4, []], [colour, 2, style.dash]]) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const px = clampPx(points[2 * i]);
      const py = clampPx(points[2 * i + 1]);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.setLineDash(dash);
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.fillStyle = colour;
  ctx.strokeStyle = casing;
  ctx.lineWidth = 1.5;
  const first = markers ? 0 : n - 1;
  for (let i = first; i < n; i++) {
    marker(ctx, style.marker, clampPx(points[2 * i]), clampPx(points[2 * i + 1]), i === n - 1 ? 5 : 3);
  }
}

/** The start point: a ring with a cross. */
export function drawStart(ctx, px, py, bg) {
  ctx.lineWidth = 2;
  ctx.strokeStyle = bg === 'dark' ? '#fff' : '#1d1d1f';
  ctx.beginPath();
  ctx.arc(px, py, 8, 0, 2 * Math.PI);
  ctx.moveTo(px - 12, py);
  ctx.lineTo(px + 12, py);
  ctx.moveTo(px, py - 12);
  ctx.lineTo(px, py + 12);
  ctx.stroke();
}

/** A 1-D loss curve with its axes and tick labels. */
export function drawCurve(ctx, frame, xs0, xs1, values) {
  const { W, H } = frame;
  ctx.strokeStyle = '#c8c8cf';
  ctx.lineWidth = 1;
  ctx.fillStyle = '#5b5b66';
  ctx.font = '12px system-ui, sans-serif';
  const [x0, x1, y0, y1] = frame.view;
  for (const x of niceTicks(x0, x1, 8)) {
    const [px] = frame.toPx(x, 0);
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, H);
    ctx.stroke();
    ctx.fillText(String(+x.toPrecision(6)), px + 3, H - 4);
  }
  for (const y of niceTicks(y0, y1, 6)) {
    const [, py] = frame.toPx(0, y);
    ctx.beginPath();
    ctx.moveTo(0, py);
    ctx.lineTo(W, py);
    ctx.stroke();
    ctx.fillText(String(+y.toPrecision(6)), 3, py - 3);
  }
  ctx.beginPath();
  const n = values.length;
  let pen = false;
  for (let i = 0; i < n; i++) {
    const x = xs0 + ((xs1 - xs0) * i) / (n - 1);
    if (!Number.isFinite(values[i])) {
      pen = false;
      continue;
    }
    const [px, py] = frame.toPx(x, values[i]);
    if (pen) ctx.lineTo(px, clampPx(py));
    else ctx.moveTo(px, clampPx(py));
    pen = true;
  }
  ctx.strokeStyle = '#3b528b';
  ctx.lineWidth = 2.5;
  ctx.stroke();
}

/** Round tick positions covering [lo, hi], about `count` of them. */
export function niceTicks(lo, hi, count) {
  const raw = (hi - lo) / count;
  if (!(raw > 0) || !Number.isFinite(raw)) return [];
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9 && ticks.length < 50; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return ticks;
}

/** A small legend swatch (line and marker) for a method, as drawn on background `bg`. */
export function drawSwatch(canvas, style, bg) {
  // A fixed size (the CSS size of .swatch): the canvas may be in a hidden row.
  const [width, height] = [28, 14];
  const dpr = window.devicePixelRatio || 1;
  canvas.width = width * dpr;
  canvas.height = height * dpr;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = bg === 'dark' ? '#2b2b33' : '#ffffff';
  ctx.fillRect(0, 0, width, height);
  drawPath(ctx, new Float64Array([4, height / 2, width - 6, height / 2]), style, bg);
}

/** Marks a critical point: ○ minimum (★ the global one), ✕ saddle, △ maximum, ◇ degenerate. */
export function drawCritical(ctx, px, py, kind, global, bg) {
  const ink = bg === 'dark' ? '#ffffff' : '#1d1d1f';
  const halo = bg === 'dark' ? 'rgba(0, 0, 0, 0.8)' : 'rgba(255, 255, 255, 0.9)';
  ctx.save();
  ctx.translate(px, py);
  ctx.beginPath();
  if (global) {
    for (let i = 0; i < 10; i++) {
      const r = i % 2 ? 3.6 : 8.5;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      ctx.lineTo(r * Math.cos(a), r * Math.sin(a));
    }
    ctx.closePath();
  } else if (kind === 'minimum') {
    ctx.arc(0, 0, 6, 0, 2 * Math.PI);
  } else if (kind === 'saddle') {
    ctx.moveTo(-5, -5);
    ctx.lineTo(5, 5);
    ctx.moveTo(5, -5);
    ctx.lineTo(-5, 5);
  } else if (kind === 'maximum') {
    ctx.moveTo(0, -7);
    ctx.lineTo(6.5, 5);
    ctx.lineTo(-6.5, 5);
    ctx.closePath();
  } else {
    ctx.moveTo(0, -7);
    ctx.lineTo(6, 0);
    ctx.lineTo(0, 7);
    ctx.lineTo(-6, 0);
    ctx.closePath();
  }
  ctx.lineWidth = 4.5;
  ctx.strokeStyle = halo;
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = ink;
  if (global) {
    ctx.fillStyle = '#ffd43b';
    ctx.fill();
  }
  ctx.stroke();
  ctx.restore();
}

/** The Hessian at a point: its eigenvectors as axes (blue for positive curvature, red for
 *  negative, labelled with λ), the dashed level curves of the Taylor model (segments in grid
 *  units of `h.window`) and the point Newton's step jumps to. */
export function drawHessian(ctx, frame, h, segments, n) {
  const [wx0, wx1, wy0, wy1] = h.window;
  const [ax, ay] = frame.toPx(wx0, wy1);
  const [bx, by] = frame.toPx(wx1, wy0);
  const sx = (bx - ax) / n;
  const sy = (by - ay) / n;
  ctx.save();
  // The model is local: show it in a disc around the point, not to the window's corners.
  ctx.beginPath();
  ctx.arc((ax + bx) / 2, (ay + by) / 2, Math.min(bx - ax, by - ay) / 2, 0, 2 * Math.PI);
  ctx.save();
  ctx.clip();
  ctx.beginPath();
  for (let k = 0; k + 3 < segments.length; k += 4) {
    ctx.moveTo(ax + segments[k] * sx, ay + segments[k + 1] * sy);
    ctx.lineTo(ax + segments[k + 2] * sx, ay + segments[k + 3] * sy);
  }
  ctx.setLineDash([5, 4]);
  ctx.strokeStyle = 'rgba(255, 212, 59, 0.95)';
  ctx.lineWidth = 1.4;
  ctx.stroke();
  ctx.restore();
  ctx.setLineDash([]);
  const [px, py] = frame.toPx(h.x[0], h.x[1]);
  ctx.font = '12px system-ui, sans-serif';
  h.eigenvalues.forEach((lambda, i) => {
    const [vx, vy] = [h.eigenvectors[2 * i], h.eigenvectors[2 * i + 1]];
    const [ex, ey] = frame.toPx(h.x[0] + h.reach * vx, h.x[1] + h.reach * vy);
    const [fx, fy] = frame.toPx(h.x[0] - h.reach * vx, h.x[1] - h.reach * vy);
    const colour = lambda > 0 ? '#4dabf7' : lambda < 0 ? '#ff6b6b' : '#cccccc';
    for (const [stroke, width] of [['rgba(0,0,0,0.8)', 5], [colour, 2.5]]) {
      ctx.beginPath();
      ctx.moveTo(fx, fy);
      ctx.lineTo(ex, ey);
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.stroke();
    }
    const label = `λ${i + 1} = ${+lambda.toPrecision(3)}`;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0,0,0,0.85)';
    ctx.strokeText(label, ex + 4, ey - 4);
    ctx.fillStyle = colour;
    ctx.fillText(label, ex + 4, ey - 4);
  });
  if (h.target.length === 2) {
    const [tx, ty] = frame.toPx(h.target[0], h.target[1]);
    ctx.beginPath();
    ctx.moveTo(px, py);
    ctx.lineTo(tx, ty);
    ctx.setLineDash([2, 3]);
    ctx.strokeStyle = '#ffd43b';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.rect(tx - 5, ty - 5, 10, 10);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#000';
    ctx.stroke();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = '#ffd43b';
    ctx.stroke();
  }
  ctx.restore();
}
