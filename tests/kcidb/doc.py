#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# doc.py SEED LOG_URL [MAJOR]: a KernelCI-shaped KCIDB document on stdout,
# as KernelCI's maestro submits one (kernelci-pipeline's send_kcidb): one
# checkout, one build, and four tests: the seed splat in log_excerpt, a
# log_url, a clean boot (a log without splats), a test without a log.
import json
import sys

seed, url = sys.argv[1], sys.argv[2]
major = int(sys.argv[3]) if len(sys.argv) > 3 else 5
o = "maestro"
checkout = {
    "id": "maestro:67a1b2c3d4e5f6a7b8c9d0e1",
    "origin": o,
    "tree_name": "mainline",
    "git_repository_url":
        "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
    "git_repository_branch": "master",
    "git_commit_hash": "4fe89d07dcc2804c8b562f6c7896a45643d34b2f",
    "git_commit_name": "v6.1-rc1-12-g4fe89d07dcc2",
    "start_time": "2026-11-30T10:00:00.000000+00:00",
    "valid": True,
}
build = {
    "id": "maestro:67a1b2c3d4e5f6a7b8c9d0e2",
    "origin": o,
    "checkout_id": checkout["id"],
    "architecture": "x86_64",
    "config_name": "x86_64_defconfig+lab-setup+kselftest",
    "compiler": "gcc-12",
    "start_time": "2026-11-30T10:05:00.000000+00:00",
}
if major == 5:
    build["status"] = "PASS"
else:
    build["valid"] = True
env = lambda platform: {
    "comment": "Runtime: lava-collabora",
    "misc": {"platform": platform, "job_id": "12345"},
}
tests = [
    {"id": "maestro:67a1b2c3d4e5f6a7b8c9d0f1", "origin": o,
     "build_id": build["id"], "path": "kselftest.cpu-hotplug",
     "status": "FAIL", "start_time": "2026-11-30T11:00:00.000000+00:00",
     "environment": env("shard-glk1"),
     "log_excerpt": open(seed, encoding="utf-8").read()},
    {"id": "maestro:67a1b2c3d4e5f6a7b8c9d0f2", "origin": o,
     "build_id": build["id"], "path": "baseline.dmesg",
     "status": "FAIL", "start_time": "2026-11-30T11:10:00.000000+00:00",
     "environment": {"comment": "Runtime: lava-baylibre",
                     "compatible": ["hp,x360-12b-ca0010nr", "intel,glk"]},
     "log_url": url},
    {"id": "maestro:67a1b2c3d4e5f6a7b8c9d0f3", "origin": o,
     "build_id": build["id"], "path": "baseline.login",
     "status": "PASS", "start_time": "2026-11-30T11:20:00.000000+00:00",
     "environment": env("qemu-x86"),
     "log_excerpt": "[    0.000000] Linux version 6.1.0-rc1\n"
                    "[    2.000000] Run /sbin/init as init process\n"},
    {"id": "maestro:67a1b2c3d4e5f6a7b8c9d0f4", "origin": o,
     "build_id": build["id"], "path": "baseline.login",
     "status": "PASS", "environment": env("rk3399-gru-kevin")},
]
if major == 4:
    for t in tests:
        t["waived"] = False
doc = {"version": {"major": major, "minor": 3 if major == 5 else 1},
       "checkouts": [checkout], "builds": [build], "tests": tests}
json.dump(doc, sys.stdout, indent=1)
