// The live page: asks the server's JSON API (/api/...) for the figures once a second and draws them. Plain
// JavaScript, no framework and no build step; the page's words are in text.js. (No template literals: Maven's
// resource filtering would take their placeholders for its own.)
'use strict';

var T = TEXT.ko;
var state = { topic: null, group: null, refreshMs: 1000, lastGroup: null };

function $(id) { return document.getElementById(id); }

function el(tag, className, text) {
  var e = document.createElement(tag);
  if (className) { e.className = className; }
  if (text != null) { e.textContent = String(text); }
  return e;
}

function dash(n) { return n == null ? '-' : String(n); }

function two(n) { return (n < 10 ? '0' : '') + n; }

// 14:05:09: the same in both languages, whatever the browser's own locale.
function clock(ms) {
  var d = new Date(ms);
  return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
}

// A classic member id is its client id and a UUID, a consumer-protocol one a UUID alone: the end tells them apart.
function shortId(id) { return id && id.length > 12 ? '…' + id.slice(-8) : (id || '-'); }

function who(c) { return (c.client_id || '?') + ' (' + shortId(c.member_id) + ')'; }

function parts(list) { return list && list.length ? list.join(', ') : T.none; }

// One API request: its JSON, or an error carrying the HTTP status and the server's reason.
function api(path) {
  return fetch(path, { cache: 'no-store' }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (!response.ok) {
        var error = new Error(body.reason || ('HTTP ' + response.status));
        error.status = response.status;
        throw error;
      }
      return body;
    });
  }, function (networkError) {
    var error = new Error(String(networkError));
    error.status = 0; // the page's own server is gone
    throw error;
  });
}

function select(kind, name) {
  state[kind] = name;
  var params = new URLSearchParams(window.location.search);
  params.set(kind, name);
  window.history.replaceState(null, '', '?' + params.toString());
  tick(true);
}

function renderPicks(listId, items, nameOf, labelOf, selected, kind, empty) {
  var list = $(listId);
  list.replaceChildren();
  if (!items.length) {
    list.appendChild(el('li', 'muted', empty));
  }
  items.forEach(function (item) {
    var li = el('li', nameOf(item) === selected ? 'selected' : '');
    var a = el('a', null, nameOf(item));
    a.href = '#';
    a.dataset.name = nameOf(item);
    a.addEventListener('click', function (event) { event.preventDefault(); select(kind, nameOf(item)); });
    li.appendChild(a);
    li.appendChild(el('span', 'muted small', ' ' + labelOf(item)));
    list.appendChild(li);
  });
}

// The selected group's committed offsets, by "topic/partition", for the markers on the topic's logs.
function committedOn(topic) {
  var marks = {};
  if (state.lastGroup) {
    state.lastGroup.partitions.forEach(function (p) {
      if (p.topic === topic && p.committed_offset != null) { marks[p.partition] = p.committed_offset; }
    });
  }
  return marks;
}

function renderTopic(topic) {
  $('topic-name').textContent = topic.topic;
  $('topic-missing').hidden = true;
  $('topic-facts').textContent = T.partitionsCount(topic.partitions.length, topic.replication_factor);
  var widest = 1;
  topic.partitions.forEach(function (p) { widest = Math.max(widest, p.log_end_offset || 0); });
  var marks = committedOn(topic.topic);
  var body = $('partitions').tBodies[0];
  body.replaceChildren();
  topic.partitions.forEach(function (p) {
    var tr = el('tr');
    tr.dataset.partition = p.partition;
    tr.appendChild(el('td', 'num', p.partition));
    var log = el('div', 'log');
    var kept = el('div', 'kept');
    var start = p.log_start_offset || 0;
    var end = p.log_end_offset || 0;
    kept.style.left = (100 * start / widest) + '%';
    kept.style.width = (100 * (end - start) / widest) + '%';
    log.appendChild(kept);
    if (marks[p.partition] != null) {
      var mark = el('div', 'mark');
      mark.style.left = Math.min(100, 100 * marks[p.partition] / widest) + '%';
      mark.title = T.committed + ' ' + marks[p.partition];
      log.appendChild(mark);
    }
    var cell = el('td', 'log-cell');
    cell.appendChild(log);
    tr.appendChild(cell);
    [['log_start_offset', p.log_start_offset], ['log_end_offset', p.log_end_offset], ['leader', p.leader]]
      .forEach(function (f) {
        var td = el('td', 'num', dash(f[1]));
        td.dataset.field = f[0];
        tr.appendChild(td);
      });
    var replicas = el('td', 'replicas');
    replicas.dataset.field = 'replicas';
    p.replicas.forEach(function (id) {
      replicas.appendChild(el('span', p.isr.indexOf(id) < 0 ? 'broker out' : (id === p.leader ? 'broker lead' : 'broker'), id));
    });
    tr.appendChild(replicas);
    var isr = el('td', null, p.isr.join(', '));
    isr.dataset.field = 'isr';
    tr.appendChild(isr);
    body.appendChild(tr);
  });
}

function renderGroup(group) {
  state.lastGroup = group;
  $('group-name').textContent = group.group;
  $('group-missing').hidden = true;
  $('group-facts').textContent = T.groupFacts(group);
  var members = $('members').tBodies[0];
  members.replaceChildren();
  if (!group.members.length) {
    var none = el('tr');
    none.appendChild(el('td', 'muted', T.noMembers)).colSpan = 5;
    members.appendChild(none);
  }
  group.members.forEach(function (m) {
    var tr = el('tr');
    var id = el('td', 'mono', shortId(m.member_id));
    id.title = m.member_id;
    tr.appendChild(id);
    tr.appendChild(el('td', null, m.client_id));
    tr.appendChild(el('td', null, m.host));
    tr.appendChild(el('td', 'num', dash(m.member_epoch)));
    tr.appendChild(el('td', null, parts(m.assignment.map(function (a) { return a.topic + '-' + a.partition; }))));
    members.appendChild(tr);
  });
  var widest = 1;
  group.partitions.forEach(function (p) { widest = Math.max(widest, p.lag || 0); });
  var partitions = $('group-partitions').tBodies[0];
  partitions.replaceChildren();
  if (!group.partitions.length) {
    var nothing = el('tr');
    nothing.appendChild(el('td', 'muted', T.noPartitions)).colSpan = 7;
    partitions.appendChild(nothing);
  }
  group.partitions.forEach(function (p) {
    var tr = el('tr');
    tr.dataset.topic = p.topic;
    tr.dataset.partition = p.partition;
    tr.appendChild(el('td', null, p.topic));
    tr.appendChild(el('td', 'num', p.partition));
    [['committed_offset', p.committed_offset], ['log_end_offset', p.log_end_offset], ['lag', p.lag]]
      .forEach(function (f) {
        var td = el('td', 'num', dash(f[1]));
        td.dataset.field = f[0];
        tr.appendChild(td);
      });
    var barCell = el('td', 'lag-cell');
    var bar = el('div', 'lag-bar');
    bar.style.width = (100 * (p.lag || 0) / widest) + '%';
    barCell.appendChild(bar);
    tr.appendChild(barCell);
    tr.appendChild(el('td', null, p.client_id || '-'));
    partitions.appendChild(tr);
  });
  var timeline = $('timeline');
  timeline.replaceChildren();
  if (!group.timeline.length) {
    timeline.appendChild(el('li', 'muted', T.noChanges));
  }
  group.timeline.forEach(function (c) {
    var li = el('li', 'change ' + c.kind);
    li.appendChild(el('time', 'muted', clock(c.time_ms)));
    var say = T.change[c.kind];
    li.appendChild(el('span', null, ' ' + (say ? say(c) : c.kind) + (c.kind === 'epoch' ? '' : T.epoch(c))));
    timeline.appendChild(li);
  });
}

function missing(kind, error) {
  $(kind + '-missing').textContent = error.message;
  $(kind + '-missing').hidden = false;
  if (kind === 'group') {
    state.lastGroup = null;
    ['members', 'group-partitions'].forEach(function (id) { $(id).tBodies[0].replaceChildren(); });
    $('timeline').replaceChildren();
    $('group-facts').textContent = '';
  } else {
    $('partitions').tBodies[0].replaceChildren();
    $('topic-facts').textContent = '';
  }
}

// The broker's state: answered, or the reason it did not (the API's 503 says which broker and how long).
function brokerState(failure) {
  var status = $('status');
  var banner = $('banner');
  document.body.classList.toggle('stale', !!failure);
  if (failure) {
    status.textContent = T.down;
    status.className = 'status down';
    banner.textContent = failure.message;
    banner.hidden = false;
  } else {
    status.textContent = T.connected;
    status.className = 'status up';
    banner.hidden = true;
    $('updated').textContent = T.updated + clock(Date.now());
  }
}

var pending = false;
var timer = null;

// One refresh: the lists, the selected topic and the selected group, asked at once. The next one starts a
// refresh period after this one has finished, so a slow broker never gets a pile of requests.
function tick(now) {
  if (pending) { return; }
  if (timer) { clearTimeout(timer); timer = null; }
  pending = true;
  var asks = [api('/api/topics'), api('/api/groups'),
    state.topic ? api('/api/topics/' + encodeURIComponent(state.topic)) : Promise.resolve(null),
    state.group ? api('/api/groups/' + encodeURIComponent(state.group)) : Promise.resolve(null)];
  Promise.allSettled(asks).then(function (results) {
    var down = results.find(function (r) { return r.status === 'rejected' && r.reason.status !== 404; });
    brokerState(down ? down.reason : null);
    if (down) { return; } // keep the last figures on screen, greyed
    var groups = results[1].value.groups;
    if (!state.group && groups.length) { state.group = groups[0].group; }
    renderPicks('topic-list', results[0].value.topics, function (t) { return t.name; },
      function (t) { return '(' + t.partitions + ')'; }, state.topic, 'topic', T.noTopics);
    renderPicks('group-list', groups, function (g) { return g.group; },
      function (g) { return g.type + ' · ' + (g.state || '-'); }, state.group, 'group', T.noGroups);
    // The group first: the topic's logs mark its committed offsets.
    if (results[3].status === 'fulfilled' && results[3].value) { renderGroup(results[3].value); }
    else if (results[3].status === 'rejected') { missing('group', results[3].reason); }
    else { $('group-missing').textContent = T.pickGroup; $('group-missing').hidden = false; }
    if (results[2].status === 'fulfilled' && results[2].value) { renderTopic(results[2].value); }
    else if (results[2].status === 'rejected') { missing('topic', results[2].reason); }
    else { $('topic-missing').textContent = T.pickTopic; $('topic-missing').hidden = false; }
  }).finally(function () {
    pending = false;
    timer = setTimeout(tick, state.refreshMs);
  });
  return now;
}

function start(page) {
  T = TEXT[page.lang] || TEXT.en;
  document.documentElement.lang = page.lang;
  document.title = T.title;
  $('title').textContent = T.title;
  $('broker').textContent = page.bootstrap_servers;
  document.querySelectorAll('[data-text]').forEach(function (e) { e.textContent = T[e.dataset.text]; });
  var params = new URLSearchParams(window.location.search);
  state.topic = params.get('topic') || page.topic;
  state.group = params.get('group');
  state.refreshMs = page.refresh_ms;
  tick(true);
}

// The page's settings first (language, the topic to open on); until the server answers, try again each second.
function begin() {
  api('/api/page').then(start, function () { setTimeout(begin, 1000); });
}

document.addEventListener('DOMContentLoaded', begin);
