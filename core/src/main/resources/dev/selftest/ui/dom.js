/* Building the page from data: elements are made with text only (textContent and setAttribute), never from markup. */

const SVG_NS = 'http://www.w3.org/2000/svg';
const TONES = {
  PASSED: 'ok', UP: 'ok', FAILED: 'bad', ERRORED: 'bad', TIMED_OUT: 'bad', DOWN: 'bad',
  SKIPPED: 'idle', CANCELLED: 'idle', RUNNING: 'run', PENDING: 'idle',
  READ_ONLY: 'ok', SELF_CLEANING: 'warn', DESTRUCTIVE: 'bad',
};

export function h(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

/** Replaces a node's children, leaving out absent ones (null, undefined, false). */
export function show(node, ...children) {
  node.replaceChildren();
  return fill(node, {}, children);
}

export function svg(tag, props, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

function fill(node, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'data') {
      Object.entries(value).forEach(([name, text]) => { node.dataset[name] = text; });
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export function tone(word) {
  return TONES[word] || 'idle';
}

export function label(word) {
  return word ? String(word).replace(/_/g, ' ').toLowerCase() : 'never run';
}

export function badge(word, text) {
  return h('span', { class: `badge ${tone(word)}` }, text || label(word));
}

export function tag(text) {
  return h('span', { class: 'tag' }, text);
}

export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) {
    return '–';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60000) {
    return `${(ms / 1000).toFixed(ms < 10000 ? 1 : 0)} s`;
  }
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

export function ago(iso) {
  if (!iso) {
    return 'never';
  }
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 60) {
    return 'just now';
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)} min ago`;
  }
  if (seconds < 86400) {
    return `${Math.round(seconds / 3600)} h ago`;
  }
  return `${Math.round(seconds / 86400)} d ago`;
}

export function when(iso) {
  return iso ? h('time', { datetime: iso, title: new Date(iso).toLocaleString() }, ago(iso)) : 'never';
}

export function percent(rate) {
  return rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
}

export function number(value) {
  if (Math.abs(value) >= 1000 || Number.isInteger(value)) {
    return Math.round(value).toLocaleString('en');
  }
  return value.toLocaleString('en', { maximumFractionDigits: Math.abs(value) < 1 ? 3 : 1 });
}

export function words(key) {
  return String(key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').toLowerCase();
}
