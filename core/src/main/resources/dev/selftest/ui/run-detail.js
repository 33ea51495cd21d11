/* The drill-down of one run: its facts, then each scenario's outcome, failure, steps and cleanup. */

import { badge, duration, h, tag, tone, when } from './dom.js';

/** The nodes that describe a run; `junit` is the address of its JUnit XML report. */
export function runDetail(run, junit) {
  const results = (run.scenarios || []).map(resultCard);
  const pending = (run.pending || []).map((id) => h('article', { class: 'result idle' },
    h('header', {}, badge('RUNNING', 'pending'), h('code', {}, id))));
  const cards = [...results, ...pending];
  return [
    facts(run),
    h('p', { class: 'links' },
      h('a', { href: junit, download: `selftest-${run.id}.xml`, data: { junit: run.id } }, 'JUnit XML report')),
    h('h3', {}, 'Results'),
    ...(cards.length ? cards : [h('p', { class: 'empty' }, 'No results.')]),
  ];
}

/** Key and value pairs as a description list. */
function facts(run) {
  const labels = Object.entries(run.labels || {}).map(([key, value]) => tag(`${key}=${value}`));
  const pairs = [['Status', badge(run.status)], ['Trigger', run.trigger], ['Environment', run.environment],
    ['Started', when(run.startedAt)], ['Duration', duration(run.durationMs)],
    ['Labels', labels.length ? labels : '–']];
  return h('dl', { class: 'facts' }, pairs.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

function resultCard(result) {
  return h('article', { class: `result ${tone(result.outcome)}`, data: { scenario: result.id } },
    h('header', {}, badge(result.outcome), h('code', {}, result.id),
      h('span', { class: 'muted' }, duration(result.durationMs))),
    failure(result.failure),
    section('Steps', 'ol', 'steps', result.steps, (step) => [badge(step.outcome),
      h('span', { class: 'step-name' }, step.name), h('span', { class: 'muted' }, duration(step.durationMs)),
      message(step.message)]),
    section('Cleanup', 'ul', 'cleanup', result.cleanup, (action) => [
      badge(action.cleaned ? 'PASSED' : 'FAILED', action.cleaned ? 'cleaned' : 'not cleaned'),
      h('span', {}, action.description), h('span', { class: 'muted' }, duration(action.durationMs)),
      message(action.message)]));
}

function failure(problem) {
  if (!problem) {
    return null;
  }
  return h('div', { class: 'failure' },
    h('strong', {}, problem.type), h('pre', {}, problem.message || '(no message)'),
    problem.stackTrace ? h('details', {}, h('summary', {}, 'Stack trace'), h('pre', {}, problem.stackTrace)) : null);
}

/** A titled list of items, or nothing when there are none. */
function section(title, listTag, className, items, itemContent) {
  if (!items || items.length === 0) {
    return null;
  }
  return h('div', {}, h('h4', {}, title),
    h(listTag, { class: className }, items.map((item) => h('li', {}, itemContent(item)))));
}

function message(text) {
  return text ? h('span', { class: 'message' }, text) : null;
}
