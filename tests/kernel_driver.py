"""A real-kernel test harness that behaves like a Jupyter widget frontend.

:class:`KernelDriver` starts a real ipykernel (in the same Python environment
as the tests, with the repository root as working directory) and talks to it
with :mod:`jupyter_client` the way JupyterLab / Notebook 7 do:

* cells are run with ``execute_request`` on the shell channel;
* button clicks, value changes and anywidget messages are sent as shell
  ``comm_msg`` messages with exactly the payloads ``@jupyter-widgets/*``
  sends (widget protocol 2, i.e. ipywidgets 8);
* every iopub message, whatever request it belongs to, is fed into a
  frontend-side registry of widget models, as a browser's widget manager
  keeps one: ``comm_open`` (target ``jupyter.widget``) creates a model,
  ``comm_msg`` ``update`` / ``echo_update`` merges state, ``comm_close``
  marks the model closed;
* ``echo_update`` messages are filtered like ``@jupyter-widgets/base``
  does: an attribute this frontend has an unconfirmed update of ignores
  echoes until the echo of its own latest update arrives;
* ``Output`` widgets capture the outputs of the request named by their
  ``msg_id`` (JupyterLab's message hook) into their ``outputs`` state, and -
  like JupyterLab - send each change of ``outputs`` back to the kernel as an
  ``update``, with the widget model's throttle (one sync message in flight,
  later changes merged and sent at its idle).  Disable with
  ``KernelDriver(sync_output_widgets=False)``.

Not emulated: views (nothing is rendered), the ``jupyter.widget.control``
comm, stdin requests, and JavaScript of custom widgets - an anywidget's
``model.send`` is what :meth:`KernelDriver.custom` sends.

Every request method returns an :class:`ExecResult` holding all iopub
messages caused by that request (those whose parent is the request, plus
those whose parent is an ``Output``-widget sync-back the request triggered),
so a test can assert how much traffic one click produced.

Typical use::

    from kernel_driver import KernelDriver

    with KernelDriver() as kd:
        kd.execute("import ipywidgets as w; b = w.Button(description='Go'); b")
        (btn,) = kd.find_models(_model_name="ButtonModel", description="Go")
        r = kd.click(btn)
        assert not r.comm_opens and not r.errors
        assert kd.eval("1 + 1") == 2

All timeouts are failure guards only (default 60 s); nothing here asserts
on how long something took.  Only :attr:`ExecResult.latency` reports it.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from jupyter_client.session import json_packer

__all__ = ["ExecResult", "KernelDriver", "KernelError", "driver_session", "REPO_ROOT"]

#: Root of the repository (the kernel's working directory by default).
REPO_ROOT = Path(__file__).resolve().parent.parent

#: Default failure-guard timeout in seconds.
DEFAULT_TIMEOUT = 60.0

#: ipywidgets 8 speaks widget protocol 2.x.
WIDGET_PROTOCOL_VERSION = "2.1.0"
WIDGET_TARGET = "jupyter.widget"

#: iopub message types that are cell outputs.
OUTPUT_MSG_TYPES = ("display_data", "execute_result", "stream", "error")

_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    """Remove ANSI colour codes (tracebacks from IPython are coloured)."""
    return _ANSI_RE.sub("", text)


class KernelError(AssertionError):
    """The kernel reported an ``error`` (raised unless ``allow_error=True``).

    Subclasses :class:`AssertionError` so pytest shows it as a test failure
    with the kernel-side traceback in the message.
    """


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass
class ExecResult:
    """Everything the kernel published on iopub because of one request.

    ``messages`` are the raw jupyter_client message dicts in arrival order:
    all iopub messages whose parent is :attr:`msg_id`, plus those whose
    parent is one of :attr:`followup_ids` (``Output``-widget sync-backs the
    driver sent while handling this request, as JupyterLab would).  This
    includes ``status`` busy/idle messages.
    """

    #: ``msg_id`` of the request sent on the shell channel.
    msg_id: str
    #: Request kind: ``"execute"``, ``"click"``, ``"update"`` or ``"custom"``.
    kind: str
    #: All iopub messages caused by the request (see class doc).
    messages: list[dict] = field(default_factory=list)
    #: ``execute_reply`` content for ``execute`` requests, else ``None``.
    reply: dict | None = None
    #: Seconds from sending the request to receiving its ``status: idle``.
    latency: float = 0.0
    #: Seconds from sending the request until it and all follow-ups are idle.
    settle_time: float = 0.0
    #: ``msg_id`` s of frontend messages sent as a consequence (Output sync-back).
    followup_ids: list[str] = field(default_factory=list)
    #: Outputs that were captured by an ``Output`` widget (model_id, output).
    captured: list[tuple[str, dict]] = field(default_factory=list)
    #: Outputs not captured by an ``Output`` widget, in order.  Each is the
    #: message content plus an nbformat-style ``output_type`` key; besides
    #: display_data / execute_result / stream / error this also lists
    #: ``update_display_data`` and ``clear_output`` so display-handle based
    #: code can be checked too.
    all_outputs: list[dict] = field(default_factory=list)

    # -- outputs -----------------------------------------------------------
    @property
    def outputs(self) -> list[dict]:
        """display_data / execute_result / stream / error contents, in order
        (only those shown in the cell, not captured by an Output widget)."""
        return [o for o in self.all_outputs if o["output_type"] in OUTPUT_MSG_TYPES]

    @property
    def text_plain(self) -> list[str]:
        """``text/plain`` of each display_data / execute_result output."""
        return [
            o["data"]["text/plain"]
            for o in self.outputs
            if o["output_type"] in ("display_data", "execute_result")
            and "text/plain" in o.get("data", {})
        ]

    @property
    def displayed_model_ids(self) -> list[str]:
        """Model ids of widget views displayed in the cell (widget mimetype)."""
        out = []
        for o in self.outputs:
            view = o.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                out.append(view["model_id"])
        return out

    @property
    def stdout(self) -> str:
        """Concatenated ``stdout`` stream text shown in the cell."""
        return "".join(o["text"] for o in self.outputs if o["output_type"] == "stream" and o["name"] == "stdout")

    @property
    def stderr(self) -> str:
        """Concatenated ``stderr`` stream text shown in the cell."""
        return "".join(o["text"] for o in self.outputs if o["output_type"] == "stream" and o["name"] == "stderr")

    @property
    def errors(self) -> list[dict]:
        """Contents of every ``error`` message (captured by an Output widget or not)."""
        return [m["content"] for m in self.messages if m["msg_type"] == "error"]

    @property
    def error_text(self) -> str:
        """All error tracebacks as plain text (ANSI codes removed)."""
        parts = []
        for e in self.errors:
            tb = "\n".join(e.get("traceback") or []) or f"{e.get('ename')}: {e.get('evalue')}"
            parts.append(strip_ansi(tb))
        return "\n\n".join(parts)

    # -- comm traffic ------------------------------------------------------
    def _of_type(self, msg_type: str) -> list[dict]:
        return [m["content"] for m in self.messages if m["msg_type"] == msg_type]

    @property
    def comm_opens(self) -> list[dict]:
        """Contents of ``comm_open`` messages (each is a new widget model)."""
        return self._of_type("comm_open")

    @property
    def comm_closes(self) -> list[dict]:
        """Contents of ``comm_close`` messages (each closes a widget model)."""
        return self._of_type("comm_close")

    @property
    def comm_msgs(self) -> list[dict]:
        """Contents of ``comm_msg`` messages (update / echo_update / custom)."""
        return self._of_type("comm_msg")

    @property
    def opened_model_ids(self) -> list[str]:
        return [c["comm_id"] for c in self.comm_opens]

    @property
    def closed_model_ids(self) -> list[str]:
        return [c["comm_id"] for c in self.comm_closes]

    def _method(self, method: str) -> list[tuple[str, dict]]:
        return [
            (c["comm_id"], c["data"].get("state", {}) if method != "custom" else c["data"].get("content"))
            for c in self.comm_msgs
            if c.get("data", {}).get("method") == method
        ]

    @property
    def updates(self) -> list[tuple[str, dict]]:
        """``(model_id, state)`` of every kernel ``update`` comm_msg, in order."""
        return self._method("update")

    @property
    def echo_updates(self) -> list[tuple[str, dict]]:
        """``(model_id, state)`` of every ``echo_update`` comm_msg, in order."""
        return self._method("echo_update")

    @property
    def customs(self) -> list[tuple[str, Any]]:
        """``(model_id, content)`` of every kernel ``custom`` comm_msg."""
        return self._method("custom")

    @property
    def updated_model_ids(self) -> set[str]:
        """Ids of models that received an ``update`` (not ``echo_update``)."""
        return {mid for mid, _ in self.updates}

    @property
    def echoed_model_ids(self) -> set[str]:
        """Ids of models that received an ``echo_update``."""
        return {mid for mid, _ in self.echo_updates}

    # -- accounting --------------------------------------------------------
    @property
    def msg_types(self) -> dict[str, int]:
        """Count of iopub messages per type (``comm_msg`` split by method,
        e.g. ``comm_msg:update``; ``status`` split by state)."""
        counts: dict[str, int] = {}
        for m in self.messages:
            key = m["msg_type"]
            if key == "comm_msg":
                key += ":" + str(m["content"].get("data", {}).get("method"))
            elif key == "status":
                key += ":" + m["content"].get("execution_state", "?")
            counts[key] = counts.get(key, 0) + 1
        return counts

    @property
    def iopub_bytes(self) -> int:
        """Approximate iopub bytes: see :func:`message_bytes`."""
        return sum(message_bytes(m) for m in self.messages)


def message_bytes(msg: dict) -> int:
    """Approximate wire size of one message.

    JSON-serialised header + parent_header + metadata + content (with
    jupyter_client's own packer, as the kernel serialised them) plus the
    length of every binary buffer.  Not counted: the zmq topic frame, the
    ``<IDS|MSG>`` delimiter and the HMAC signature (a constant ~100 bytes per
    message).
    """
    n = 0
    for key in ("header", "parent_header", "metadata", "content"):
        n += len(json_packer(msg.get(key, {})))
    for buf in msg.get("buffers") or ():
        n += memoryview(buf).nbytes
    return n


# --------------------------------------------------------------------------
# Helpers for widget state
# --------------------------------------------------------------------------


def _put_buffers(state: dict, buffer_paths: list, buffers: list) -> None:
    """Insert binary buffers into ``state`` at ``buffer_paths`` (in place)."""
    for path, buf in zip(buffer_paths or (), buffers or (), strict=False):
        obj = state
        for key in path[:-1]:
            obj = obj[key]
        obj[path[-1]] = bytes(buf)


def _remove_buffers(state: Any) -> tuple[Any, list, list]:
    """Split binary values out of ``state`` (like ipywidgets' _remove_buffers)."""
    paths: list = []
    bufs: list = []

    def walk(obj: Any, path: list) -> Any:
        if isinstance(obj, (bytes, bytearray, memoryview)):
            paths.append(path)
            bufs.append(bytes(obj))
            return None
        if isinstance(obj, dict):
            return {k: walk(v, path + [k]) for k, v in obj.items()}
        if isinstance(obj, (list, tuple)):
            return [walk(v, path + [i]) for i, v in enumerate(obj)]
        return obj

    return walk(state, []), paths, bufs


def _iter_strings(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _iter_strings(v, path + (k,))
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from _iter_strings(v, path + (i,))


_MODEL_REF = "IPY_MODEL_"


def _refs(obj: Any) -> Iterator[str]:
    for _, s in _iter_strings(obj):
        if s.startswith(_MODEL_REF):
            yield s[len(_MODEL_REF):]


class _VenvKernelSpecManager(KernelSpecManager):
    """Kernel spec manager whose only kernel is ipykernel in *this* Python."""

    def __init__(self, argv: list[str], **kw: Any) -> None:
        super().__init__(**kw)
        self._argv = argv

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(
            argv=list(self._argv),
            display_name="nbfrag test kernel",
            language="python",
            interrupt_mode="signal",
            metadata={},
        )


@dataclass
class _Collector:
    """Book-keeping for one request being collected."""

    result: ExecResult
    waiting: set[str]
    t0: float
    primary_idle: bool = False


# --------------------------------------------------------------------------
# The driver
# --------------------------------------------------------------------------


class KernelDriver:
    """A real ipykernel plus a minimal, faithful widget frontend.

    Parameters
    ----------
    cwd:
        Working directory of the kernel (default: the repository root).
    extra_env:
        Extra environment variables for the kernel process.
    timeout:
        Default failure-guard timeout in seconds for every wait.
    sync_output_widgets:
        When True (default, what JupyterLab / Notebook 7 do), every output an
        ``Output`` widget captures is sent back to the kernel as an
        ``update`` of its ``outputs`` trait.  The resulting iopub traffic is
        attributed to the request that caused it.
    kernel_argv:
        Override the kernel command (``{connection_file}`` is substituted).
        Default: ``[sys.executable, "-m", "ipykernel_launcher", "-f",
        "{connection_file}"]``.
    isolate_ipython_dir:
        Run the kernel with a throw-away ``IPYTHONDIR`` so user profiles and
        startup files cannot affect tests (default True).
    """

    def __init__(
        self,
        *,
        cwd: str | os.PathLike | None = None,
        extra_env: dict[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        sync_output_widgets: bool = True,
        kernel_argv: list[str] | None = None,
        isolate_ipython_dir: bool = True,
    ) -> None:
        self.cwd = str(cwd or REPO_ROOT)
        self.extra_env = dict(extra_env or {})
        self.timeout = timeout
        self.sync_output_widgets = sync_output_widgets
        self.kernel_argv = kernel_argv or [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        self.isolate_ipython_dir = isolate_ipython_dir

        self.km: KernelManager | None = None
        self.kc = None  # BlockingKernelClient
        self._tmpdir: str | None = None
        self._log_file = None
        #: Path of the file receiving the kernel process's stdout/stderr.
        self.kernel_log_path: str | None = None
        self._reset_frontend()

    def _reset_frontend(self) -> None:
        """Forget all frontend-side state (models, hooks, buffers)."""
        self._models: dict[str, dict] = {}
        self._open: set[str] = set()
        #: model_id -> list of ``(content, buffers)`` custom messages from the kernel.
        self.custom_messages: dict[str, list[tuple[Any, list[bytes]]]] = {}
        # Output-widget capture: msg_id -> stack of Output model ids (last wins).
        self._output_hooks: dict[str, list[str]] = {}
        self._output_clear_pending: set[str] = set()
        # model_id -> {attr: msg_id of our latest update of attr not yet echoed}
        self._expected_echo: dict[str, dict[str, str]] = {}
        # save_changes() throttle state (see _save_changes).
        self._pending_sync: dict[str, int] = {}
        self._sync_buffer: dict[str, dict] = {}
        self._sync_msgs: dict[str, str] = {}  # sync msg_id -> model_id
        self._collector: _Collector | None = None
        #: iopub messages not attributed to any request (e.g. from threads,
        #: or arriving after their request finished).  Bounded to the last 1000.
        self.stray_messages: list[dict] = []
        #: Total number of iopub messages processed since start.
        self.iopub_count = 0

    # ------------------------------------------------------------------
    # lifecycle
    # ------------------------------------------------------------------
    def start(self) -> KernelDriver:
        """Start the kernel and wait until it answers ``kernel_info``."""
        if self.km is not None:
            raise RuntimeError("kernel already started")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (self.cwd, env.get("PYTHONPATH", "")) if p)
        env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        env.setdefault("JUPYTER_PLATFORM_DIRS", "1")
        self._tmpdir = tempfile.mkdtemp(prefix="nbfrag-kernel-")
        if self.isolate_ipython_dir:
            env["IPYTHONDIR"] = os.path.join(self._tmpdir, "ipython")
        env.update(self.extra_env)

        self.km = KernelManager(
            kernel_name="nbfrag-test",
            kernel_spec_manager=_VenvKernelSpecManager(self.kernel_argv),
        )
        self.kernel_log_path = os.path.join(self._tmpdir, "kernel.log")
        self._log_file = open(self.kernel_log_path, "wb")
        self.km.start_kernel(cwd=self.cwd, env=env, stdout=self._log_file, stderr=subprocess.STDOUT)
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=self.timeout)
        except Exception:
            self.stop()
            raise
        # wait_for_ready may leave the kernel_info's status messages on
        # iopub; process them so they are not mistaken for anything later.
        self.drain(0.05)
        return self

    def stop(self) -> None:
        """Shut the kernel down (idempotent)."""
        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            with contextlib.suppress(Exception):
                self.km.shutdown_kernel(now=False)
            with contextlib.suppress(Exception):
                if self.km.is_alive():
                    self.km.shutdown_kernel(now=True)
            self.km = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def kernel_log(self) -> str:
        """What the kernel process wrote to its stdout/stderr so far (not
        cell output - that goes over iopub - but crashes, warnings, logs)."""
        if not self.kernel_log_path or not os.path.exists(self.kernel_log_path):
            return ""
        with open(self.kernel_log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def restart(self) -> None:
        """Stop and start a fresh kernel; the widget registry is cleared."""
        self.stop()
        self._reset_frontend()
        self.start()

    def __enter__(self) -> KernelDriver:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # ------------------------------------------------------------------
    # requests
    # ------------------------------------------------------------------
    def execute(
        self,
        code: str,
        *,
        allow_error: bool = False,
        timeout: float | None = None,
        user_expressions: dict[str, str] | None = None,
        silent: bool = False,
        store_history: bool = True,
        cell_id: str | None = None,
    ) -> ExecResult:
        """Run ``code`` as a notebook cell and wait until the kernel is idle.

        ``cell_id``: when given it is sent as ``metadata.cellId`` of the
        execute_request, as JupyterLab and Notebook 7 do (re-running a cell
        sends the same id); by default none is sent, as with nbclient,
        nbval or Voila.

        Returns the :class:`ExecResult`; its ``reply`` is the execute_reply
        content.  Raises :class:`KernelError` (an AssertionError) with the
        traceback if an ``error`` was published (or the reply status is
        ``error``) unless ``allow_error`` is true.
        """
        kc = self._client()
        content = {
            "code": code,
            "silent": silent,
            "store_history": store_history,
            "user_expressions": user_expressions or {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        metadata = {"cellId": cell_id} if cell_id is not None else {}
        msg = kc.session.msg("execute_request", content, metadata=metadata)
        t0 = time.perf_counter()
        kc.session.send(kc.shell_channel.socket, msg)
        msg_id = msg["header"]["msg_id"]
        result = self._collect(msg_id, "execute", t0, timeout)
        result.reply = self._get_reply(msg_id, timeout)
        if not allow_error:
            self._raise_on_error(result, code)
        return result

    def click(self, model_id: str, *, allow_error: bool = False, timeout: float | None = None) -> ExecResult:
        """Click a Button: send ``{method: custom, content: {event: click}}``
        exactly as ``@jupyter-widgets/controls`` ButtonView does, and collect
        iopub traffic until the kernel is idle for it."""
        return self.custom(model_id, {"event": "click"}, allow_error=allow_error, timeout=timeout, _kind="click")

    def update(
        self, model_id: str, state: dict, *, allow_error: bool = False, timeout: float | None = None
    ) -> ExecResult:
        """Change model state from the frontend (a user moving a slider,
        typing...): the local model is updated first, as ``model.set()``
        does in a browser, then ``{method: update, state, buffer_paths}`` is
        sent like ``model.save_changes()``."""
        self._require_model(model_id)
        self._merge_state(model_id, copy.deepcopy(state))
        wire_state, paths, bufs = _remove_buffers(state)
        data = {"method": "update", "state": wire_state, "buffer_paths": paths}
        return self._comm_request(model_id, data, bufs, "update", allow_error, timeout)

    def post_click(self, model_id: str) -> str:
        """Send a click and return at once, without waiting for the kernel to answer (a user
        clicking faster than the kernel runs). Returns the message id."""
        self._require_model(model_id)
        return self._send_comm_msg(model_id, {"method": "custom", "content": {"event": "click"}}, [])

    def post_update(self, model_id: str, state: dict) -> str:
        """Change model state from the frontend and return at once (see `post_click`)."""
        self._require_model(model_id)
        self._merge_state(model_id, copy.deepcopy(state))
        return self._send_comm_msg(model_id, {"method": "update", "state": state, "buffer_paths": []}, [])

    def custom(
        self,
        model_id: str,
        content: Any,
        *,
        buffers: list[bytes] | None = None,
        allow_error: bool = False,
        timeout: float | None = None,
        _kind: str = "custom",
    ) -> ExecResult:
        """Send a custom message (``model.send(content)`` in JS, e.g. an
        anywidget ``{event: "tick", seq: 3}``)."""
        self._require_model(model_id)
        data = {"method": "custom", "content": content}
        return self._comm_request(model_id, data, list(buffers or []), _kind, allow_error, timeout)

    def eval(self, expr: str, *, timeout: float | None = None) -> Any:
        """Evaluate a Python expression in the kernel and return its value.

        Implemented with ``user_expressions`` on a silent execute request (no
        execution count, no history, no output): the kernel evaluates
        ``repr((expr))``; the resulting string is parsed here with
        :func:`ast.literal_eval`.  So the value must be a Python literal
        (str, bytes, numbers, bool, None, and tuples/lists/dicts/sets of
        those).  Use :meth:`eval_repr` to get the ``repr`` string of anything
        else.  Raises :class:`KernelError` if the expression raised.
        """
        text = self.eval_repr(expr, timeout=timeout)
        try:
            return ast.literal_eval(text)
        except (ValueError, SyntaxError) as e:
            raise ValueError(f"eval({expr!r}): repr is not a Python literal: {text[:500]}") from e

    def eval_repr(self, expr: str, *, timeout: float | None = None) -> str:
        """``repr()`` of ``expr`` evaluated in the kernel, as a string."""
        r = self.execute(
            "",
            silent=True,
            store_history=False,
            user_expressions={"v": f"repr(({expr}))"},
            timeout=timeout,
        )
        ue = (r.reply or {}).get("user_expressions", {}).get("v")
        if ue is None:
            raise KernelError(f"no user_expressions result for {expr!r}: {r.reply}")
        if ue.get("status") != "ok":
            tb = strip_ansi("\n".join(ue.get("traceback") or [])) or f"{ue.get('ename')}: {ue.get('evalue')}"
            raise KernelError(f"eval({expr!r}) raised in the kernel:\n{tb}")
        # text/plain of a str is its (IPython-pretty) repr: a str literal.
        return ast.literal_eval(ue["data"]["text/plain"])

    def drain(self, duration: float = 0.1) -> list[dict]:
        """Process iopub messages that arrive within ``duration`` seconds
        (for traffic from background threads).  Returns them."""
        got: list[dict] = []
        deadline = time.monotonic() + duration
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            msg = self._next_iopub(remaining)
            if msg is None:
                break
            got.append(msg)
        return got

    def wait_for(self, predicate: Callable[[], bool], *, timeout: float | None = None) -> list[dict]:
        """Process iopub traffic until ``predicate()`` is true (e.g. a model
        reaching some state after a background-thread update).  Returns the
        messages processed; raises ``TimeoutError`` after ``timeout``."""
        got: list[dict] = []
        deadline = time.monotonic() + (timeout or self.timeout)
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("wait_for: condition not met")
            msg = self._next_iopub(min(remaining, 0.5))
            if msg is not None:
                got.append(msg)
        return got

    # ------------------------------------------------------------------
    # frontend widget registry
    # ------------------------------------------------------------------
    @property
    def models(self) -> dict[str, dict]:
        """model_id -> frontend state of every model ever opened (open or
        closed; see :meth:`is_open`).  Binary values are ``bytes``."""
        return self._models

    def open_model_ids(self) -> list[str]:
        """Ids of models whose comm is still open, in creation order."""
        return [mid for mid in self._models if mid in self._open]

    def is_open(self, model_id: str) -> bool:
        return model_id in self._open

    def find_models(self, *, include_closed: bool = False, **trait_filters: Any) -> list[str]:
        """Ids of (open) models whose state matches all ``trait_filters``,
        e.g. ``find_models(_model_name="ButtonModel", description="Go")``.
        A filter value may also be a callable ``value -> bool``."""
        out = []
        for mid, state in self._models.items():
            if not include_closed and mid not in self._open:
                continue
            ok = True
            for k, want in trait_filters.items():
                if k not in state:
                    ok = False
                    break
                have = state[k]
                if callable(want):
                    if not want(have):
                        ok = False
                        break
                elif have != want:
                    ok = False
                    break
            if ok:
                out.append(mid)
        return out

    def find_model(self, **trait_filters: Any) -> str:
        """Like :meth:`find_models` but asserts exactly one match."""
        found = self.find_models(**trait_filters)
        if len(found) != 1:
            raise AssertionError(f"expected exactly one model matching {trait_filters}, found {len(found)}: {found}")
        return found[0]

    def find_text(self, substring: str, *, include_closed: bool = False) -> list[tuple[str, tuple, str]]:
        """``(model_id, path, string)`` for every string in any model's
        state (recursively, including ``Output`` widgets' ``outputs``) that
        contains ``substring``."""
        out = []
        for mid, state in self._models.items():
            if not include_closed and mid not in self._open:
                continue
            for path, s in _iter_strings(state):
                if substring in s:
                    out.append((mid, path, s))
        return out

    def descendants(self, model_id: str) -> list[str]:
        """Model ids reachable from ``model_id`` through ``IPY_MODEL_``
        references (children, layout, style, ...), depth first, excluding
        ``model_id`` itself."""
        seen: list[str] = []
        stack = [model_id]
        visited = {model_id}
        while stack:
            mid = stack.pop()
            for ref in _refs(self._models.get(mid, {})):
                if ref not in visited:
                    visited.add(ref)
                    seen.append(ref)
                    stack.append(ref)
        return seen

    # ------------------------------------------------------------------
    # internals
    # ------------------------------------------------------------------
    def _client(self):
        if self.kc is None:
            raise RuntimeError("kernel not started; call start() or use `with KernelDriver() as kd:`")
        return self.kc

    def _require_model(self, model_id: str) -> None:
        if model_id not in self._models:
            raise KeyError(f"unknown widget model {model_id!r}")
        if model_id not in self._open:
            raise AssertionError(f"widget model {model_id!r} is closed")

    def _send_comm_msg(self, model_id: str, data: dict, buffers: list[bytes]) -> str:
        kc = self._client()
        msg = kc.session.msg("comm_msg", {"comm_id": model_id, "data": data})
        kc.session.send(kc.shell_channel.socket, msg, buffers=buffers or None)
        msg_id = msg["header"]["msg_id"]
        if data.get("method") == "update":
            # Like the JS WidgetModel: remember which of our own updates each
            # attribute is waiting to see echoed back.
            expected = self._expected_echo.setdefault(model_id, {})
            for attr in data.get("state", {}):
                expected[attr] = msg_id
        return msg_id

    def _comm_request(
        self, model_id: str, data: dict, buffers: list[bytes], kind: str, allow_error: bool, timeout: float | None
    ) -> ExecResult:
        t0 = time.perf_counter()
        msg_id = self._send_comm_msg(model_id, data, buffers)
        result = self._collect(msg_id, kind, t0, timeout)
        if not allow_error:
            self._raise_on_error(result, f"{kind} on {model_id}")
        return result

    def _collect(self, msg_id: str, kind: str, t0: float, timeout: float | None) -> ExecResult:
        """Process iopub until ``msg_id`` and all its follow-ups are idle."""
        if self._collector is not None:
            raise RuntimeError("requests are not re-entrant")
        result = ExecResult(msg_id=msg_id, kind=kind)
        col = _Collector(result=result, waiting={msg_id}, t0=t0)
        self._collector = col
        deadline = time.monotonic() + (timeout or self.timeout)
        try:
            while col.waiting:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(
                        f"{kind} request {msg_id}: kernel not idle after {timeout or self.timeout}s "
                        f"(still waiting for {sorted(col.waiting)}; got {len(result.messages)} messages)\n"
                        f"--- kernel log (tail) ---\n{self.kernel_log()[-3000:]}"
                    )
                if self._next_iopub(min(remaining, 1.0)) is None:
                    self._check_alive()
        finally:
            self._collector = None
        result.settle_time = time.perf_counter() - t0
        return result

    def _check_alive(self) -> None:
        if self.km is not None and not self.km.is_alive():
            raise RuntimeError(f"the kernel died\n--- kernel log (tail) ---\n{self.kernel_log()[-3000:]}")

    def _next_iopub(self, timeout: float) -> dict | None:
        try:
            msg = self._client().get_iopub_msg(timeout=timeout)
        except queue.Empty:
            return None
        now = time.perf_counter()
        self.iopub_count += 1
        self._process(msg, now)
        return msg

    def _process(self, msg: dict, now: float) -> None:
        col = self._collector
        parent_id = (msg.get("parent_header") or {}).get("msg_id")
        mine = col is not None and (parent_id == col.result.msg_id or parent_id in col.result.followup_ids)
        if mine:
            col.result.messages.append(msg)
        else:
            self.stray_messages.append(msg)
            del self.stray_messages[:-1000]

        mtype = msg["msg_type"]
        content = msg["content"]
        if mtype == "comm_open":
            if content.get("target_name") == WIDGET_TARGET:
                data = content.get("data", {})
                state = copy.deepcopy(data.get("state", {}))
                _put_buffers(state, data.get("buffer_paths"), msg.get("buffers"))
                mid = content["comm_id"]
                self._models[mid] = {}
                self._open.add(mid)
                self._merge_state(mid, state)
        elif mtype == "comm_msg":
            mid = content.get("comm_id")
            data = content.get("data", {})
            method = data.get("method")
            if mid in self._models:
                if method in ("update", "echo_update"):
                    state = copy.deepcopy(data.get("state", {}))
                    _put_buffers(state, data.get("buffer_paths"), msg.get("buffers"))
                    if method == "echo_update":
                        state = self._filter_echo(mid, state, parent_id)
                    self._merge_state(mid, state)
                elif method == "custom":
                    bufs = [bytes(b) for b in msg.get("buffers") or ()]
                    self.custom_messages.setdefault(mid, []).append((data.get("content"), bufs))
        elif mtype == "comm_close":
            mid = content.get("comm_id")
            self._open.discard(mid)
            self._unhook_output(mid)
        elif mtype in OUTPUT_MSG_TYPES or mtype in ("clear_output", "update_display_data"):
            out = dict(content)
            out["output_type"] = mtype
            hook = self._output_hooks.get(parent_id)
            if hook and mtype != "update_display_data":
                self._capture_output(hook[-1], out, col if mine else None)
            elif mine:
                col.result.all_outputs.append(out)
        elif mtype == "status" and content.get("execution_state") == "idle":
            if col is not None and parent_id in col.waiting:
                col.waiting.discard(parent_id)
                if parent_id == col.result.msg_id:
                    col.result.latency = now - col.t0
            if parent_id in self._sync_msgs:
                self._sync_idle(parent_id)

    def _filter_echo(self, mid: str, state: dict, parent_id: str | None) -> dict:
        """Drop echoed attributes this frontend has its own pending update
        for (as @jupyter-widgets/base WidgetModel does): the echo of our
        latest update clears the expectation; older echoes are stale."""
        expected = self._expected_echo.get(mid)
        if not expected:
            return state
        kept = {}
        for attr, value in state.items():
            if attr in expected:
                if expected[attr] == parent_id:
                    del expected[attr]
                continue
            kept[attr] = value
        return kept

    def _merge_state(self, mid: str, state: dict) -> None:
        model = self._models.setdefault(mid, {})
        old_msg_id = model.get("msg_id")
        model.update(state)
        if model.get("_model_name") == "OutputModel":
            if "outputs" in state:
                # A state change from the kernel replaces the outputs (setOutputs).
                self._output_clear_pending.discard(mid)
            if "msg_id" in state and state["msg_id"] != old_msg_id:
                self._unhook_output(mid)
                if state["msg_id"]:
                    self._output_hooks.setdefault(state["msg_id"], []).append(mid)

    def _unhook_output(self, mid: str) -> None:
        for key, stack in list(self._output_hooks.items()):
            if mid in stack:
                stack.remove(mid)
                if not stack:
                    del self._output_hooks[key]

    def _capture_output(self, mid: str, out: dict, col: _Collector | None) -> None:
        """JupyterLab's OutputModel.add(): capture, then save_changes()."""
        model = self._models[mid]
        outputs = list(model.get("outputs") or [])
        if out["output_type"] == "clear_output":
            if out.get("wait"):
                self._output_clear_pending.add(mid)
            else:
                outputs = []
                self._output_clear_pending.discard(mid)
        else:
            if mid in self._output_clear_pending:
                outputs = []
                self._output_clear_pending.discard(mid)
            clean = {k: v for k, v in out.items() if k not in ("transient",)}
            if clean["output_type"] == "stream" and outputs and outputs[-1].get("output_type") == "stream" \
                    and outputs[-1].get("name") == clean.get("name"):
                # OutputAreaModel merges consecutive stream outputs.
                merged = dict(outputs[-1])
                merged["text"] = merged.get("text", "") + clean.get("text", "")
                outputs[-1] = merged
            else:
                outputs.append(clean)
        model["outputs"] = outputs
        if col is not None:
            col.result.captured.append((mid, out))
        if self.sync_output_widgets and mid in self._open:
            self._save_changes(mid, {"outputs": outputs})

    def _save_changes(self, mid: str, state: dict) -> None:
        """``model.save_changes()`` of @jupyter-widgets/base, including its
        throttle: while one sync message of this model is unanswered (no
        idle yet), further changes are merged into a buffer that is sent
        when that idle arrives.  Sync messages sent while a request is being
        collected become follow-ups of that request."""
        if self._pending_sync.get(mid, 0) >= 1:
            self._sync_buffer.setdefault(mid, {}).update(state)
            return
        fid = self._send_comm_msg(mid, {"method": "update", "state": state, "buffer_paths": []}, [])
        self._pending_sync[mid] = self._pending_sync.get(mid, 0) + 1
        self._sync_msgs[fid] = mid
        col = self._collector
        if col is not None:
            col.result.followup_ids.append(fid)
            col.waiting.add(fid)

    def _sync_idle(self, parent_id: str) -> None:
        mid = self._sync_msgs.pop(parent_id, None)
        if mid is None:
            return
        self._pending_sync[mid] = max(0, self._pending_sync.get(mid, 0) - 1)
        buffered = self._sync_buffer.pop(mid, None)
        if buffered and mid in self._open:
            self._save_changes(mid, buffered)

    def _get_reply(self, msg_id: str, timeout: float | None) -> dict:
        kc = self._client()
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no execute_reply for {msg_id}")
            try:
                reply = kc.get_shell_msg(timeout=remaining)
            except queue.Empty:
                continue
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return reply["content"]

    @staticmethod
    def _raise_on_error(result: ExecResult, what: str) -> None:
        failed = result.errors or (result.reply is not None and result.reply.get("status") == "error")
        if failed:
            text = result.error_text
            if not text and result.reply:
                text = f"{result.reply.get('ename')}: {result.reply.get('evalue')}"
            snippet = what if len(what) < 400 else what[:400] + "..."
            raise KernelError(f"kernel error while running {result.kind}:\n{snippet}\n--- traceback ---\n{text}")


@contextlib.contextmanager
def driver_session(**kwargs: Any) -> Iterator[KernelDriver]:
    """``with driver_session() as kd:`` - start a :class:`KernelDriver`
    (keyword arguments are passed to it) and always stop it afterwards."""
    kd = KernelDriver(**kwargs)
    kd.start()
    try:
        yield kd
    finally:
        kd.stop()
