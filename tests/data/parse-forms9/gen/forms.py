# SPDX-License-Identifier: GPL-2.0
# Round 9 of unseen forms: log stores' and APIs' documents.  Passes the
# reports of rounds 5 and 6 (parse-forms7/gen/bases.py: each read right
# there as the kernel prints it, so a miss here is the transport's) through
# the JSON a log store, a log shipper or an API hands out, minified and
# pretty, and writes NN-name.log with its NN-name.expected label (stable
# output):
#     python3 gen/forms.py tests/data/parse-forms9
import copy, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'parse-forms7', 'gen'))
from bases import R5, R6  # noqa: E402

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

BOOT = [
    'Run /sbin/init as init process',
    'EXT4-fs (vda): re-mounted. Quota mode: none.',
    'random: crng init done',
    'systemd[1]: Started Journal Service.',
]
# driver chatter after a report: more hits, so a minified document of one
# report is past 16 KiB as a real answer of a few hundred hits is
TAIL = ['usb 1-1: new high-speed USB device number %d using xhci_hcd' % i
        for i in range(2, 120)]


# PCI enumeration before a report: a console pasted whole from its start
PCI = ['pci 0000:00:%02x.%d: [8086:%04x] type 00 class 0x060000 conventional PCI endpoint'
       % (i // 4, i % 4, 0x2900 + i) for i in range(160)]


def with_pci(b):
    """The report with the PCI enumeration before it (its label as is)."""
    c = copy.copy(b)
    c.lines = PCI + list(b.lines)
    return c


def kts(t):
    return '[%5d.%06d]' % (int(t), round((t - int(t)) * 1e6) % 1000000)


def timed(b, tail=True):
    """(usec since epoch, console line) for the report with boot before
    it and driver chatter after it."""
    t = b.t0 - 0.02
    out = []
    for l in BOOT + b.lines + (TAIL if tail else []):
        t += 0.000013
        p = kts(t)
        if b.caller:
            p += '[%6s]' % b.caller
        out.append((1765101600000000 + int(t * 1e6), p + (' ' + l if l else '')))
    return out


def bare(b, tail=True):
    """The report's lines as the journal keeps them: no kernel prefix."""
    return [(1765101600000000 + i * 13, l)
            for i, l in enumerate(BOOT + b.lines + (TAIL if tail else []))]


def iso(us):
    s = us // 1000000
    return '2025-12-07T%02d:%02d:%02d.%06dZ' % ((s // 3600) % 24,
                                               (s // 60) % 60, s % 60,
                                               us % 1000000)


def write(name, labels, text):
    path = os.path.join(OUT, name)
    with open(path + '.log', 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    with open(path + '.expected', 'w') as f:
        json.dump({"reports": [copy.deepcopy(b.label) for b in labels]},
                  f, indent=1)
        f.write('\n')


def mini(doc):
    return json.dumps(doc, separators=(',', ':'), ensure_ascii=False) + '\n'


def pretty(doc, indent=2):
    return json.dumps(doc, indent=indent, ensure_ascii=False) + '\n'


def es_hits(lines, index='kern-2025.12.07'):
    return [{"_index": index, "_id": "AZ%08x" % i, "_score": None,
             "_source": {"@timestamp": iso(us), "host": {"name": "ci-x86-07"},
                         "log": {"file": {"path": "/var/log/kern.log"}},
                         "message": l},
             "sort": [us // 1000, i]} for i, (us, l) in enumerate(lines)]


def es(lines):
    return {"took": 41, "timed_out": False,
            "_shards": {"total": 1, "successful": 1, "skipped": 0,
                        "failed": 0},
            "hits": {"total": {"value": len(lines), "relation": "eq"},
                     "max_score": None, "hits": es_hits(lines)}}


def loki(lines):
    return {"status": "success",
            "data": {"resultType": "streams",
                     "result": [{"stream": {"job": "kmsg", "host": "ci-arm-3"},
                                 "values": [[str(us * 1000), l]
                                            for us, l in lines]}],
                     "stats": {"summary": {"bytesProcessedPerSecond": 118811,
                                           "execTime": 0.0134}}}}


F = []


def form(fn):
    F.append(fn)
    return fn


# 01 Elasticsearch _search response as the API returns it: one line
@form
def f01():
    b = R5['A']
    write('01-es-search-minified', [b], mini(es(timed(b))))


# 02 the same response with ?pretty (2 blanks, " : " as ES prints it)
@form
def f02():
    b = R6['A']
    write('02-es-search-pretty', [b],
          pretty(es(timed(b))).replace('": ', '" : '))


# 03 OpenSearch scroll hits as jq -c '.hits.hits[]' writes them
@form
def f03():
    b = R5['B']
    write('03-opensearch-hits-ndjson', [b],
          ''.join(mini(h) for h in es_hits(timed(b), 'logs-kernel')))


# 04 Loki query_range, minified
@form
def f04():
    b = R5['C']
    write('04-loki-query-range-minified', [b], mini(loki(timed(b))))


# 05 Loki query_range through jq .
@form
def f05():
    b = R6['B']
    write('05-loki-query-range-pretty', [b], pretty(loki(timed(b))))


# 06 Graylog GELF messages as a UDP dump writes them, one per line
@form
def f06():
    b = R5['D']
    out = ''
    for us, l in timed(b):
        out += mini({"version": "1.1", "host": "ci-x86-12",
                     "short_message": l, "timestamp": us / 1e6, "level": 4,
                     "_facility": "kern"})
    write('06-graylog-gelf-short-message', [b], out)


# 07 Graylog search API: messages[].message with full_message
@form
def f07():
    b = R5['E']
    msgs = [{"highlight_ranges": {}, "index": "graylog_12",
             "message": {"source": "ci-x86-12", "full_message": l,
                         "timestamp": iso(us), "_id": "a%07d" % i,
                         "facility": "kernel", "level": 4}}
            for i, (us, l) in enumerate(timed(b))]
    write('07-graylog-search-full-message', [b],
          pretty({"query": "facility:kernel", "total_results": len(msgs),
                  "messages": msgs}))


# 08 Datadog logs API v2 list, minified
@form
def f08():
    b = R5['F']
    data = [{"id": "AQAAAZ%010d" % i, "type": "log",
             "attributes": {"service": "kernel", "host": "ci-arm-3",
                            "message": l, "status": "warn",
                            "timestamp": iso(us),
                            "tags": ["source:kernel", "env:ci"]}}
            for i, (us, l) in enumerate(bare(b))]
    write('08-datadog-logs-api-minified', [b],
          mini({"data": data, "meta": {"page": {"after": "eyJhZnRlciI6"}},
                "links": {}}))


# 09 New Relic NerdGraph NRQL results, pretty
@form
def f09():
    b = R5['G']
    ev = [{"hostname": "ci-riscv-1", "message": l, "timestamp": us // 1000,
           "logtype": "kern"} for us, l in timed(b)]
    write('09-newrelic-nrql-results', [b],
          pretty({"data": {"actor": {"account": {"nrql": {"results": ev}}}}}))


# 10 aws logs filter-log-events (the CLI's default JSON, 4 blanks)
@form
def f10():
    b = R5['I']
    ev = [{"logStreamName": "i-0a1b2c3d4e5f/kern", "timestamp": us // 1000,
           "message": l, "ingestionTime": us // 1000 + 412,
           "eventId": "3790%032d" % i}
          for i, (us, l) in enumerate(timed(b))]
    write('10-cloudwatch-filter-log-events', [b],
          pretty({"events": ev, "searchedLogStreams": []}, 4))


# 11 aws logs get-log-events, jq -c
@form
def f11():
    b = R5['J']
    ev = [{"timestamp": us // 1000, "message": l,
           "ingestionTime": us // 1000 + 90} for us, l in timed(b)]
    write('11-cloudwatch-get-log-events-compact', [b],
          mini({"events": ev, "nextForwardToken": "f/3790",
                "nextBackwardToken": "b/3790"}))


# 12 gcloud logging read --format=json: textPayload
@form
def f12():
    b = R5['K']
    ent = [{"insertId": "1x%08d" % i, "logName":
            "projects/ci/logs/serialconsole.googleapis.com%2Fserial_port_1_output",
            "receiveTimestamp": iso(us),
            "resource": {"labels": {"instance_id": "81234"},
                         "type": "gce_instance"},
            "textPayload": l, "timestamp": iso(us)}
           for i, (us, l) in enumerate(timed(b))]
    write('12-gcp-logging-textpayload', [b], pretty(ent))


# 13 GCP Logging entries with jsonPayload.message, minified
@form
def f13():
    b = R5['L']
    ent = [{"insertId": "j%06d" % i,
            "jsonPayload": {"message": l, "_HOSTNAME": "gke-node-7",
                            "PRIORITY": "4"},
            "severity": "WARNING", "timestamp": iso(us)}
           for i, (us, l) in enumerate(bare(b))]
    write('13-gcp-logging-jsonpayload-minified', [b], mini(ent))


# 14 Azure Monitor: az monitor log-analytics query on Syslog
@form
def f14():
    b = R5['M']
    rows = [{"Computer": "ci-az-2", "Facility": "kern",
             "SeverityLevel": "warning", "SyslogMessage": l,
             "TableName": "PrimaryResult", "TimeGenerated": iso(us)}
            for us, l in timed(b)]
    write('14-azure-monitor-syslog-rows', [b], pretty(rows))


# 15 Vector console sink, json encoding, from its journald source
@form
def f15():
    b = R5['N']
    out = ''
    for us, l in bare(b):
        out += mini({"PRIORITY": "4", "SYSLOG_FACILITY": "0",
                     "SYSLOG_IDENTIFIER": "kernel", "_TRANSPORT": "kernel",
                     "host": "ci-x86-3", "message": l,
                     "source_type": "journald", "timestamp": iso(us)})
    write('15-vector-journald-json', [b], out)


# 16 Logstash stdout { codec => rubydebug }
@form
def f16():
    b = R5['O']
    out = ''
    for us, l in timed(b):
        out += '{\n'
        out += '          "host" => "ci-ppc-1",\n'
        out += '    "@timestamp" => %s,\n' % iso(us)
        out += '       "message" => %s,\n' % json.dumps(l)
        out += '      "@version" => "1",\n'
        out += '          "type" => "kern"\n'
        out += '}\n'
    write('16-logstash-rubydebug', [b], out)


# 17 OpenTelemetry OTLP/JSON export (the collector's file exporter)
@form
def f17():
    b = R5['P']
    recs = [{"timeUnixNano": str(us * 1000), "severityNumber": 13,
             "severityText": "WARN", "body": {"stringValue": l},
             "attributes": [{"key": "log.file.name",
                             "value": {"stringValue": "kmsg"}}]}
            for us, l in timed(b)]
    doc = {"resourceLogs": [{"resource": {"attributes": [
        {"key": "host.name", "value": {"stringValue": "ci-x86-9"}}]},
        "scopeLogs": [{"scope": {}, "logRecords": recs}]}]}
    write('17-otlp-json-logs-body', [b], mini(doc))


# 18 kubectl get events -o json: node-problem-detector's KernelOops
@form
def f18():
    b = R6['C']
    msg = '\n'.join(l for _, l in bare(b, False))
    items = [
        {"apiVersion": "v1", "kind": "Event", "count": 1,
         "involvedObject": {"kind": "Node", "name": "gke-pool-1-a"},
         "message": "Node gke-pool-1-a status is now: NodeReady",
         "reason": "NodeReady", "type": "Normal"},
        {"apiVersion": "v1", "kind": "Event", "count": 1,
         "involvedObject": {"kind": "Node", "name": "gke-pool-1-a"},
         "message": "kernel: " + msg, "reason": "KernelOops",
         "source": {"component": "kernel-monitor"}, "type": "Warning"}]
    write('18-kubectl-events-kerneloops', [b],
          pretty({"apiVersion": "v1", "items": items, "kind": "List",
                  "metadata": {"resourceVersion": ""}}, 4))


# 19 GitHub REST issue comments, minified: the log in a comment's body
@form
def f19():
    b = with_pci(R6['D'])
    log = '\r\n'.join(l for _, l in timed(b))
    com = [{"id": 2501000000 + i, "user": {"login": u},
            "body": t, "created_at": "2025-12-07T10:%02d:00Z" % i,
            "author_association": "NONE"}
           for i, (u, t) in enumerate([
               ("jdoe", "Seen on our CI too, since 6.16-rc3."),
               ("ci-bot", "Full dmesg of run 88121:\r\n\r\n```\r\n" + log +
                "\r\n```\r\n"),
               ("maint", "Thanks, looking.")])]
    write('19-github-issue-comments-api', [b], mini(com))


# 20 Sentry event JSON: the kernel lines as breadcrumbs
@form
def f20():
    b = R6['E']
    crumbs = [{"timestamp": us / 1e6, "category": "kmsg", "level": "warning",
               "message": l, "type": "default"} for us, l in timed(b)]
    ev = {"event_id": "9fa1c2d3e4f5061728394a5b6c7d8e9f",
          "platform": "native", "level": "error",
          "message": "kernel lockdep splat on ci-x86-4",
          "breadcrumbs": {"values": crumbs},
          "tags": [["host", "ci-x86-4"]]}
    write('20-sentry-event-breadcrumbs', [b], pretty(ev))


# 21 KernelCI API node: the log excerpt in its data, minified
@form
def f21():
    b = R6['F']
    node = {"id": "6754a1b2c3d4e5f607182930", "kind": "test",
            "name": "baseline.dmesg.warn", "result": "fail",
            "data": {"kernel_revision": {"tree": "mainline",
                                         "branch": "master"},
                     "arch": "x86_64", "platform": "qemu-x86",
                     "log_excerpt": '\n'.join(l for _, l in timed(b)) + '\n'},
            "artifacts": {"lava_log": "https://storage.example/lava_log.txt"}}
    write('21-kernelci-api-node-excerpt', [b], mini(node))


# 22 Loki logcli --output=jsonl
@form
def f22():
    b = R6['G']
    out = ''
    for us, l in timed(b):
        out += mini({"labels": {"job": "kmsg", "host": "ci-arm-1"},
                     "line": l, "timestamp": iso(us)})
    write('22-logcli-jsonl-line', [b], out)


# 23 an Elasticsearch hit whose message is a journald -o json record
@form
def f23():
    b = R6['I']
    hits = []
    for i, (us, l) in enumerate(bare(b)):
        rec = json.dumps({"__REALTIME_TIMESTAMP": str(us),
                          "_TRANSPORT": "kernel", "PRIORITY": "4",
                          "SYSLOG_IDENTIFIER": "kernel", "MESSAGE": l})
        hits.append({"_index": "journal", "_id": "j%06d" % i,
                     "_source": {"message": rec, "agent": "filebeat"}})
    write('23-es-hits-journald-json-message', [b],
          mini({"hits": {"hits": hits}}))


# 24 Filebeat's file output: NDJSON with log as an object
@form
def f24():
    b = R6['J']
    out = ''
    for i, (us, l) in enumerate(timed(b)):
        out += mini({"@timestamp": iso(us), "@metadata": {"beat": "filebeat"},
                     "log": {"offset": i * 96,
                             "file": {"path": "/var/log/kern.log"}},
                     "message": l, "input": {"type": "filestream"}})
    write('24-filebeat-file-output', [b], out)


# 25 a JSON array of console lines (a test framework's result "log")
@form
def f25():
    b = with_pci(R6['K'])
    doc = {"test": "ltp.fs_fill", "status": "FAIL",
           "log": [l for _, l in timed(b)]}
    write('25-json-array-of-lines', [b], mini(doc))


# 26 near miss: an Elasticsearch query searching for the header
@form
def f26():
    q = {"query": {"bool": {"must": [
        {"match_phrase": {"message":
                          "WARNING: possible circular locking dependency detected"}},
        {"range": {"@timestamp": {"gte": "now-7d"}}}]}},
        "aggs": {"hosts": {"terms": {"field": "host.name"}}}}
    write('26-nm-es-query-for-header', [], pretty(q))


# 27 near miss: a Loki alert rule matching lockdep's headers
@form
def f27():
    rule = {"groups": [{"name": "kernel", "rules": [
        {"alert": "LockdepSplat",
         "expr": 'count_over_time({job="kmsg"} |= "possible circular locking '
                 'dependency detected" [5m]) > 0',
         "annotations": {"summary":
                         "WARNING: possible recursive locking detected on {{ $labels.host }}",
                         "description": "check dmesg for \"is trying to acquire lock:\""}}]}]}
    write('27-nm-loki-alert-rule', [], mini(rule))


# 28 near miss: a Sentry issues list whose titles name lockdep reports
@form
def f28():
    issues = [{"id": str(4100 + i), "title": t, "culprit": c,
               "count": str(3 + i), "status": "unresolved"}
              for i, (t, c) in enumerate([
                  ("WARNING: possible circular locking dependency detected",
                   "snd_ctl_remove_id"),
                  ("WARNING: inconsistent lock state", "ath9k_tasklet"),
                  ("INFO: task kworker/u16:4:2291 blocked for more than 122 seconds.",
                   "rwsem_down_read_slowpath")])]
    write('28-nm-sentry-issue-titles', [], pretty(issues))


# 29 near miss: a Datadog monitor whose message quotes a lock line
@form
def f29():
    mon = {"id": 881234, "name": "lockdep splat on CI",
           "type": "log alert",
           "query": 'logs("source:kernel \\"possible circular locking\\"").index("*").rollup("count").last("5m") > 0',
           "message": "A lockdep splat, e.g.\n\n======================================================\nWARNING: possible circular locking dependency detected\n------------------------------------------------------\nsee the runbook. @slack-kernel-ci",
           "tags": ["team:kernel"], "options": {"notify_no_data": False}}
    write('29-nm-datadog-monitor', [], pretty(mon))


for f in F:
    f()
