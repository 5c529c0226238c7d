"""Live controls (`interact`) over the Jupyter widget protocol 2, against the real binary through
jupyter_client: the client plays the widget front end, sending `update` and `request_state`."""
from __future__ import annotations

import queue
import time

from conftest import collect_iopub, execute

VIEW = "application/vnd.jupyter.widget-view+json"
KEYS = {"_model_name", "_model_module", "_model_module_version", "_view_name", "_view_module", "_view_module_version"}


def shown(client, code: str):
    """Runs an `interact` cell: its comm_opens by comm id (in order), the widget view and the drawing."""
    reply, outputs = execute(client, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    opens = {m["content"]["comm_id"]: m for m in outputs if m["msg_type"] == "comm_open"}
    displays = [m for m in outputs if m["msg_type"] == "display_data"]
    assert len(displays) == 2, [m["msg_type"] for m in outputs]
    return opens, displays[0]["content"], displays[1]["content"]


def control(opens: dict, model_name: str) -> str:
    return next(comm_id for comm_id, m in opens.items() if m["content"]["data"]["state"]["_model_name"] == model_name)


def send(client, comm_id: str, data: dict) -> str:
    message = client.session.msg("comm_msg", {"comm_id": comm_id, "data": data})
    client.shell_channel.send(message)
    return message["header"]["msg_id"]


def update(client, comm_id: str, state: dict) -> str:
    return send(client, comm_id, {"method": "update", "state": state, "buffer_paths": []})


def served(client, msg_ids: list[str], timeout: float = 30) -> list[dict]:
    """Every IOPub message until each of `msg_ids` is idle (nested ones end inside the first)."""
    messages, waiting = [], set(msg_ids)
    deadline = time.monotonic() + timeout
    while waiting and time.monotonic() < deadline:
        message = client.get_iopub_msg(timeout=timeout)
        messages.append(message)
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            waiting.discard(message["parent_header"].get("msg_id"))
    assert not waiting, "some comm messages were never served"
    return messages


def redrawn(client, msg_id: str, display_id: str, timeout: float = 10) -> list[dict]:
    """The IOPub messages of `msg_id`, an update, up to the drawing it caused. The kernel publishes
    an update's idle as its redraw starts (ipywidgets sends a model's next change only after the
    last one's idle, and that change should reach the running redraw): a redraw ends with its
    `update_display_data`, not with an idle."""
    messages = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = client.get_iopub_msg(timeout=timeout)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(message)
        if drawings([message], display_id):
            return messages
    raise AssertionError(f"no drawing for {msg_id}")


def drawings(messages: list[dict], display_id: str) -> list[str]:
    return [m["content"]["data"]["text/plain"] for m in messages
            if m["msg_type"] == "update_display_data" and m["content"]["transient"]["display_id"] == display_id]


FOUR = ('interact(lambda: slider(0.001, 10, value: 0.1, log: true), penalty: choice(["l1", "l2"]), '
        'on: toggle(true), n: slider(1, 10, step: 1), draw: { lambda, penalty, on, n in "\\(penalty) \\(lambda) \\(on) \\(n)" })')


def test_comm_open_carries_full_state_and_the_protocol_version(raw_kernel):
    opens, view, drawing = shown(raw_kernel.client, FOUR)
    names = []
    for comm_id, message in opens.items():
        content = message["content"]
        assert content["target_name"] == "jupyter.widget"
        assert message["metadata"] == {"version": "2.1.0"}
        assert content["data"]["buffer_paths"] == []
        state = content["data"]["state"]
        assert KEYS <= state.keys()
        names.append(state["_model_name"])
        for reference in [state.get("layout"), state.get("style"), *state.get("children", [])]:
            if reference is not None:
                # Each model a state names was opened before it.
                assert reference.removeprefix("IPY_MODEL_") in list(opens)[:list(opens).index(comm_id)]
    assert names == ["LayoutModel", "SliderStyleModel", "FloatLogSliderModel", "LayoutModel", "DescriptionStyleModel",
                     "DropdownModel", "LayoutModel", "CheckboxStyleModel", "CheckboxModel", "LayoutModel",
                     "SliderStyleModel", "IntSliderModel", "LayoutModel", "OutputModel", "LayoutModel", "VBoxModel"]
    states = {m["content"]["data"]["state"]["_model_name"]: m["content"]["data"]["state"] for m in opens.values()}
    log = states["FloatLogSliderModel"]
    assert (log["_model_module"], log["_model_module_version"]) == ("@jupyter-widgets/controls", "2.0.0")
    assert (log["min"], log["max"], log["value"], log["base"], log["description"]) == (-3, 1, 0.1, 10, "lambda")
    assert states["LayoutModel"]["_model_module"] == "@jupyter-widgets/base"
    assert (states["DropdownModel"]["_options_labels"], states["DropdownModel"]["index"]) == (["l1", "l2"], 0)
    assert states["CheckboxModel"]["value"] is True
    assert (states["IntSliderModel"]["min"], states["IntSliderModel"]["max"], states["IntSliderModel"]["value"]) == (1, 10, 5)
    box = control(opens, "VBoxModel")
    assert states["VBoxModel"]["children"] == [f"IPY_MODEL_{control(opens, name)}" for name in
                                               ["FloatLogSliderModel", "DropdownModel", "CheckboxModel", "IntSliderModel", "OutputModel"]]
    assert view["data"][VIEW] == {"model_id": box, "version_major": 2, "version_minor": 0}
    # The view's text stays true after the controls move: what they offer, not where they stand.
    assert view["data"]["text/plain"] == 'lambda: log slider 0.001…10\npenalty: choice of "l1", "l2"\non: toggle\nn: integer slider 1…10'
    assert drawing["data"]["text/plain"] == '"l1 0.1 true 5"'
    assert drawing["transient"]["display_id"]


def test_updates_redraw_in_place_and_request_state_answers_the_new_state(raw_kernel):
    client = raw_kernel.client
    opens, _, drawing = shown(client, FOUR)
    display_id = drawing["transient"]["display_id"]
    slider, dropdown = control(opens, "FloatLogSliderModel"), control(opens, "DropdownModel")

    msg_id = update(client, slider, {"value": 2.5118864315095797})  # 10 ** 0.4, a stop of the slider
    messages = redrawn(client, msg_id, display_id)
    assert drawings(messages, display_id) == ['"l1 2.5118864315095797 true 5"']
    # The update is idle before its drawing: the front end may send the next change meanwhile.
    assert [m["msg_type"] for m in messages] == ["status", "status", "update_display_data"]
    assert [m["content"]["execution_state"] for m in messages[:2]] == ["busy", "idle"]
    msg_id = update(client, dropdown, {"index": 1})
    assert drawings(redrawn(client, msg_id, display_id), display_id) == ['"l2 2.5118864315095797 true 5"']

    msg_id = send(client, slider, {"method": "request_state"})
    answers = [m for m in collect_iopub(client, msg_id, 10) if m["msg_type"] == "comm_msg"]
    assert len(answers) == 1 and answers[0]["content"]["comm_id"] == slider
    data = answers[0]["content"]["data"]
    assert data["method"] == "update" and data["buffer_paths"] == []
    assert data["state"]["value"] == 2.5118864315095797 and KEYS <= data["state"].keys()

    # A front end that asks for state is a reloaded page, which has lost the drawing's display id:
    # from then on the drawing also goes to the Output widget.
    messages = redrawn(client, update(client, dropdown, {"index": 0}), display_id)
    assert drawings(messages, display_id) == ['"l1 2.5118864315095797 true 5"']
    output = control(opens, "OutputModel")
    [told] = [m["content"]["data"]["state"]["outputs"] for m in messages if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output]
    assert [o["output_type"] for o in told] == ["display_data"] and told[0]["data"]["text/plain"] == '"l1 2.5118864315095797 true 5"'


def test_a_value_between_stops_is_moved_to_one_and_told_to_the_front_end(raw_kernel):
    """The front end's slider stops at min + k·step (in the exponent for a log slider): the kernel
    draws the same stop, tells the front end when it moved a proposal, and takes the front end's
    floating-point noise around the stop it holds for no change at all."""
    client = raw_kernel.client
    opens, _, drawing = shown(client, "interact(lambda: slider(0.01, 10, value: 1, log: true), draw: { lambda in lambda })")
    slider = control(opens, "FloatLogSliderModel")
    state = opens[slider]["content"]["data"]["state"]
    # A step was chosen that has the value written as one of its stops.
    assert state["value"] == 1 and float((0 - state["min"]) / state["step"]).is_integer()
    messages = collect_iopub(client, update(client, slider, {"value": 1.0000000000000004}), 10)
    assert drawings(messages, drawing["transient"]["display_id"]) == []
    assert not [m for m in messages if m["msg_type"] == "comm_msg"]
    messages = redrawn(client, update(client, slider, {"value": 3}), drawing["transient"]["display_id"])
    [told] = [m["content"]["data"] for m in messages if m["msg_type"] == "comm_msg"]
    stop = told["state"]["value"]
    assert told["method"] == "update" and stop != 3 and abs(stop / 3 - 1) < 0.03
    assert drawings(messages, drawing["transient"]["display_id"]) == [repr(stop)]


def test_comm_info_lists_the_widgets(raw_kernel):
    client = raw_kernel.client
    opens, _, _ = shown(client, FOUR)
    client.comm_info(target_name="jupyter.widget")
    comms = client.get_shell_msg(timeout=5)["content"]["comms"]
    assert comms == {comm_id: {"target_name": "jupyter.widget"} for comm_id in opens}


def quiet(client, seconds: float = 1) -> list[dict]:
    """What IOPub carries until it has been quiet for `seconds`."""
    messages = []
    while True:
        try:
            messages.append(client.get_iopub_msg(timeout=seconds))
        except queue.Empty:
            return messages


def test_a_burst_of_updates_ends_with_the_drawing_of_the_last(raw_kernel):
    client = raw_kernel.client
    opens, _, drawing = shown(client, "interact(x: slider(0, 100), draw: { x in var s = 0\n for i in 0..<2000 { s = s + i }\n x })")
    slider = control(opens, "FloatSliderModel")
    sent = [update(client, slider, {"value": index / 2}) for index in range(1, 51)]
    messages = served(client, sent)
    display_id = drawing["transient"]["display_id"]
    # Idle comes as a redraw starts: wait for the drawing of the last value, then for a quiet spell.
    while "25" not in drawings(messages, display_id):
        messages.append(client.get_iopub_msg(timeout=10))
    messages += quiet(client)
    drawn = drawings(messages, display_id)
    assert drawn[-1] == "25" and len(drawn) <= 50
    assert not [m for m in messages if m["msg_type"] in ("error", "stream")]
    assert raw_kernel.process.poll() is None


def test_what_a_redraw_prints_and_shows_appears_in_its_output_widget(raw_kernel):
    """A cell's output area stops listening when the cell ends: a redraw's prints and shows go to
    the Output widget under the controls, the latest redraw's in place of the one before."""
    client = raw_kernel.client
    code = ('interact(n: slider(1, 3, value: 1, step: 1), draw: { n in for i in 1...n { print("line \\(i) of \\(n)") }\n'
            ' if n > 1 { show(plot([1, n])) }\n n })')
    opens, view, drawing = shown(client, code)
    output = control(opens, "OutputModel")
    state = opens[output]["content"]["data"]["state"]
    assert (state["_model_module"], state["_model_module_version"], state["outputs"]) == ("@jupyter-widgets/output", "1.0.0", [])
    assert f"IPY_MODEL_{output}" in opens[control(opens, "VBoxModel")]["content"]["data"]["state"]["children"]
    slider = control(opens, "IntSliderModel")
    for n in (3, 2):
        messages = redrawn(client, update(client, slider, {"value": n}), drawing["transient"]["display_id"])
        told = [m["content"]["data"]["state"]["outputs"] for m in messages
                if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output]
        assert told, [m["msg_type"] for m in messages]
        last = told[-1]
        assert [o["output_type"] for o in last] == ["stream", "display_data"]
        assert last[0]["text"] == "".join(f"line {i} of {n}\n" for i in range(1, n + 1))
        assert "image/svg+xml" in last[1]["data"]
        assert drawings(messages, drawing["transient"]["display_id"]) == [str(n)]
        assert not [m for m in messages if m["msg_type"] == "stream"]
    msg_id = send(client, output, {"method": "request_state"})
    [answer] = [m for m in collect_iopub(client, msg_id, 10) if m["msg_type"] == "comm_msg"]
    assert answer["content"]["data"]["state"]["outputs"][0]["text"] == "line 1 of 2\nline 2 of 2\n"


def test_an_error_in_the_drawing_shows_in_place_and_the_controls_keep_working(raw_kernel):
    """An error in the first drawing fails the cell, so a notebook run stops there, but its controls
    show, to move to where `draw` works; an error in a redraw shows in place of the drawing."""
    client = raw_kernel.client
    reply, outputs = execute(client, "let kept = 7\ninteract(x: slider(0, 2, value: 1, step: 1), draw: { x in 10 / (x - 1) })")
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "ZeroDivisionError", reply["content"]
    [error] = [m["content"] for m in outputs if m["msg_type"] == "error"]
    assert "in interact's draw: at line 2, with x = 1" in "\n".join(error["traceback"])
    assert "function()" not in "\n".join(error["traceback"])
    opens = {m["content"]["comm_id"]: m for m in outputs if m["msg_type"] == "comm_open"}
    _, drawing = [m["content"] for m in outputs if m["msg_type"] == "display_data"]
    kinds = [m["msg_type"] for m in outputs if m["msg_type"] in ("display_data", "error")]
    assert kinds == ["display_data", "display_data", "error"]
    display_id = drawing["transient"]["display_id"]
    assert drawing["data"]["text/plain"].startswith("ZeroDivisionError: division by zero")
    slider = control(opens, "IntSliderModel")
    for value, expected in [(2, "10"), (1, "ZeroDivisionError: division by zero: the right side of '/' is 0\nin interact's draw: at line 2, with x = 1"), (0, "-10")]:
        assert drawings(redrawn(client, update(client, slider, {"value": value}), display_id), display_id)[0].startswith(expected)
    reply, outputs = execute(client, "kept + 1")
    assert reply["content"]["status"] == "ok"
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["8"]


SLOW = 'interact(x: slider(0, 1), draw: { x in print("drawing \\(x)")\n if x > 0.5 { sleep(60) }\n x })'


def printed(message: dict) -> str:
    """The text a comm message hands an Output widget: what a redraw printed so far."""
    if message["msg_type"] != "comm_msg":
        return ""
    outputs = message["content"]["data"].get("state", {}).get("outputs", [])
    return "".join(output.get("text", "") for output in outputs if output["output_type"] == "stream")


def wait_for_text(client, text: str, timeout: float = 10) -> list[dict]:
    messages = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = client.get_iopub_msg(timeout=timeout)
        messages.append(message)
        if text in printed(message):
            return messages
    raise AssertionError(f"never saw {text!r}")


def test_a_change_during_a_redraw_supersedes_it(raw_kernel):
    """The client sends the second change as ipywidgets does, only once the first is idle."""
    client = raw_kernel.client
    opens, _, drawing = shown(client, SLOW)
    display_id = drawing["transient"]["display_id"]
    slider = control(opens, "FloatSliderModel")
    first = update(client, slider, {"value": 0.9})
    messages = collect_iopub(client, first, 10)
    assert not drawings(messages, display_id)
    wait_for_text(client, "drawing 0.9")
    second = update(client, slider, {"value": 0.25})
    messages = served(client, [second], timeout=20)
    messages += redrawn(client, first, display_id, timeout=20)
    assert drawings(messages, display_id) == ["0.25"]


def test_an_interrupt_stops_a_redraw_and_the_controls_keep_working(raw_kernel):
    client = raw_kernel.client
    opens, _, drawing = shown(client, SLOW)
    display_id = drawing["transient"]["display_id"]
    slider = control(opens, "FloatSliderModel")
    first = update(client, slider, {"value": 0.75})
    wait_for_text(client, "drawing 0.75")
    raw_kernel.interrupt()
    assert drawings(redrawn(client, first, display_id, timeout=20), display_id)[0].startswith("Interrupted")
    assert drawings(redrawn(client, update(client, slider, {"value": 0.5}), display_id), display_id) == ["0.5"]
    reply, _ = execute(client, "2 + 2")
    assert reply["content"]["status"] == "ok"


def test_closing_a_model_closes_the_rest_of_its_view(raw_kernel):
    client = raw_kernel.client
    opens, _, _ = shown(client, "interact(x: slider(0, 1), on: toggle(), draw: { x, on in x })")
    message = client.session.msg("comm_close", {"comm_id": control(opens, "VBoxModel"), "data": {}})
    client.shell_channel.send(message)
    closed = {m["content"]["comm_id"] for m in collect_iopub(client, message["header"]["msg_id"], 10)
              if m["msg_type"] == "comm_close"}
    assert closed == set(opens) - {control(opens, "VBoxModel")}
    client.comm_info(target_name="jupyter.widget")
    assert client.get_shell_msg(timeout=5)["content"]["comms"] == {}


def test_print_and_charts_of_the_cell_come_before_its_controls(raw_kernel):
    """The controls are shown when the cell ends (the language runs on a thread that may not open comms)."""
    reply, outputs = execute(raw_kernel.client, 'print("before")\ninteract(x: slider(0, 1), draw: { x in plot([x, 1]) })\n3')
    kinds = [m["msg_type"] for m in outputs if m["msg_type"] in ("stream", "display_data", "execute_result")]
    assert kinds == ["stream", "display_data", "display_data", "execute_result"]
    assert "image/svg+xml" in [m for m in outputs if m["msg_type"] == "display_data"][1]["content"]["data"]


def test_hostile_updates_are_ignored_and_the_kernel_keeps_serving(raw_kernel):
    """Updates no front end sends (a huge or negative index, a string, NaN-like text) change nothing."""
    client = raw_kernel.client
    opens, _, drawing = shown(client, 'interact(k: choice(["a", "b"]), x: slider(0, 1), draw: { k, x in "\\(k) \\(x)" })')
    dropdown, slider = control(opens, "DropdownModel"), control(opens, "FloatSliderModel")
    for comm_id, state in [(dropdown, {"index": 1e300}), (dropdown, {"index": -1}), (dropdown, {"index": 2}),
                           (dropdown, {"index": "1"}), (slider, {"value": "NaN"}), (slider, {"value": 1e308})]:
        collect_iopub(client, update(client, comm_id, state), 10)
    assert raw_kernel.process.poll() is None
    messages = redrawn(client, update(client, dropdown, {"index": 1}), drawing["transient"]["display_id"])
    assert drawings(messages, drawing["transient"]["display_id"]) == ['"b 1"']


def run_cell(client, code: str, cell_id: str | None = None, deleted: list[str] = ()) -> list[dict]:
    """Runs `code` as JupyterLab does, naming the cell and the cells deleted since the last run in
    the request's metadata; returns its IOPub messages up to its idle."""
    metadata = {"deletedCells": list(deleted), "recordTiming": False}
    if cell_id is not None:
        metadata["cellId"] = cell_id
    message = client.session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False}, metadata=metadata)
    client.shell_channel.send(message)
    reply = client.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == message["header"]["msg_id"]
    assert reply["content"]["status"] == "ok", reply["content"]
    return collect_iopub(client, message["header"]["msg_id"], 30)


def opened(messages: list[dict]) -> set[str]:
    return {m["content"]["comm_id"] for m in messages if m["msg_type"] == "comm_open"}


def live_models(client) -> set[str]:
    client.comm_info(target_name="jupyter.widget")
    return set(client.get_shell_msg(timeout=5)["content"]["comms"])


def test_a_restarted_kernel_does_not_reuse_another_cells_model_ids(tmp_path):
    """A saved notebook's widget views name their models. After a restart, running only the second
    cell must not give its models the ids the first cell's saved views name."""
    from conftest import RawKernel
    a = "interact(x: slider(0, 1), draw: { x in x })"
    b = 'interact(kind: choice(["l1", "l2"]), draw: { kind in kind })'
    first = RawKernel(tmp_path)
    try:
        saved_a = opened(run_cell(first.client, a))
        saved_b = opened(run_cell(first.client, b))
    finally:
        first.stop()
    (tmp_path / "again").mkdir()
    second = RawKernel(tmp_path / "again")
    try:
        new_b = opened(run_cell(second.client, b))
        assert not new_b & saved_a
        assert len(new_b) == len(saved_b)
    finally:
        second.stop()


def test_re_running_a_cell_replaces_its_controls_and_a_deleted_cell_keeps_them(raw_kernel):
    """JupyterLab names the cell it runs: a re-run cell's earlier controls are closed (their views
    are gone from the page). A deleted cell's stay live, as with ipykernel: undoing the delete
    brings its output back. Other cells' controls stay live however often one cell runs; a client
    that names no cells keeps a cell's last 32 views."""
    client = raw_kernel.client
    code = "interact(x: slider(0, 1), draw: { x in x })"
    other = opened(run_cell(client, code, cell_id="other"))
    latest = set()
    for _ in range(40):
        messages = run_cell(client, code, cell_id="rerun")
        assert {m["content"]["comm_id"] for m in messages if m["msg_type"] == "comm_close"} == latest
        latest = opened(messages)
    assert live_models(client) == other | latest
    anonymous = [opened(run_cell(client, code)) for _ in range(40)]
    assert live_models(client) == other | latest | set().union(*anonymous[-32:])
    messages = run_cell(client, "1", cell_id="third", deleted=["other", "never-ran"])
    assert not [m for m in messages if m["msg_type"] == "comm_close"]
    assert live_models(client) == other | latest | set().union(*anonymous[-32:])
