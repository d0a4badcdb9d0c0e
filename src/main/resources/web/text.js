// Every word of the live page, Korean and English side by side, as in the programs' *Lines classes. app.js picks
// one by the server's --lang. who() and parts() are app.js's: they name a member and list partitions.
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
