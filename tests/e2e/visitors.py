"""A Voila visitor without a browser: the HTTP and kernel-websocket traffic of a page.

A :class:`Visitor` does what Voila's page does when someone opens it, minus the drawing:

1. ``GET`` the page (Voila executes the notebook, or hands out a preheated kernel that already
   did) and read the kernel id from the page config;
2. connect the kernel's websocket (``/api/kernels/<id>/channels``, jupyter_server's JSON
   protocol, binary frames for messages with buffers);
3. load every widget model as ipywidgets 8's manager does: open a ``jupyter.widget.control``
   comm and ask for ``request_states``; the reply holds the state of every model;
4. then click a button (``custom`` ``click``) or type into a text box (``update`` of
   ``value``), and wait for the kernel to go idle after it, merging every ``comm_open`` and
   ``update`` into its registry of models as a page's widget manager does.

`first_paint` is the time from the request to having every model's state (what a page needs
to draw the app); `click` returns the time from sending the click to the kernel's idle. The
load benchmark (`benchmarks/bench_load.py`) runs many of these at once; the serving tests use
them to check that visitors never see each other's state. Timeouts are failure guards only.
"""

from __future__ import annotations

import datetime
import json
import re
import struct
import time
import urllib.request
import uuid
from collections.abc import Iterator
from http.cookiejar import CookieJar
from typing import Any

import websocket  # websocket-client, a dependency of jupyter_server

TIMEOUT_S = 180.0  # upper bound for a page under a burst of visitors on a 2-core machine
_CONFIG = re.compile(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', re.S)


class VisitorError(AssertionError):
    """The page or the kernel did not behave as a visitor's page needs."""


def decode(frame: bytes | str) -> dict[str, Any]:
    """A kernel message from a websocket frame (text: JSON; binary: offsets, JSON, buffers)."""
    if isinstance(frame, str):
        return json.loads(frame)  # type: ignore[no-any-return]
    (count,) = struct.unpack("!I", frame[:4])
    offsets = [*struct.unpack(f"!{count}I", frame[4 : 4 + 4 * count]), len(frame)]
    msg: dict[str, Any] = json.loads(frame[offsets[0] : offsets[1]])
    msg["buffers"] = [frame[offsets[i] : offsets[i + 1]] for i in range(1, count)]
    return msg


def strings(value: Any) -> Iterator[str]:
    """Every string inside a widget state (nested lists and dicts included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


class Visitor:
    """One visitor of a Voila page at `url` (token, if any, in the URL's query)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.session = uuid.uuid4().hex
        self.cookies = CookieJar()
        self.kernel_id = ""
        self.models: dict[str, dict[str, Any]] = {}
        self.first_paint = float("nan")
        self._ws: websocket.WebSocket | None = None

    # -- arriving ---------------------------------------------------------------------------------
    def open(self) -> float:
        """Fetch the page, connect its kernel, load every widget model; returns the first paint (s)."""
        start = time.monotonic()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        with opener.open(self.url, timeout=TIMEOUT_S) as response:
            html = response.read().decode()
        found = _CONFIG.search(html)
        if not found:
            raise VisitorError(f"no page config in the page at {self.url}:\n{html[:2000]}")
        config = json.loads(found.group(1))
        self.kernel_id = config["kernelId"]
        base = self.url.split("://", 1)[1].split("/", 1)[0]
        query = self.url.partition("?")[2]
        ws_url = f"ws://{base}{config['baseUrl']}api/kernels/{self.kernel_id}/channels?session_id={self.session}"
        ws_url += f"&{query}" if query else ""
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.cookies)
        self._ws = websocket.create_connection(ws_url, timeout=TIMEOUT_S, cookie=cookie or None)
        self._ws.settimeout(5)  # reads wake up now and then to check their deadline
        self._load_models()
        self.first_paint = time.monotonic() - start
        return self.first_paint

    def _load_models(self) -> None:
        comm_id = uuid.uuid4().hex
        control = {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}}
        self._send("comm_open", control, metadata={"version": "1.0.0"})  # widget control protocol
        sent = self._send("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})
        reply = self._until(
            lambda m: m["msg_type"] == "comm_msg" and m["content"]["data"].get("method") == "update_states",
            sent,
        )
        states = reply["content"]["data"]["states"]
        for model_id, state in states.items():
            self.models[model_id] = dict(state.get("state", state))
        self._send("comm_close", {"comm_id": comm_id, "data": {}})
        if not self.models:
            raise VisitorError("the kernel has no widget models: the page would be blank")

    # -- acting -----------------------------------------------------------------------------------
    def find(self, model_name: str, **traits: Any) -> str:
        """The id of the one open model of `model_name` whose traits have these values."""
        found = [
            mid
            for mid, state in self.models.items()
            if state.get("_model_name") == model_name and all(state.get(k) == v for k, v in traits.items())
        ]
        if len(found) != 1:
            raise VisitorError(f"expected one {model_name} with {traits}, found {len(found)}")
        return found[0]

    def click(self, description: str) -> float:
        """Click the button labelled `description`; returns the seconds until the kernel is idle."""
        model_id = self.find("ButtonModel", description=description)
        return self._comm_request(model_id, {"method": "custom", "content": {"event": "click"}})

    def type(self, placeholder_or_value: str, text: str) -> float:
        """Type `text` into the text box now holding `placeholder_or_value` (its placeholder or
        its value) and commit it; returns the seconds until the kernel is idle."""
        boxes = [
            mid
            for mid, state in self.models.items()
            if state.get("_model_name") == "TextModel"
            and placeholder_or_value in (state.get("placeholder"), state.get("value"))
        ]
        if len(boxes) != 1:
            raise VisitorError(f"expected one text box holding {placeholder_or_value!r}, found {len(boxes)}")
        self.models[boxes[0]]["value"] = text
        return self._comm_request(boxes[0], {"method": "update", "state": {"value": text}, "buffer_paths": []})

    def texts(self) -> list[str]:
        """Every string in every model this visitor's page holds (what it can show)."""
        return [text for state in self.models.values() for text in strings(state)]

    def close(self) -> None:
        """Leave: the websocket closes, as when a tab is closed."""
        if self._ws is not None:
            self._ws.close()
            self._ws = None

    # -- the wire ---------------------------------------------------------------------------------
    def _comm_request(self, model_id: str, data: dict[str, Any]) -> float:
        start = time.monotonic()
        sent = self._send("comm_msg", {"comm_id": model_id, "data": data})
        self._until(lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle", sent)
        return time.monotonic() - start

    def _send(self, msg_type: str, content: dict[str, Any], metadata: dict[str, Any] | None = None) -> str:
        assert self._ws is not None, "open() the page first"
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "username": "visitor",
            "session": self.session,
            "msg_type": msg_type,
            "version": "5.3",
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        }
        msg = {
            "header": header,
            "parent_header": {},
            "metadata": metadata or {},
            "content": content,
            "channel": "shell",
        }
        self._ws.send(json.dumps(msg))
        return msg_id

    def _until(self, done: Any, parent: str) -> dict[str, Any]:
        """Read messages (merging widget traffic) until `done(msg)` for a message caused by `parent`."""
        assert self._ws is not None
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                frame = self._ws.recv()
            except websocket.WebSocketTimeoutException:
                continue  # nothing for a while: look at the deadline again
            msg = decode(frame)
            msg["msg_type"] = msg.get("msg_type") or msg["header"]["msg_type"]
            self._merge(msg)
            if msg["msg_type"] == "error" and msg.get("channel") == "iopub":
                raise VisitorError("the kernel reported an error:\n" + "\n".join(msg["content"].get("traceback", [])))
            if msg.get("parent_header", {}).get("msg_id") == parent and done(msg):
                return msg
        raise VisitorError(f"no answer to {parent} within {TIMEOUT_S:.0f}s")

    def _merge(self, msg: dict[str, Any]) -> None:
        content = msg.get("content", {})
        if msg["msg_type"] == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.models[content["comm_id"]] = dict(content["data"].get("state", {}))
        elif msg["msg_type"] == "comm_msg" and content.get("comm_id") in self.models:
            data = content.get("data", {})
            if data.get("method") in ("update", "echo_update"):
                self.models[content["comm_id"]].update(data.get("state", {}))
        elif msg["msg_type"] == "comm_close":
            self.models.pop(content.get("comm_id"), None)
