/* Pure functions over what the control API answers. */

import { percent, words } from './dom.js';

/**
 * The figures of a KPI snapshot (`GET /kpis`): the pass rate over the shortest window that judged a run (the others
 * in its subtitle), then every value of every functional meter the application marked as a KPI, named with its tags.
 */
export function kpiFigures(snapshot) {
  const figures = [];
  const windows = snapshot.runs && typeof snapshot.runs === 'object' ? snapshot.runs : {};
  const judged = [['lastHour', 'last hour'], ['lastDay', 'last day'], ['lastRuns', 'recent runs']]
    .filter(([key]) => windows[key] && typeof windows[key].passRate === 'number')
    .map(([key, title]) => ({ title, ...windows[key] }));
  if (judged.length) {
    const [first, ...others] = judged;
    figures.push({ name: `Pass rate, ${first.title}`, value: first.passRate, percent: true,
      sub: others.length ? others.map((w) => `${w.title} ${percent(w.passRate)}`).join(' · ')
        : `${first.passed} of ${first.runs} runs passed` });
  }
  for (const meter of Array.isArray(snapshot.functional) ? snapshot.functional : []) {
    const values = Object.entries(meter.values || {}).filter(([, value]) => typeof value === 'number');
    const tags = Object.entries(meter.tags || {}).map(([k, v]) => `${k}=${v}`).join(', ');
    for (const [stat, value] of values) {
      figures.push({ name: `${meter.name}${tags ? ` {${tags}}` : ''}${values.length > 1 ? ` · ${words(stat)}` : ''}`,
        meter: meter.name, value, unit: meter.baseUnit, sub: meter.description || meter.type || '',
        counter: meter.type === 'counter' && stat === 'count' });
    }
  }
  return figures;
}

/** How fast a counter grew between the first and last sample kept; null with fewer than two. */
export function perMinute(series) {
  if (series.length < 2) {
    return null;
  }
  const first = series[0];
  const last = series[series.length - 1];
  return last.t > first.t ? ((last.v - first.v) / (last.t - first.t)) * 60000 : null;
}

/** One server-sent event: its name and its JSON data (comments such as keep-alives have no name). */
export function parseEvent(block) {
  let name = '';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  try {
    return { name, data: data.length ? JSON.parse(data.join('\n')) : {} };
  } catch (e) {
    return { name, data: {} };
  }
}
