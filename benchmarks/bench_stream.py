#!/usr/bin/env python
"""What streaming a chat reply costs: iopub messages per second and time to the last token.

Usage::

    python benchmarks/bench_stream.py [--tokens N] [--rounds N] [--token-delay S]

One fresh kernel holds an app whose fragment has an `st.chat_input`; a message sent to it (the
`custom` message js/chat.js sends) makes the fragment reply with N tokens from a generator
that sleeps `--token-delay` seconds per token (default 0.0001 s: 10,000 tokens a second). Two
scenarios alternate (ABBA), in the same kernel:

a. ``write once``: the generator is drained first, then the text written once with
   `st.markdown` (nothing shown until the end: the floor);
b. ``write_stream``: `st.write_stream(generator)`, text shown as it arrives, updates
   coalesced in the kernel (at most ~30 a second).

Printed per scenario: median and p90 send-to-idle time (= time to the last token on the page),
iopub messages per reply, updates of the streamed text, messages per second and kilobytes per
reply. The server's limits are 1000 messages/s and 1 MB/s (`iopub_msg_rate_limit`,
`iopub_data_rate_limit`). A measurement, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench_click import percentile
from kernel_driver import ExecResult, KernelDriver

APP_CELL = """\
%%app
import time
import nbfrag as st

TOKENS, DELAY = {tokens}, {delay}

def tokens(tag):
    for i in range(TOKENS):
        if DELAY:
            time.sleep(DELAY)
        yield f"{{tag}}{{i}} "

@st.fragment
def chat():
    prompt = st.chat_input("Ask")
    if prompt:
        how, tag = prompt.split()  # a new text each reply: an unchanged one would send nothing
        if how == "stream":
            st.write_stream(tokens(tag))
        else:
            st.markdown("".join(tokens(tag)))

chat()
"""

SCENARIOS = {"write once": "once", "write_stream": "stream"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--token-delay", type=float, default=0.0001)
    args = parser.parse_args()

    results: dict[str, list[tuple[str, ExecResult]]] = {name: [] for name in SCENARIOS}
    with KernelDriver() as kd:
        kd.execute("%load_ext nbfrag")
        kd.execute(APP_CELL.format(tokens=args.tokens, delay=args.token_delay))
        (box,) = [m for m in kd.find_models(_model_name="AnyModel") if kd.models[m].get("placeholder") == "Ask"]
        names = list(SCENARIOS)
        for i in range(args.warmup + args.rounds):
            order = names if i % 2 == 0 else names[::-1]
            for name in order:
                tag = f"r{i}{SCENARIOS[name][0]}x"  # o or s: each reply a new text
                result = kd.custom(box, {"event": "submit", "value": f"{SCENARIOS[name]} {tag}"}, timeout=120)
                if result.errors:
                    raise SystemExit(f"{name} failed: {result.error_text}")
                if i >= args.warmup:
                    results[name].append((tag, result))

    print(f"{args.tokens} tokens, {args.token_delay * 1000:g} ms per token, {args.rounds} replies per scenario\n")
    print("| scenario | time to last token, median ms | p90 ms | iopub msgs/reply | text updates/reply "
          "| msgs/s | KB/reply |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, tagged in results.items():
        runs = [r for _, r in tagged]
        latencies = sorted(r.latency * 1000 for r in runs)
        messages = statistics.mean(len(r.messages) for r in runs)
        updates = statistics.mean(
            sum(1 for _, state in r.updates if f"{tag}0 {tag}1" in str(state.get("value", ""))) for tag, r in tagged
        )
        last_token = f"{args.tokens - 1}"
        assert all(
            any(f"{tag}{last_token}" in str(state.get("value", "")) for _, state in r.updates) for tag, r in tagged
        ), f"{name}: the last token never reached the page"
        per_second = statistics.mean(len(r.messages) / r.latency for r in runs)
        kilobytes = statistics.mean(r.iopub_bytes for r in runs) / 1000
        print(
            f"| {name} | {statistics.median(latencies):.0f} | {percentile(latencies, 90):.0f} | {messages:.0f} "
            f"| {updates:.1f} | {per_second:.0f} | {kilobytes:.0f} |"
        )


if __name__ == "__main__":
    main()
