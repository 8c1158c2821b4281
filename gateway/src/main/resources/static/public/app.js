// The public transparency page (公示). Reads only the gateway's public API, from the same origin, without a token.
// Every text from the API goes into the page through textContent (el() below), never as HTML.
'use strict';

const COUNTY_ZONE = 'Asia/Shanghai';
const SCORERS = { INSPECTION: '检查考评', RESIDENTS: '业主评价', ORGANISATION: '党组织评价' };
const DECISIONS = { CLOSE: '办结', REDIRECT: '转交部门办理', FOLLOW_UP: '持续跟进' };

/** An element with attributes and children; strings become text nodes, so nothing from the API is parsed as HTML. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJson(path, params) {
  const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const url = path + (query.toString() ? '?' + query : '');
  const response = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': 'zh-CN' } });
  if (!response.ok) throw new Error(url + ' answered ' + response.status);
  return response.json();
}

/** Runs a section's loader and shows its state: loading, ready, empty (with a readable sentence) or error (with retry). */
async function show(sectionId, load) {
  const section = document.getElementById(sectionId);
  const status = section.querySelector('.status');
  const body = section.querySelector('.body');
  section.dataset.state = 'loading';
  status.replaceChildren('正在加载…');
  try {
    const result = await load();
    body.replaceChildren(...(result.nodes || []).filter(Boolean));
    section.dataset.state = result.empty ? 'empty' : 'ready';
    status.replaceChildren(result.empty || '');
  } catch (failure) {
    body.replaceChildren();
    section.dataset.state = 'error';
    const retry = el('button', { type: 'button' }, '重试');
    retry.addEventListener('click', () => show(sectionId, load));
    status.replaceChildren('暂时无法获取数据，请稍后再试。', retry);
    console.warn(sectionId, failure.message);
  }
}

function countyMonth(monthsBack) {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: COUNTY_ZONE, year: 'numeric', month: '2-digit' })
    .format(new Date()).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 - monthsBack, 1));
  return date.getUTCFullYear() + '-' + String(date.getUTCMonth() + 1).padStart(2, '0');
}

function monthLabel(month) {
  const [year, number] = String(month).split('-');
  return year + '年' + Number(number) + '月';
}

function dateLabel(instant) {
  if (!instant) return '';
  return new Intl.DateTimeFormat('zh-CN', { timeZone: COUNTY_ZONE, year: 'numeric', month: 'long', day: 'numeric' })
    .format(new Date(instant));
}

function points(value) {
  return value === null || value === undefined ? '—' : String(Math.round(Number(value) * 100) / 100);
}

function basisLabel(basis) {
  const compounds = /^(\d+) of (\d+) compounds$/.exec(basis || '');
  return compounds ? compounds[2] + '个小区中' + compounds[1] + '个有记录' : (basis || '');
}

// 物业服务企业月度排名: the published snapshots (newest first) to pick from, then one snapshot with its breakdown.
async function rankings() {
  const pick = document.getElementById('ranking-pick');
  const history = await getJson('/api/v1/rankings/published', { size: 100 });
  const summaries = history.content || [];
  if (summaries.length === 0) {
    pick.replaceChildren();
    return { empty: '暂无已发布的月度排名。排名在每月考核结束后由县、街道发布。' };
  }
  if (pick.options.length === 0) {
    pick.replaceChildren(...summaries.map(s => el('option', { value: s.id },
      (s.scopeName || s.scopeUnitId) + ' · ' + monthLabel(s.month) + '（' + s.companyCount + '家企业）')));
    pick.disabled = false;
    pick.addEventListener('change', () => show('ranking', () => ranking(pick.value)));
  }
  return ranking(pick.value);
}

async function ranking(id) {
  const r = await getJson('/api/v1/rankings/published/' + encodeURIComponent(id));
  const bottom = new Set(r.bottomCompanyIds || []);
  const scheme = el('details', {}, el('summary', {}, '评分依据：' + (r.schemeName || '考核方案')),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '考核项'), el('th', {}, '评分方'), el('th', { class: 'num' }, '权重'))),
      el('tbody', {}, (r.schemeItems || []).map(item => el('tr', {}, el('td', {}, item.name),
        el('td', {}, SCORERS[item.scorer] || item.scorer), el('td', { class: 'num' }, item.weight + '%'))))));
  const intro = el('p', { class: 'note' }, r.scopeName + ' · ' + monthLabel(r.month) + ' · 共' + r.compoundsScored
    + '个小区参与评分 · 发布于' + dateLabel(r.publishedAt));
  if (!r.entries || r.entries.length === 0) {
    return { nodes: [intro, scheme], empty: '本月没有可排名的企业。' };
  }
  const list = el('ol', { class: 'list ranking' }, r.entries.map(entry => el('li', { 'data-company': entry.companyId },
    el('div', { class: 'row' }, el('span', { class: 'rank' }, entry.rank),
      el('span', { class: 'name' }, entry.companyName, bottom.has(entry.companyId) ? el('span', { class: 'tag bottom' }, '末位') : null),
      el('span', { class: 'score' }, points(entry.score))),
    el('div', { class: 'meta' }, '服务' + entry.compoundsServed + '个小区，' + entry.compoundsScored + '个参与评分'),
    el('details', {}, el('summary', {}, '得分明细'),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '考核项'), el('th', { class: 'num' }, '得分'), el('th', {}, '依据'))),
        el('tbody', {}, (entry.items || []).map(item => el('tr', {}, el('td', {}, item.name + '（' + item.weight + '%）'),
          el('td', { class: 'num' }, points(item.score)), el('td', {}, basisLabel(item.basis)))))),
      (entry.lowestCompounds || []).length === 0 ? null : el('p', { class: 'meta' }, '得分最低的小区：'
        + entry.lowestCompounds.map(c => c.name + ' ' + points(c.total)).join('，'))))));
  const unscored = (r.unscoredCompanyIds || []).length;
  return { nodes: [intro, scheme, list, unscored ? el('p', { class: 'note' }, unscored + '家企业本月无评分记录，未参与排名。') : null] };
}

// 谨慎选聘企业名单: companies with a yellow card in force.
async function cautionList() {
  const page = await getJson('/api/v1/sanctions/caution-list', { size: 100 });
  const entries = page.content || [];
  if (entries.length === 0) return { empty: '目前没有企业被列入谨慎选聘名单。' };
  return { nodes: [el('ul', { class: 'list caution' }, entries.map(entry => el('li', {},
    el('div', { class: 'name' }, entry.companyName),
    el('div', { class: 'meta' }, '统一社会信用代码 ' + entry.creditCode + ' · 自' + entry.since + '起'),
    el('div', {}, entry.reason))))] };
}

// 红榜: a community's monthly red list. The communities to choose from are those with published meetings
// (or ?community=<id> in the page's address, for a link on a community's notice board).
let communities = [];

async function redList() {
  const choose = document.getElementById('red-community');
  const month = document.getElementById('red-month').value;
  if (choose.options.length === 0) return { empty: '暂无可选择的社区。' };
  const list = await getJson('/api/v1/honour-lists/red', { month, communityUnitId: choose.value, size: 20 });
  const lines = list.lines || [];
  if (lines.length === 0) return { empty: monthLabel(month) + '本社区暂无上榜居民。参加志愿服务、反映并解决问题都可获得积分。' };
  return { nodes: [el('ol', { class: 'list red' }, lines.map(line => el('li', {}, el('div', { class: 'row' },
    el('span', { class: 'rank' }, line.rank), el('span', { class: 'name' }, line.holderName),
    el('span', { class: 'score' }, line.points + '分')))))] };
}

function prepareRedList(meetings) {
  const requested = new URLSearchParams(location.search).get('community');
  const seen = new Map();
  if (requested) seen.set(requested, '所选社区');
  for (const meeting of meetings) {
    if (!seen.has(meeting.communityUnitId) || seen.get(meeting.communityUnitId) === '所选社区') {
      seen.set(meeting.communityUnitId, meeting.communityName || '社区 ' + meeting.communityUnitId.slice(0, 8));
    }
  }
  communities = [...seen.entries()];
  const choose = document.getElementById('red-community');
  choose.replaceChildren(...communities.map(([id, name]) => el('option', { value: id }, name)));
  choose.disabled = communities.length === 0;
}

// “1+3+N”议事会: published meetings with each agenda item's decision.
async function meetings() {
  const page = await getJson('/api/v1/meetings/published', { size: 50 });
  const published = page.content || [];
  prepareRedList(published);
  show('red', redList);
  if (published.length === 0) return { empty: '暂无公示的议事会决议。' };
  return { nodes: [el('ul', { class: 'list meetings' }, published.map(meeting => el('li', {},
    el('h3', {}, meeting.title),
    el('div', { class: 'meta' }, [meeting.communityName, dateLabel(meeting.scheduledAt)].filter(Boolean).join(' · ')),
    el('div', { class: 'meta' }, '参会：' + (meeting.attendees || []).map(a => a.partyLabel + (a.name ? '（' + a.name + '）' : '')).join('、')),
    el('ol', { class: 'decisions' }, (meeting.decisions || []).map(item => el('li', {},
      el('span', {}, item.summary), item.decision ? el('span', { class: 'tag decision' }, DECISIONS[item.decision] || item.decision) : null,
      item.resolution ? el('div', { class: 'meta' }, '决议：' + item.resolution) : null))))))] };
}

document.addEventListener('DOMContentLoaded', () => {
  const month = document.getElementById('red-month');
  month.replaceChildren(...[0, 1, 2].map(back => el('option', { value: countyMonth(back) }, monthLabel(countyMonth(back)))));
  month.addEventListener('change', () => show('red', redList));
  document.getElementById('red-community').addEventListener('change', () => show('red', redList));
  show('ranking', rankings);
  show('caution', cautionList);
  show('meetings', meetings).then(() => {
    if (document.getElementById('meetings').dataset.state === 'error') {
      prepareRedList([]);
      show('red', redList);
    }
  });
});
