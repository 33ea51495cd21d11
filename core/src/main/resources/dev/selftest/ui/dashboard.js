/*
 * Selftest dashboard. Reads the control API with the token the user entered (kept in sessionStorage only) and
 * draws what it finds. Every text that comes from the API is set with textContent or setAttribute, never parsed
 * as markup; the page's Content-Security-Policy requires Trusted Types, so a string could not reach innerHTML even
 * by mistake.
 */
import { barChart, lineChart, outcomeStrip, stackedBar, svgBar } from './charts.js';
import { kpiFigures, parseEvent, perMinute } from './data.js';
import { badge, duration, h, label, number, percent, show, tag, tone, when } from './dom.js';
import { runDetail } from './run-detail.js';

const base = document.documentElement.dataset.base || '/selftest';
const TOKEN_KEY = 'selftest.token';
const KPI_KEY = 'selftest.kpi-trends';
const HISTORY_RUNS = 30;
const SPARK_RUNS = 20;
const KPI_POINTS = 60;
const MAX_KPIS = 24;
const REFRESH_MS = 5000;
const POLL_MS = 700;
const PROBES = [['live', 'Live'], ['ready', 'Ready'], ['started', 'Started']];

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  authorised: false,
  index: null,
  scenarios: [],
  runs: [],
  details: new Map(),
  health: [],
  kpis: null,
  kpiSeries: new Map(readJson(KPI_KEY, [])),
  selected: new Set(),
  filter: '',
  live: null,
  following: null,
  liveScenario: null,
  starting: false,
  timer: 0,
  refreshing: null,
  drawn: {},
};

const $ = (id) => document.getElementById(id);

/** A value this tab kept in sessionStorage (KPI trends survive a reload), or the fallback. */
function readJson(key, fallback) {
  try {
    const value = JSON.parse(sessionStorage.getItem(key));
    return Array.isArray(value) ? value : fallback;
  } catch (e) {
    return fallback;
  }
}

// ---- the API -------------------------------------------------------------------------------------------------

async function api(path, init = {}) {
  const headers = new Headers(init.headers || {});
  if (!headers.has('Accept')) {
    headers.set('Accept', 'application/json');
  }
  if (state.token) {
    headers.set('Authorization', `Bearer ${state.token}`);
  }
  let response;
  try {
    response = await fetch(base + path, { ...init, headers, cache: 'no-store', credentials: 'same-origin' });
  } catch (e) {
    return { status: 0, ok: false, body: null, response: null };
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  return { status: response.status, ok: response.ok, body, response };
}

function runPath(id) {
  return `/runs/${encodeURIComponent(id)}`;
}

function sleep(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}

// ---- loading -------------------------------------------------------------------------------------------------

/** Reloads everything and redraws; asked again while it runs, it runs once more right after. */
function refresh() {
  if (state.refreshing) {
    state.again = true;
    return state.refreshing;
  }
  clearTimeout(state.timer);
  state.refreshing = Promise.all([loadHealth(), loadData()])
    .catch((e) => notify(`The dashboard could not update: ${e.message}`, 'bad'))
    .finally(() => {
      state.refreshing = null;
      render();
      if (state.again) {
        state.again = false;
        refresh();
      } else {
        state.timer = setTimeout(refresh, REFRESH_MS);
      }
    });
  return state.refreshing;
}

async function loadHealth() {
  const answers = await Promise.all(PROBES.map(([probe]) => api(`/health/${probe}`)));
  state.health = PROBES.map(([probe, name], i) => {
    const body = answers[i].body;
    const known = body && (body.status === 'UP' || body.status === 'DOWN');
    const checks = known && Array.isArray(body.checks) ? body.checks : [];
    return { probe, name, status: known ? body.status : null, checks };
  });
}

async function loadData() {
  const [index, scenarios, runs] = await Promise.all([api(''), api('/scenarios'), api(`/runs?limit=${HISTORY_RUNS}`)]);
  if (!scenarios.ok || !scenarios.body) {
    denied(scenarios);
    return;
  }
  if (!state.authorised) {
    notify('');
  }
  state.authorised = true;
  state.index = index.ok ? index.body : null;
  state.scenarios = Array.isArray(scenarios.body.scenarios) ? scenarios.body.scenarios : [];
  const known = new Set(state.scenarios.map((s) => s.id));
  state.selected.forEach((id) => { if (!known.has(id)) state.selected.delete(id); });
  state.runs = runs.ok && runs.body && Array.isArray(runs.body.runs) ? runs.body.runs : [];
  await Promise.all([loadDetails(), loadKpis()]);
  const running = state.runs.find((run) => run.status === 'RUNNING');
  if (running && !state.following) {
    follow(running);
  }
}

/** Full runs for the trends; a finished run never changes, so each is fetched once. */
async function loadDetails() {
  const wanted = new Set(state.runs.map((run) => run.id));
  [...state.details.keys()].forEach((id) => { if (!wanted.has(id)) state.details.delete(id); });
  const stale = state.runs.filter((run) => {
    const detail = state.details.get(run.id);
    return !detail || detail.status !== run.status || run.status === 'RUNNING';
  });
  const answers = await Promise.all(stale.map((run) => api(runPath(run.id))));
  answers.forEach((answer) => { if (answer.ok && answer.body) state.details.set(answer.body.id, answer.body); });
}

async function loadKpis() {
  const answer = await api('/kpis');
  if (!answer.ok || !answer.body || typeof answer.body !== 'object') {
    state.kpis = null;
    return;
  }
  const now = Date.now();
  state.kpis = kpiFigures(answer.body).slice(0, MAX_KPIS);
  for (const figure of state.kpis) {
    const series = (state.kpiSeries.get(figure.name) || []).concat([{ t: now, v: figure.value }]).slice(-KPI_POINTS);
    state.kpiSeries.set(figure.name, series);
    figure.perMinute = figure.counter ? perMinute(series) : null;
  }
  sessionStorage.setItem(KPI_KEY, JSON.stringify([...state.kpiSeries]));
}

function denied(answer) {
  state.authorised = false;
  state.scenarios = [];
  state.runs = [];
  state.details.clear();
  state.kpis = null;
  const detail = answer.body && answer.body.detail ? answer.body.detail : '';
  if (answer.status === 401 && state.token) {
    setToken(null);
    notify(`The token was not accepted: ${detail}`, 'bad');
  } else if (answer.status === 401) {
    notify('Enter the access token to see scenarios, runs and KPIs. Health is public.', 'info');
  } else if (answer.status === 0) {
    notify('The service cannot be reached; retrying.', 'bad');
  } else {
    notify(detail || `The service answered ${answer.status}.`, 'bad');
  }
}

// ---- live runs -----------------------------------------------------------------------------------------------

async function startRun(ids) {
  hideRefusal();
  state.starting = true;
  updateActions();
  const body = ids ? { scenarios: ids, trigger: 'manual' } : { trigger: 'manual' };
  const answer = await api('/runs', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  state.starting = false;
  if (answer.status === 201 && answer.body) {
    state.selected.clear();
    renderScenarios();
    notify(`Run ${answer.body.id} started.`, 'info');
    follow(answer.body);
    refresh();
  } else if (answer.status === 401) {
    denied(answer);
  } else {
    showRefusal(answer);
  }
  render();
}

/** Asks the service to cancel a run; its cleanup still runs, and the live view shows the outcome. */
async function cancelRun(id) {
  const answer = await api(runPath(id), { method: 'DELETE' });
  if (answer.status === 202) {
    notify(`Cancelling run ${id}; its cleanup still runs.`, 'info');
  } else {
    showRefusal(answer);
  }
}

/** Shows a run as it progresses: server-sent events when the service offers them, polling otherwise. */
async function follow(run) {
  state.following = run.id;
  state.liveScenario = null;
  state.liveVia = null;
  showLive(run);
  await followEvents(run.id);
  let current = state.live;
  while (current && current.id === run.id && current.status === 'RUNNING') {
    state.liveVia = 'polling';
    await sleep(POLL_MS);
    const answer = await api(runPath(run.id));
    if (!answer.ok || !answer.body) {
      break;
    }
    current = answer.body;
    showLive(current);
  }
  state.following = null;
  refresh();
}

/** Reads the run's event stream (with the token, which EventSource cannot send) until the run ends or it breaks. */
async function followEvents(id) {
  const controller = new AbortController();
  const headers = { Accept: 'text/event-stream' };
  if (state.token) {
    headers.Authorization = `Bearer ${state.token}`;
  }
  let response;
  try {
    response = await fetch(`${base}${runPath(id)}/events`, { headers, cache: 'no-store', signal: controller.signal,
      credentials: 'same-origin' });
  } catch (e) {
    return;
  }
  if (!response.ok || !response.body || !(response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
    controller.abort();
    return;
  }
  state.liveVia = 'events';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (let finished = false; !finished;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += value;
      const blocks = buffer.split(/\r?\n\r?\n/);
      buffer = blocks.pop();
      for (const event of blocks.map(parseEvent).filter((e) => e.name)) {
        finished = await onRunEvent(id, event) || finished;
      }
    }
  } catch (e) {
    // the stream broke off: polling takes over
  } finally {
    controller.abort();
  }
}

/** Shows what an event says; true once the run finished. A finished scenario is read in full (steps, failure). */
async function onRunEvent(id, event) {
  if (event.name === 'snapshot' && event.data.id === id) {
    showLive(event.data);
    return event.data.status !== 'RUNNING';
  }
  if (event.name === 'scenario-started') {
    state.liveScenario = event.data.scenario;
    renderLive();
    return false;
  }
  if (event.name === 'scenario-finished' || event.name === 'run-finished') {
    const answer = await api(runPath(id));
    if (answer.ok && answer.body) {
      showLive(answer.body);
      return answer.body.status !== 'RUNNING';
    }
  }
  return false;
}

function showLive(run) {
  const previous = state.live;
  state.live = run;
  if (previous && previous.id === run.id && (previous.scenarios || []).length !== (run.scenarios || []).length) {
    refresh();
  }
  if (run.status !== 'RUNNING') {
    state.details.set(run.id, run);
  }
  keepingFocus(renderLive);
  const dialog = $('run-dialog');
  if (dialog.open && dialog.dataset.run === run.id) {
    renderRunDetail(run);
  }
}

// ---- token ---------------------------------------------------------------------------------------------------

function setToken(token) {
  state.token = token || null;
  if (state.token) {
    sessionStorage.setItem(TOKEN_KEY, state.token);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(KPI_KEY);
    state.kpiSeries.clear();
  }
  $('token').value = '';
  document.querySelectorAll('#token-form .ask').forEach((node) => { node.hidden = Boolean(state.token); });
  $('token-state').hidden = !state.token;
  $('forget').hidden = !state.token;
}

function notify(text, kind) {
  const notice = $('notice');
  notice.textContent = text;
  notice.hidden = !text;
  notice.className = `notice ${kind || 'info'}`;
}

function hideRefusal() {
  const box = $('refusal');
  box.hidden = true;
  show(box);
}

function showRefusal(answer) {
  const problem = answer.body || {};
  const box = $('refusal');
  const refused = problem.refused && typeof problem.refused === 'object' ? Object.entries(problem.refused) : [];
  show(box,
    h('strong', {}, problem.title || `The service answered ${answer.status}`),
    h('p', {}, problem.detail || 'The run was not started.'),
    refused.length ? h('ul', { class: 'refused' }, refused.map(([id, reason]) =>
      h('li', { data: { scenario: id } }, h('code', {}, id), ' — ', String(reason)))) : null,
    h('p', { class: 'muted' }, 'Nothing ran.'));
  box.hidden = false;
}

// ---- rendering -----------------------------------------------------------------------------------------------

function render() {
  keepingFocus(() => {
    renderHealth();
    renderService();
    renderOverview();
    renderLive();
    unlessUnchanged('scenarios', [state.authorised, state.filter, state.scenarios, [...state.details.keys()]],
      renderScenarios);
    unlessUnchanged('runs', [state.authorised, state.runs], renderRuns);
    renderKpis();
    updateActions();
  });
}

/** Redraws, then gives the focus back to the control that had it (matched by its data-key). */
function keepingFocus(draw) {
  const focused = document.activeElement && document.activeElement.dataset
    ? document.activeElement.dataset.key : undefined;
  draw();
  if (focused) {
    const again = document.querySelector(`[data-key="${CSS.escape(focused)}"]`);
    if (again && again !== document.activeElement) {
      again.focus();
    }
  }
}

/**
 * Renders a part only when what it shows changed (or a minute passed, for its ages), so a refresh does not replace
 * the controls under the user's pointer or keyboard.
 */
function unlessUnchanged(part, inputs, draw) {
  const signature = JSON.stringify([Math.floor(Date.now() / 60000), inputs]);
  if (state.drawn[part] !== signature) {
    state.drawn[part] = signature;
    draw();
  }
}

function renderHealth() {
  show($('health'), ...state.health.map((probe) => {
    const status = probe.status || 'n/a';
    const checks = probe.checks.map((check) => {
      const data = Object.entries(check.data || {}).map(([key, value]) => `${key}=${value}`).join(', ');
      return `${check.name}: ${check.status}${data ? ` (${data})` : ''}`;
    }).join('\n');
    return h('li', { class: `pill ${probe.status ? tone(probe.status) : 'idle'}`, data: { probe: probe.probe },
      title: probe.status ? (checks || `${probe.name}: ${status}`) : `${probe.name}: not served by this service` },
    h('span', { class: 'dot', 'aria-hidden': 'true' }), `${probe.name} `, h('strong', {}, status));
  }));
}

function renderService() {
  const index = state.index;
  $('service').textContent = index
    ? `Environment ${index.environment} · Selftest ${index.version}`
    : 'Self-tests, runs and KPIs of this service';
}

function finishedRuns() {
  return state.runs.filter((run) => run.status !== 'RUNNING').slice().reverse();
}

function tile(title, value, sub, chart, data) {
  return h('article', { class: 'tile', data },
    h('h3', {}, title), h('div', { class: 'value' }, value), h('p', { class: 'sub' }, sub), chart);
}

function renderOverview() {
  const tiles = [];
  const runs = finishedRuns();
  const passedRuns = runs.filter((run) => run.passed).length;
  tiles.push(tile('Run pass rate', runs.length ? percent(passedRuns / runs.length) : '–',
    runs.length ? `${passedRuns} of the last ${runs.length} runs passed` : 'no finished runs yet',
    lineChart(runs.map((run) => (run.counts.total ? (run.counts.passed + run.counts.skipped) / run.counts.total : 0)),
      { width: 240, height: 48, max: 1, min: 0, label: 'Share of scenarios passed, run by run' })));
  const last = state.runs[0];
  tiles.push(tile('Last run', last ? badge(last.status) : '–',
    last ? h('span', {}, when(last.startedAt), ` · ${duration(last.durationMs)} · ${last.trigger}`)
      : 'nothing ran yet',
    barChart(runs.map((run) => ({ value: run.durationMs, tone: tone(run.status),
      title: `${run.id}: ${label(run.status)}, ${duration(run.durationMs)}` })),
    { width: 240, height: 48, label: 'Run durations, coloured by outcome' })));
  const counts = { ok: 0, bad: 0, idle: 0 };
  state.scenarios.forEach((s) => { counts[s.stats && s.stats.lastOutcome ? tone(s.stats.lastOutcome) : 'idle'] += 1; });
  const forbidden = state.scenarios.filter((s) => !s.allowed).length;
  tiles.push(tile('Scenarios', String(state.scenarios.length),
    `${counts.ok} passing · ${counts.bad} failing · ${counts.idle} not run`
      + (forbidden ? ` · ${forbidden} forbidden here` : ''),
    stackedBar([{ value: counts.ok, tone: 'ok', title: `${counts.ok} passing` },
      { value: counts.bad, tone: 'bad', title: `${counts.bad} failing` },
      { value: counts.idle, tone: 'idle', title: `${counts.idle} not run or skipped` }],
    'Last outcome of each scenario')));
  const lastPass = state.runs.find((run) => run.passed);
  tiles.push(tile('Last passing run', lastPass ? when(lastPass.finishedAt || lastPass.startedAt) : 'never',
    lastPass ? `${lastPass.id} · ${lastPass.trigger}` : 'no run has passed yet',
    [healthList(), outcomeStrip(runs)]));
  show($('overview'), ...tiles);
}

function healthList() {
  const checks = state.health.flatMap((probe) => probe.checks.map((check) => ({ probe: probe.name, check })));
  if (checks.length === 0) {
    return null;
  }
  return h('ul', { class: 'checks', 'aria-label': 'Health checks' }, checks.slice(0, 6).map(({ probe, check }) =>
    h('li', {}, h('span', { class: `dot ${tone(check.status)}`, 'aria-hidden': 'true' }),
      `${check.name} `, h('span', { class: 'muted' }, `(${probe.toLowerCase()}) ${check.status}`))));
}

function renderLive() {
  const run = state.live;
  const panel = $('live');
  if (!run) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  panel.dataset.via = state.liveVia || '';
  const total = run.counts.total;
  const done = total - run.counts.pending;
  $('live-heading').textContent = run.status === 'RUNNING' ? 'Run in progress' : 'Latest run';
  const results = new Map((run.scenarios || []).map((result) => [result.id, result]));
  const pending = run.pending || [];
  const ids = [...(run.scenarios || []).map((r) => r.id), ...pending];
  const current = pending.includes(state.liveScenario) ? state.liveScenario : pending[0];
  show($('live-body'),
    h('div', { class: 'live-head' },
      badge(run.status), h('code', {}, run.id),
      h('span', { class: 'muted' }, `${done} of ${total} done · ${duration(run.durationMs)}`),
      h('span', { class: 'live-actions' },
        run.status === 'RUNNING' ? h('button', { type: 'button', class: 'quiet',
          data: { cancel: run.id, key: `cancel:${run.id}` } }, 'Cancel run') : null,
        h('button', { type: 'button', class: 'quiet', data: { open: run.id, key: `live:${run.id}` } }, 'Details'))),
    h('progress', { max: total || 1, value: done, 'aria-label': `${done} of ${total} scenarios done` }),
    h('ul', { class: 'live-list', id: 'live-list' }, ids.map((id) => {
      const result = results.get(id);
      const waiting = run.status !== 'RUNNING' ? badge('PENDING', 'not run')
        : id === current ? badge('RUNNING', 'running') : badge('PENDING', 'queued');
      return h('li', { data: { scenario: id } }, result ? badge(result.outcome) : waiting,
        h('code', {}, id), h('span', { class: 'muted' }, result ? duration(result.durationMs) : ''));
    })));
}

/** Each scenario's executions over the recent runs, oldest first. */
function executions() {
  const byScenario = new Map();
  const runs = state.runs.slice(0, SPARK_RUNS).reverse();
  for (const summary of runs) {
    const run = state.details.get(summary.id);
    for (const result of (run && run.scenarios) || []) {
      const list = byScenario.get(result.id) || [];
      list.push({ ...result, runId: run.id });
      byScenario.set(result.id, list);
    }
  }
  return byScenario;
}

function matches(scenario) {
  const filter = state.filter.trim().toLowerCase();
  if (!filter) {
    return true;
  }
  return [scenario.id, scenario.description, scenario.safety, ...(scenario.tags || [])]
    .some((text) => String(text || '').toLowerCase().includes(filter));
}

function renderScenarios() {
  const container = $('scenarios');
  if (!state.authorised) {
    show(container, h('p', { class: 'empty' }, 'Scenarios appear here once a valid token is entered.'));
    return;
  }
  const history = executions();
  const visible = state.scenarios.filter(matches);
  const allSelected = visible.length > 0 && visible.every((s) => state.selected.has(s.id));
  const head = h('thead', {}, h('tr', {},
    h('th', { scope: 'col', class: 'pick' }, h('input', { type: 'checkbox', id: 'select-all',
      'aria-label': 'Select every scenario shown',
      checked: allSelected, data: { key: 'select-all' } })),
    ...['Scenario', 'Safety', 'Last outcome', 'Pass rate', 'p95', 'Last success']
      .map((name) => h('th', { scope: 'col' }, name))));
  const rows = visible.map((scenario) => {
    const stats = scenario.stats || {};
    const runs = history.get(scenario.id) || [];
    const spark = barChart(runs.map((r) => ({ value: r.durationMs, tone: tone(r.outcome),
      title: `${r.runId}: ${label(r.outcome)} in ${duration(r.durationMs)}` })),
    { width: 120, height: 28, minShare: 0.35, label: `Last ${runs.length} executions of ${scenario.id}` });
    return h('tr', { data: { scenario: scenario.id }, class: scenario.allowed ? '' : 'forbidden' },
      h('td', { class: 'pick' }, h('input', { type: 'checkbox', 'aria-label': `Select ${scenario.id}`,
        checked: state.selected.has(scenario.id), data: { pick: scenario.id, key: `pick:${scenario.id}` } })),
      h('td', { class: 'name' },
        h('code', { class: 'id' }, scenario.id),
        scenario.description ? h('span', { class: 'description' }, scenario.description) : null,
        h('span', { class: 'tags' }, (scenario.tags || []).map(tag)),
        scenario.allowed ? null : h('span', { class: 'refusal-note' }, `Not here: ${scenario.refusal || 'forbidden'}`),
        missingData(scenario)),
      h('td', { 'data-label': 'Safety' }, badge(scenario.safety, label(scenario.safety))),
      h('td', { 'data-label': 'Last outcome' }, badge(stats.lastOutcome)),
      h('td', { 'data-label': 'Pass rate', class: 'rate' }, spark, h('span', {}, percent(stats.passRate))),
      h('td', { 'data-label': 'p95', class: 'num' }, stats.executions ? duration(stats.p95Ms) : '–'),
      h('td', { 'data-label': 'Last success' }, when(stats.lastSuccess)));
  });
  const table = h('table', { class: 'scenarios' }, h('caption', { class: 'visually-hidden' },
    'Scenarios with their safety, last outcome, recent executions, p95 duration and last success'),
  head, h('tbody', {}, rows));
  show(container, visible.length ? table : h('p', { class: 'empty' },
    state.scenarios.length ? 'No scenario matches the filter.' : 'This service registers no scenarios.'));
}

/** A note naming the test data a scenario requires that this environment does not configure. */
function missingData(scenario) {
  const missing = (scenario.data || []).filter((item) => !item.configured).map((item) => item.key);
  return missing.length
    ? h('span', { class: 'refusal-note', data: { missing: missing.join(' ') } },
      `Test data not configured here: ${missing.join(', ')}`)
    : null;
}

function countsBar(run) {
  const c = run.counts;
  return stackedBar([
    { value: c.passed, tone: 'ok', title: `${c.passed} passed` },
    { value: c.failed + c.errored + c.timedOut, tone: 'bad', title: `${c.failed + c.errored + c.timedOut} failed` },
    { value: c.skipped + c.cancelled, tone: 'idle', title: `${c.skipped + c.cancelled} skipped or cancelled` },
    { value: c.pending, tone: 'run', title: `${c.pending} pending` }], `${c.passed} of ${c.total} passed`);
}

function renderRuns() {
  const runs = finishedRuns();
  show($('runs-chart'),
    barChart(runs.map((run) => ({ value: run.durationMs, tone: tone(run.status),
      title: `${run.id} (${run.trigger}): ${label(run.status)}, ${duration(run.durationMs)}` })),
    { width: 600, height: 90, label: 'Duration of each recent run, coloured by outcome, oldest first' }),
    h('figcaption', { class: 'muted' }, runs.length
      ? `Duration of the last ${runs.length} runs, oldest first (longest `
        + `${duration(Math.max(...runs.map((r) => r.durationMs)))}); green passed, red failed.`
      : 'No finished runs yet.'));
  const list = $('runs');
  if (!state.authorised || state.runs.length === 0) {
    show(list, h('li', { class: 'empty' }, state.authorised ? 'No runs yet: start one above.'
      : 'Runs appear here once a valid token is entered.'));
    return;
  }
  show(list, ...state.runs.map((run) => h('li', {},
    h('button', { type: 'button', class: 'run-item', data: { open: run.id, key: `run:${run.id}`, run: run.id } },
      badge(run.status),
      h('span', { class: 'run-id' }, h('code', {}, run.id), h('span', { class: 'muted' }, ` ${run.trigger}`)),
      h('span', { class: 'run-when' }, when(run.startedAt), ` · ${duration(run.durationMs)}`),
      countsBar(run),
      h('span', { class: 'labels' }, Object.entries(run.labels || {}).map(([k, v]) => tag(`${k}=${v}`)))))));
}

function renderKpis() {
  const runs = finishedRuns();
  const durations = runs.map((run) => run.durationMs);
  const median = durations.length ? durations.slice().sort((a, b) => a - b)[Math.floor(durations.length / 2)] : null;
  const failures = runs.map((run) => run.counts.failed + run.counts.errored + run.counts.timedOut);
  const triggers = new Map();
  runs.forEach((run) => triggers.set(run.trigger, (triggers.get(run.trigger) || 0) + 1));
  const tiles = [
    tile('Median run duration', duration(median), 'run by run, oldest first',
      lineChart(durations, { width: 200, height: 36, label: 'Run durations, oldest first' })),
    tile('Failed scenarios', String(failures.reduce((sum, n) => sum + n, 0)), `in the last ${runs.length} runs`,
      barChart(runs.map((run, i) => ({ value: failures[i], tone: failures[i] ? 'bad' : 'ok',
        title: `${run.id}: ${failures[i]} failed` })), { width: 200, height: 36, minShare: 0.08,
        label: 'Failed scenarios in each run' })),
    tile('Runs by trigger', String(runs.length),
      [...triggers].map(([name, n]) => `${n} ${name}`).join(' · ') || 'no runs',
      stackedBar([...triggers].map(([name, n], i) => ({ value: n, tone: ['run', 'ok', 'warn', 'idle'][i % 4],
        title: `${n} ${name}` })), 'Runs by trigger')),
  ];
  for (const figure of state.kpis || []) {
    const series = (state.kpiSeries.get(figure.name) || []).map((point) => point.v);
    const rate = typeof figure.perMinute === 'number' ? ` · ${number(figure.perMinute)} per minute` : '';
    const value = figure.percent ? percent(figure.value) : `${number(figure.value)} ${figure.unit || ''}`.trim();
    tiles.push(tile(figure.name, value,
      `${figure.sub}${rate}`, lineChart(series, { width: 200, height: 36, min: figure.percent ? 0 : undefined,
        max: figure.percent ? 1 : undefined, label: `Trend of ${figure.name} while this page is open` }),
      figure.meter ? { kpi: figure.meter } : null));
  }
  const p95 = state.scenarios.filter((s) => s.stats && s.stats.executions);
  const maxP95 = Math.max(1, ...p95.map((s) => s.stats.p95Ms));
  const bars = h('ul', { class: 'hbars', 'aria-label': 'p95 duration by scenario' }, p95.map((s) =>
    h('li', {}, h('code', { title: s.id }, s.id),
      h('span', { class: 'hbar' }, svgBar(s.stats.p95Ms / maxP95, tone(s.stats.lastOutcome))),
      h('span', { class: 'num' }, duration(s.stats.p95Ms)))));
  show($('kpis'),
    h('div', { class: 'tiles small' }, tiles),
    state.authorised && !state.kpis
      ? h('p', { class: 'muted note' }, 'This service serves no KPI snapshot; these figures come from its run history.')
      : null,
    h('h3', { class: 'sub-heading' }, 'p95 duration by scenario'),
    p95.length ? bars : h('p', { class: 'empty' }, 'No executions yet.'));
}

function updateActions() {
  const busy = state.starting;
  const runSelected = $('run-selected');
  runSelected.disabled = !state.authorised || busy || state.selected.size === 0;
  runSelected.textContent = state.selected.size ? `Run selected (${state.selected.size})` : 'Run selected';
  $('run-all').disabled = !state.authorised || busy;
  $('filter').disabled = !state.authorised;
}

// ---- run drill-down ------------------------------------------------------------------------------------------

/** Opens a run's details: at once from what the page holds, read afresh only while the run may still change. */
async function openRun(id) {
  const dialog = $('run-dialog');
  dialog.dataset.run = id;
  const cached = state.details.get(id);
  if (cached) {
    renderRunDetail(cached);
  } else {
    show($('run-detail'), h('p', { class: 'muted' }, 'Loading…'));
  }
  if (!dialog.open) {
    dialog.showModal();
  }
  $('close-dialog').focus();
  if (cached && cached.status !== 'RUNNING') {
    return;
  }
  const answer = await api(runPath(id));
  if (answer.ok && answer.body && dialog.dataset.run === id) {
    renderRunDetail(answer.body);
  } else if (!answer.ok && !cached) {
    const detail = (answer.body && answer.body.detail) || 'The run could not be read.';
    show($('run-detail'), h('p', { class: 'empty' }, detail));
  }
}

function renderRunDetail(run) {
  $('run-dialog-title').textContent = `Run ${run.id}`;
  show($('run-detail'), ...runDetail(run, `${base}${runPath(run.id)}/junit.xml`));
}

/** The report needs the token, which a plain link cannot send: fetch it and hand the browser the file. */
async function downloadJunit(link) {
  const answer = await fetch(link.href, { headers: state.token ? { Authorization: `Bearer ${state.token}` } : {},
    cache: 'no-store', credentials: 'same-origin' });
  if (!answer.ok) {
    notify(`The JUnit XML report could not be read (${answer.status}).`, 'bad');
    return;
  }
  const url = URL.createObjectURL(await answer.blob());
  const save = h('a', { href: url, download: link.getAttribute('download') });
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// ---- events --------------------------------------------------------------------------------------------------

function wire() {
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (!token) {
      notify('Enter a token first.', 'bad');
      return;
    }
    setToken(token);
    notify('Checking the token…', 'info');
    refresh();
  });
  $('forget').addEventListener('click', () => {
    setToken(null);
    state.authorised = false;
    denied({ status: 401, body: null });
    render();
  });
  $('filter').addEventListener('input', (event) => {
    state.filter = event.target.value;
    renderScenarios();
  });
  $('scenarios').addEventListener('change', (event) => {
    const box = event.target;
    if (box.id === 'select-all') {
      state.scenarios.filter(matches)
        .forEach((s) => (box.checked ? state.selected.add(s.id) : state.selected.delete(s.id)));
      renderScenarios();
    } else if (box.dataset.pick) {
      if (box.checked) {
        state.selected.add(box.dataset.pick);
      } else {
        state.selected.delete(box.dataset.pick);
      }
    }
    updateActions();
  });
  $('run-selected').addEventListener('click', () => startRun(state.scenarios.map((s) => s.id)
    .filter((id) => state.selected.has(id))));
  $('run-all').addEventListener('click', () => startRun(null));
  document.addEventListener('click', (event) => {
    const opener = event.target.closest('[data-open]');
    if (opener) {
      openRun(opener.dataset.open);
      return;
    }
    const cancel = event.target.closest('[data-cancel]');
    if (cancel) {
      cancelRun(cancel.dataset.cancel);
      return;
    }
    const junit = event.target.closest('a[data-junit]');
    if (junit) {
      event.preventDefault();
      downloadJunit(junit);
    }
  });
  $('close-dialog').addEventListener('click', () => $('run-dialog').close());
  $('run-dialog').addEventListener('close', () => {
    const id = $('run-dialog').dataset.run;
    const back = id && document.querySelector(`[data-key="run:${CSS.escape(id)}"]`);
    if (back) {
      back.focus();
    }
  });
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
}

setToken(state.token);
wire();
render();
refresh();
