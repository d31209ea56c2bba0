// Paints the core's display lists (crate/src/picture/sketch.rs documents the codes) on a canvas:
// every position, colour and label was decided by the core; this only replays them.
import { page } from './page.js';

const css = (v) => `rgba(${v >>> 24},${(v >>> 16) & 255},${(v >>> 8) & 255},${(v & 255) / 255})`;
const ALIGN = ['left', 'center', 'right'];
const BASELINE = ['top', 'middle', 'alphabetic'];

/** Sizes `canvas` to a figure of `size` (its CSS box over the zoom, see drawSize) times the
 *  zoom and devicePixelRatio, and returns a cleared context in the figure's pixels. */
export function hiDpiContext(canvas, { width, height }) {
  const dpr = (window.devicePixelRatio || 1) * page.zoom;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** Paints the explorer's display list `which` (0 contours, 1 overlay, 2 axes, 3 swatch, 4 and 5
 *  the charts) on a canvas of CSS size `size`; returns the context, for the lab to draw on. */
export function paint(canvas, size, which) {
  const e = page.explorer;
  const texts = e.sketchTexts(which);
  return paintList(canvas, size, new Float64Array(page.wasm.memory.buffer, e.sketchPtr(which), e.sketchLen(which)), texts);
}

/** Paints the display list `ops` (with its `texts`) on a canvas of CSS size `size`. */
export function paintList(canvas, size, ops, texts) {
  const ctx = hiDpiContext(canvas, size);
  ctx.lineJoin = 'round';
  let k = 0;
  const pen = () => {
    const [stroke, width, d] = [ops[k], ops[k + 1], ops[k + 2]];
    ctx.setLineDash(Array.from(ops.subarray(k + 3, k + 3 + d)));
    k += 3 + d;
    ctx.strokeStyle = css(stroke);
    ctx.lineWidth = width;
    return stroke & 255 && width > 0;
  };
  while (k < ops.length) {
    const code = ops[k++];
    if (code === 1 || code === 2) {
      const fill = code === 1 ? ops[k++] : 0;
      const stroke = pen();
      const closed = code === 1 && ops[k++] === 1;
      const n = ops[k++];
      ctx.beginPath();
      for (let i = 0; i < n; i++, k += code === 1 ? 2 : 4) {
        if (code === 2 || i === 0) ctx.moveTo(ops[k], ops[k + 1]);
        else ctx.lineTo(ops[k], ops[k + 1]);
        if (code === 2) ctx.lineTo(ops[k + 2], ops[k + 3]);
      }
      if (closed) ctx.closePath();
      if (fill & 255) {
        ctx.fillStyle = css(fill);
        ctx.fill('evenodd');
      }
      if (stroke) ctx.stroke();
    } else if (code === 3) {
      const [fill, stroke, width, x, y, r, inner] = ops.subarray(k, k + 7);
      k += 7;
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      if (inner > 0) {
        ctx.moveTo(x + inner, y);
        ctx.arc(x, y, inner, 0, 2 * Math.PI, true);
      }
      if (fill & 255) {
        ctx.fillStyle = css(fill);
        ctx.fill('evenodd');
      }
      if (stroke & 255 && width > 0) {
        ctx.strokeStyle = css(stroke);
        ctx.lineWidth = width;
        ctx.stroke();
      }
    } else if (code === 4) {
      const [index, x, y, size, align, baseline, colour, halo] = ops.subarray(k, k + 8);
      k += 8;
      ctx.font = `${size}px system-ui, sans-serif`;
      ctx.textAlign = ALIGN[align + 1];
      ctx.textBaseline = BASELINE[baseline + 1];
      ctx.setLineDash([]);
      if (halo & 255) {
        ctx.lineWidth = 3;
        ctx.strokeStyle = css(halo);
        ctx.strokeText(texts[index], x, y);
      }
      ctx.fillStyle = css(colour);
      ctx.fillText(texts[index], x, y);
    } else if (code === 5) {
      ctx.save();
      ctx.beginPath();
      ctx.arc(ops[k], ops[k + 1], ops[k + 2], 0, 2 * Math.PI);
      ctx.clip();
      k += 3;
    } else if (code === 6) {
      ctx.restore();
    } else {
      throw new Error(`unknown display-list operation ${code}`);
    }
  }
  ctx.setLineDash([]);
  return ctx;
}
