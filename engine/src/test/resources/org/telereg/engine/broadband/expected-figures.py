#!/usr/bin/env python3
"""Independent figures for BroadbandRealFileTests, computed with the Python standard library only.

Run from the repository root:  python3 engine/src/test/resources/org/telereg/engine/broadband/expected-figures.py
It reads ../shared/data/broadband and prints the numbers the tests assert. It applies the default plausibility
limits of docs/broadband-measurement.md in the same order as the engine (non-positive download, non-positive
upload, technology ceiling, latency outside (0, 5000] ms, loss outside 0..1) and numpy's default quantile
(linear interpolation between closest ranks), written out by hand below.
"""
import csv, json, os, sys
from collections import defaultdict

DATA = os.path.join(os.path.dirname(__file__), *[".."] * 8, "..", "shared", "data", "broadband")
if len(sys.argv) > 1:
    DATA = sys.argv[1]
CEILING = {"FIBRE": 10000, "VDSL": 400, "DSL": 30, "CABLE": 10000, "UNKNOWN": 10000}


def quantile(values, p):
    xs = sorted(values)
    rank = p * (len(xs) - 1)
    below = int(rank)
    above = min(below + 1, len(xs) - 1)
    return xs[below] + (rank - below) * (xs[above] - xs[below])


def num(text):
    return float("nan") if text in ("", "NA", "#NULL!") else float(text)


def reason(down, up, tech, latency, loss):
    if down <= 0:
        return "NON_POSITIVE_THROUGHPUT"
    if up <= 0:
        return "NON_POSITIVE_THROUGHPUT"
    if down > CEILING[tech]:
        return "ABOVE_TECHNOLOGY_CEILING"
    if latency <= 0 or latency > 5000:
        return "LATENCY_OUT_OF_RANGE"
    if loss < 0 or loss > 1:
        return "LOSS_OUT_OF_RANGE"
    return None


def summary(name, rows):
    downs = [r["down"] for r in rows]
    busy = [r["busy"] for r in rows if r["busy"] == r["busy"]]
    plan = [r for r in rows if r["plan"] == r["plan"] and r["plan"] > 0]
    under = sum(1 for r in plan if r["down"] < r["plan"])
    print(f"  {name}: count {len(downs)} mean {sum(downs)/len(downs):.6f} median {quantile(downs, .5):.6f}"
          f" p10 {quantile(downs, .1):.6f} p90 {quantile(downs, .9):.6f} busy {len(busy)}"
          f" busyMean {sum(busy)/len(busy) if busy else float('nan'):.6f}"
          f" plan {len(plan)} under {under/len(plan) if plan else float('nan'):.6f}")


def home():
    print("home-speedtests-2017-2019.csv (generic CSV; local times; busy hours 20-23)")
    reasons = defaultdict(int)
    accepted = []
    with open(os.path.join(DATA, "home-speedtests-2017-2019.csv"), newline="") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            down, up, ping = float(r["download"]), float(r["upload"]), float(r["ping"])
            why = reason(down, up, "UNKNOWN", ping, float("nan"))
            if why:
                reasons[why] += 1
                if len(reasons) == 1 and reasons[why] == 1:
                    print("  first exclusion: line", i, why)
                continue
            hour = int(r["datetimestart"][11:13])
            accepted.append({"down": down, "busy": down if 20 <= hour < 23 else float("nan"), "plan": float("nan"),
                             "month": r["datetimestart"][:7]})
    print("  excluded", dict(reasons), "accepted", len(accepted))
    summary("all", accepted)
    summary("2018-06", [r for r in accepted if r["month"] == "2018-06"])


def ofcom(file):
    print(file, "(Ofcom panel; 24-hour download, 8-10pm weekday as busy hour, headline speed as plan)")
    reasons = defaultdict(int)
    by_isp = defaultdict(list)
    total = 0
    with open(os.path.join(DATA, file), newline="") as f:
        for r in csv.DictReader(f):
            total += 1
            down = num(r.get("Download.speed..Mbit.s..24.hour") or r.get("Download.speed..Mbit.s..24.hrs"))
            up = num(r["Upload.speed..Mbit.s.24.hour"])
            latency = num(r["Latency..ms.24.hour"])
            loss_text = r["Packet.loss....24.hour"]
            loss = num(loss_text[:-1]) / 100 if loss_text.endswith("%") else num(loss_text)
            t = r["Technology"]
            tech = {"FTTx": "FIBRE" if r["ISP"] == "FTTP" else "VDSL", "FTTC": "VDSL", "FTTP": "FIBRE",
                    "DSL": "DSL", "ADSL": "DSL", "ADSL2+": "DSL", "Cable": "CABLE", "": "UNKNOWN"}[t]
            why = reason(down, up, tech, latency, loss)
            if why:
                reasons[why] += 1
                continue
            head = r["Headline.speed"]
            digits = ""
            for c in head:
                if c.isdigit() or c == ".":
                    digits += c
                else:
                    break
            by_isp[r["ISP"]].append({"down": down, "busy": num(r["Download.speed..Mbit.s..8.10pm.weekday"]),
                                     "plan": float(digits)})
    print("  rows", total, "excluded", dict(reasons), "accepted", sum(len(v) for v in by_isp.values()))
    summary("all", [r for v in by_isp.values() for r in v])
    for isp in ("BT", "Virgin"):
        summary(isp, by_isp[isp])


def ndt():
    print("mlab-ndt (NDT7: last TCPInfo snapshot; NDT5: S2C/C2S MeanThroughputMbps)")
    for folder in ("NDT5Result", "NDT7Result"):
        for name in sorted(os.listdir(os.path.join(DATA, "mlab-ndt", folder))):
            d = json.load(open(os.path.join(DATA, "mlab-ndt", folder, name)))
            if "Download" in d or "Upload" in d:
                test = d.get("Download") or d.get("Upload")
                tcp = test["ServerMeasurements"][-1]["TCPInfo"]
                if "Download" in d:
                    print(f"  {name}: start {test['StartTime']} download {tcp['BytesAcked'] * 8 / tcp['ElapsedTime']:.9f}"
                          f" latency {tcp['MinRTT'] / 1000} loss {tcp['BytesRetrans'] / tcp['BytesSent']:.9f}")
                else:
                    print(f"  {name}: start {test['StartTime']} upload {tcp['BytesReceived'] * 8 / tcp['ElapsedTime']:.9f}"
                          f" latency {tcp['MinRTT'] / 1000}")
            elif "S2C" in d:
                tcp = d["S2C"].get("TCPInfo")
                loss = tcp["BytesRetrans"] / tcp["BytesSent"] if tcp else float("nan")
                print(f"  {name}: start {d['S2C']['StartTime']} download {d['S2C']['MeanThroughputMbps']}"
                      f" upload {d['C2S']['MeanThroughputMbps']} latency {d['S2C']['MinRTT'] / 1e6} loss {loss:.9f}")
            else:
                print(f"  {name}: no S2C or C2S")


home()
ofcom("broadband2013.csv")
ofcom("broadband2014.csv")
ndt()
