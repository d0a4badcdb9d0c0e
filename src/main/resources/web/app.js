// The live page: asks the server's JSON API (/api/...) for the figures once a second and draws them. Plain
// JavaScript, no framework and no build step; every word of the page is in TEXT below, Korean and English side
// by side as in the programs' *Lines classes. (No template literals: Maven's resource filtering would take
// their placeholders for its own.)
'use strict';

var TEXT = {
  ko: {
    title: '카프카 실시간 보기', topics: '토픽', groups: '그룹', topic: '토픽', group: '그룹',
    partition: '파티션', log: '로그 (시작 → 끝)', logStart: '로그 시작', logEnd: '로그 끝', leader: '리더',
    replicas: '복제본', isr: 'ISR', members: '멤버', member: '멤버 ID', clientId: '클라이언트 ID', host: '호스트',
    memberEpoch: '멤버 에포크', assignment: '할당된 파티션', groupPartitions: '파티션별 위치',
    committed: '커밋된 오프셋', lag: '지연', lagBar: '', timeline: '리밸런스 타임라인',
    connected: '브로커 연결됨', down: '브로커 응답 없음', updated: '갱신: ',
    logHint: '파티션마다 로그 하나: 막대는 로그 시작(보존된 가장 오래된 이벤트)부터 로그 끝(다음 이벤트가 받을 오프셋)까지. '
      + '선택한 그룹의 커밋 위치는 세로 선. ISR: 리더와 동기화된 복제본, 빨간색은 뒤처진 복제본.',
    lagHint: '지연 = 로그 끝 - 커밋된 오프셋: 쓰였지만 그룹이 아직 읽지(커밋하지) 않은 이벤트 수. '
      + '커밋이 없는 파티션은 -.',
    timelineHint: '이 페이지의 서버가 1초마다 그룹을 보고 바뀐 것을 적습니다 (최근 것이 위). '
      + '카프카는 리밸런스 기록을 남기지 않습니다.',
    noTopics: '토픽 없음', noGroups: '그룹 없음', noMembers: '멤버 없음', noPartitions: '커밋도 할당도 없음',
    noChanges: '아직 바뀐 것 없음', pickTopic: '왼쪽에서 토픽을 고르세요', pickGroup: '왼쪽에서 그룹을 고르세요',
    partitionsCount: function (n, rf) { return '파티션 ' + n + '개, 복제본 ' + rf + '개'; },
    groupFacts: function (g) {
      return '종류 ' + g.type + ' · 상태 ' + (g.state || '-') + ' · 멤버 ' + g.members.length + '명'
        + (g.coordinator != null ? ' · 코디네이터 브로커 ' + g.coordinator : '')
        + (g.assignor ? ' · 할당 방식 ' + g.assignor : '')
        + (g.group_epoch != null ? ' · 그룹 에포크 ' + g.group_epoch : '')
        + (g.target_assignment_epoch != null ? ' · 목표 할당 에포크 ' + g.target_assignment_epoch : '');
    },
    change: {
      seen: function (c) { return '그룹 발견: 상태 ' + c.to_state + ', 멤버 ' + c.members + '명'; },
      state: function (c) { return '상태 ' + c.from_state + ' → ' + c.to_state; },
      joined: function (c) { return '멤버 참가: ' + who(c) + ' ← ' + parts(c.to); },
      left: function (c) { return '멤버 떠남: ' + who(c) + ' (가졌던 파티션: ' + parts(c.from) + ')'; },
      assignment: function (c) { return '할당 변경: ' + who(c) + ': ' + parts(c.from) + ' → ' + parts(c.to); },
      epoch: function (c) { return '그룹 에포크 ' + c.previous_group_epoch + ' → ' + c.group_epoch; },
      gone: function () { return '그룹 사라짐'; }
    },
    epoch: function (c) {
      return (c.group_epoch != null ? ' · 그룹 에포크 ' + c.group_epoch : '')
        + (c.member_epoch != null ? ' · 멤버 에포크 ' + c.member_epoch : '');
    },
    none: '없음'
  },
  en: {
    title: 'Kafka, live', topics: 'Topics', groups: 'Groups', topic: 'Topic', group: 'Group',
    partition: 'Partition', log: 'Log (start → end)', logStart: 'Log start', logEnd: 'Log end', leader: 'Leader',
    replicas: 'Replicas', isr: 'ISR', members: 'Members', member: 'Member id', clientId: 'Client id', host: 'Host',
    memberEpoch: 'Member epoch', assignment: 'Partitions assigned', groupPartitions: 'Position per partition',
    committed: 'Committed offset', lag: 'Lag', lagBar: '', timeline: 'Rebalance timeline',
    connected: 'broker connected', down: 'broker not answering', updated: 'updated ',
    logHint: 'Each partition is a log: the bar runs from its log start (the oldest event retention kept) to its '
      + 'log end (the offset the next event gets). The selected group\'s committed position is the vertical line. '
      + 'ISR: the replicas in sync with the leader; one in red has fallen behind.',
    lagHint: 'Lag = log end - committed offset: events written that the group has not read (committed) yet. '
      + 'A partition without a commit shows -.',
    timelineHint: 'This page\'s server looks at the groups every second and writes down what changed (newest '
      + 'first). Kafka itself keeps no record of rebalances.',
    noTopics: 'no topics', noGroups: 'no groups', noMembers: 'no members', noPartitions: 'no commits, no assignment',
    noChanges: 'no change seen yet', pickTopic: 'pick a topic on the left', pickGroup: 'pick a group on the left',
    partitionsCount: function (n, rf) { return n + ' partition(s), replication factor ' + rf; },
    groupFacts: function (g) {
      return 'type ' + g.type + ' · state ' + (g.state || '-') + ' · ' + g.members.length + ' member(s)'
        + (g.coordinator != null ? ' · coordinator broker ' + g.coordinator : '')
        + (g.assignor ? ' · assignor ' + g.assignor : '')
        + (g.group_epoch != null ? ' · group epoch ' + g.group_epoch : '')
        + (g.target_assignment_epoch != null ? ' · target assignment epoch ' + g.target_assignment_epoch : '');
    },
    change: {
      seen: function (c) { return 'Group seen: state ' + c.to_state + ', ' + c.members + ' member(s)'; },
      state: function (c) { return 'State ' + c.from_state + ' → ' + c.to_state; },
      joined: function (c) { return 'Member joined: ' + who(c) + ' ← ' + parts(c.to); },
      left: function (c) { return 'Member left: ' + who(c) + ' (had ' + parts(c.from) + ')'; },
      assignment: function (c) { return 'Assignment: ' + who(c) + ': ' + parts(c.from) + ' → ' + parts(c.to); },
      epoch: function (c) { return 'Group epoch ' + c.previous_group_epoch + ' → ' + c.group_epoch; },
      gone: function () { return 'Group gone'; }
    },
    epoch: function (c) {
      return (c.group_epoch != null ? ' · group epoch ' + c.group_epoch : '')
        + (c.member_epoch != null ? ' · member epoch ' + c.member_epoch : '');
    },
    none: 'none'
  }
};

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
