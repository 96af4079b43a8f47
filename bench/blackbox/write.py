#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/write.py BASE TRIAGER_TOKEN CI_TOKEN: every write route
# (signature PATCH and merge, regressions, subscriptions, unsubscribe) with
# malformed, truncated, huge and deeply nested JSON, wrong types, wrong
# Content-Types, and missing, unknown, wrong-role and huge tokens.  Prints
# each 5xx, each answer over 3 s and each dropped connection.
import http.client, json, sys, urllib.parse, time
base = urllib.parse.urlparse(sys.argv[1]); TR = sys.argv[2]; CI = sys.argv[3]
def req(method, path, body=b"", ctype="application/json", tok=TR, extra=None):
    c = http.client.HTTPConnection(base.hostname, base.port, timeout=15)
    h = {}
    if ctype: h["Content-Type"] = ctype
    if tok: h["Authorization"] = "Bearer " + tok
    if extra: h.update(extra)
    if isinstance(body, str): body = body.encode()
    try:
        t=time.time()
        c.request(method, path, body=body, headers=h)
        r = c.getresponse(); d = r.read()
        dt=time.time()-t
        if r.status >= 500 or dt > 3:
            print("BAD", r.status, "%.1fs"%dt, method, path, repr(body[:120]), d[:300])
        return r.status, d
    except Exception as e:
        print("EXC", method, path, repr(body[:120]), e)
        return None, None
bodies = ['', '{', '}', '[]', 'null', '1', '"x"', '{}', '{"status":1}', '{"status":null}', '{"status":"zzz"}',
 '{"status":"triaged"}', '{"note":"' + 'A'*70000 + '"}', '{"note":"' + 'A'*60000 + '"}', '{"note":null}', '{"note":"\\u0000x"}', '{"note":"\\ud800"}',
 '{"status":"new","status":"known"}', '{"note":' + '['*20000 + ']'*20000 + '}', '['*100000, '{"a":' * 5000 + '1' + '}'*5000,
 '{"into":1}', '{"into":-1}', '{"into":99999999999999999999}', '{"into":"2"}', '{"into":2.0}', '{"into":1e400}', '{"into":null}', '{"into":2}', '{"into":3}',
 '{"title":"x","signatures":[1]}', '{"title":"x","signatures":[]}', '{"title":"","signatures":[1]}', '{"title":"x","signatures":[null,1]}', '{"title":"x","signatures":["zz"]}',
 '{"title":"x","signatures":[1],"links":[null]}', '{"title":"x","signatures":[1],"links":[1,2]}', '{"title":"x","signatures":[1],"links":["javascript:alert(1)"]}', '{"title":"x","signatures":[1],"links":["http://a/' + 'b'*10000 + '"]}',
 '{"title":"x","signatures":[1],"links":' + json.dumps(["http://x/%d"%i for i in range(5000)]) + '}', '{"title":"x","signatures":' + json.dumps(list(range(1,5000))) + '}',
 '{"title":"x","signatures":[1],"introduced":"zz"}', '{"title":"x","signatures":[1],"introduced":"deadbeef..cafebabe"}', '{"title":"x","signatures":[1],"introduced":".."}', '{"title":"x","signatures":[1],"introduced":"deadbeef.."}',
 '{"status":"fixed","reason":"x"}', '{"status":"fixed","reason":1}', '{"status":1,"reason":"x"}', '{"reason":"x"}', '{"duplicate_of":1}', '{"duplicate_of":-5}', '{"duplicate_of":2}', '{"signatures":[]}', '{"signatures":[2,2,2]}', '{"title":"\\u0000"}', '{"title":"a\\r\\nBcc: x@y"}', '{"title":"<script>&"}',
 '{"email":"a@b.c","what":"all"}', '{"email":"a@b.c","what":"all","value":""}', '{"email":"a@b.c","what":"section","value":"' + 'X'*100000 + '"}', '{"email":"a@b.c","what":"signature","value":"1"}', '{"email":"a@b.c","what":"signature","value":1}', '{"email":"a@b.c","what":"signature","value":"-1"}',
 '{"email":"a@b.c","what":"signature","value":"99999999999999999999999"}', '{"email":"a@b.c","what":"kind","value":"zzz"}', '{"email":"a@b.c","what":"tree","value":"\\r\\n"}', '{"email":"a@b.c","what":"tree","value":"x\\u0001"}', '{"email":"'+ 'a'*1000 + '@b.c","what":"all"}', '{"email":"a@b.c,d@e.f","what":"all"}', '{"email":"\\"a b\\"@b.c","what":"all"}', '{"email":"a@b.c","what":"all","period":"hourly"}', '{"email":"a@b.c","what":"all","period":null}', '{"email":"<a@b.c>","what":"all"}', '{"email":"a@[127.0.0.1]","what":"all"}', '{"email":"a@b.c","what":"section","value":"%s"}',
 '\xff\xfe', '{"note":"\xff"}', '{"status":"triaged"}garbage', '{"status":"triaged"} ', '{"status":"triaged"}\n{"status":"new"}', '{"status":"tri\\u0061ged"}']
paths = [("PATCH","/api/v1/signatures/1"),("PATCH","/api/v1/signatures/0"),("PATCH","/api/v1/signatures/-1"),("PATCH","/api/v1/signatures/99999999999999999999"),("PATCH","/api/v1/signatures/abc"),
 ("POST","/api/v1/signatures/1/merge"),("POST","/api/v1/signatures/5/merge"),("POST","/api/v1/regressions"),("PATCH","/api/v1/regressions/1"),("PATCH","/api/v1/regressions/2"),("PATCH","/api/v1/regressions/0"),("PATCH","/api/v1/regressions/x"),
 ("POST","/api/v1/subscriptions"),("DELETE","/api/v1/subscriptions/1"),("DELETE","/api/v1/subscriptions/-1"),("DELETE","/api/v1/subscriptions/99999999999999999999"),("POST","/unsubscribe")]
for m,p in paths:
    for b in bodies:
        for ct in ["application/json", None, "text/plain", "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]:
            req(m,p,b,ct)
    for tok in [None, "", "zzz", "splatd_" + "0"*40, CI, "x"*10000]:
        req(m,p,'{"status":"known"}',tok=tok)
print("done write.py")
