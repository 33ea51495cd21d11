/* Small charts as inline SVG, drawn from numbers; colours come from the stylesheet through tone classes. */

import { label, svg, tone } from './dom.js';

/** An empty chart named for screen readers; with no data it shows only a base line. */
function sparkRoot(width, height, name, empty) {
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'spark', role: 'img', 'aria-label': name,
    preserveAspectRatio: 'none' });
  chart.append(svg('title', {}, name));
  if (empty) {
    chart.append(svg('line', { x1: 0, x2: width, y1: height - 1, y2: height - 1, class: 'axis' }));
  }
  return chart;
}

/** Bars of equal width; each point {value, tone, title}. Height follows value, colour follows tone. */
export function barChart(points, { width, height, label: name, minShare = 0.18 }) {
  const chart = sparkRoot(width, height, name, points.length === 0);
  if (points.length === 0) {
    return chart;
  }
  const max = Math.max(...points.map((p) => p.value), 1);
  const slot = width / Math.max(points.length, 8);
  points.forEach((point, i) => {
    const share = Math.max(minShare, point.value / max);
    const barHeight = Math.max(2, share * (height - 2));
    const bar = svg('rect', { x: (i * slot + slot * 0.12).toFixed(2), y: (height - barHeight).toFixed(2),
      width: (slot * 0.76).toFixed(2), height: barHeight.toFixed(2), rx: Math.min(2, slot * 0.2).toFixed(2),
      class: `bar ${point.tone}` });
    bar.append(svg('title', {}, point.title));
    chart.append(bar);
  });
  return chart;
}

/** A line with a soft area under it (a single sample draws a level line); min and max default to the data's. */
export function lineChart(samples, { width, height, label: name, max, min }) {
  const values = samples.length === 1 ? [samples[0], samples[0]] : samples;
  const chart = sparkRoot(width, height, name, values.length === 0);
  if (values.length === 0) {
    return chart;
  }
  const top = max !== undefined ? max : Math.max(...values);
  const bottom = min !== undefined ? min : Math.min(0, ...values);
  const span = top - bottom || 1;
  const step = width / (values.length - 1);
  const xy = values.map((v, i) => [i * step, height - 3 - ((v - bottom) / span) * (height - 6)]);
  const line = xy.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
  const [left, right] = [xy[0][0].toFixed(1), xy[xy.length - 1][0].toFixed(1)];
  chart.append(svg('path', { d: `${line} L${right} ${height} L${left} ${height} Z`,
    class: 'area' }));
  chart.append(svg('path', { d: line, class: 'line', 'vector-effect': 'non-scaling-stroke' }));
  const [lastX, lastY] = xy[xy.length - 1];
  chart.append(svg('circle', { cx: lastX.toFixed(1), cy: lastY.toFixed(1), r: 2.5, class: 'dot' }));
  return chart;
}

/** A horizontal bar split by share; parts [{value, tone, title}]. */
export function stackedBar(parts, name) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  const chart = svg('svg', { viewBox: '0 0 100 8', class: 'stack', role: 'img', 'aria-label': name,
    preserveAspectRatio: 'none' });
  chart.append(svg('title', {}, name));
  chart.append(svg('rect', { x: 0, y: 0, width: 100, height: 8, rx: 2, class: 'track' }));
  let x = 0;
  for (const part of parts) {
    if (!part.value || !total) {
      continue;
    }
    const w = (part.value / total) * 100;
    const piece = svg('rect', { x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 8, class: `bar ${part.tone}` });
    piece.append(svg('title', {}, part.title));
    chart.append(piece);
    x += w;
  }
  return chart;
}

/** One square per run, oldest first, coloured by outcome. */
export function outcomeStrip(runs) {
  const size = 12;
  const gap = 3;
  const perRow = 15;
  const rows = Math.max(1, Math.ceil(runs.length / perRow));
  const chart = svg('svg', { viewBox: `0 0 ${perRow * (size + gap)} ${rows * (size + gap)}`, class: 'strip',
    role: 'img',
    'aria-label': 'Outcome of each recent run, oldest first' });
  runs.forEach((run, i) => {
    const square = svg('rect', { x: (i % perRow) * (size + gap), y: Math.floor(i / perRow) * (size + gap),
      width: size, height: size, rx: 2, class: `bar ${tone(run.status)}` });
    square.append(svg('title', {}, `${run.id}: ${label(run.status)}`));
    chart.append(square);
  });
  return chart;
}

export function svgBar(share, barTone) {
  const chart = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true' });
  chart.append(svg('rect', { x: 0, y: 0, width: 100, height: 10, rx: 2, class: 'track' }));
  chart.append(svg('rect', { x: 0, y: 0, width: Math.max(1, share * 100).toFixed(2), height: 10, rx: 2,
    class: `bar ${barTone}` }));
  return chart;
}
