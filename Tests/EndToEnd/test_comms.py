"""Comms (the messaging spec's custom messages) against the real binary, through jupyter_client.
Regula registers no comm targets yet, so these check what the kernel core does on its own:
comm_info, closing comms for unknown targets, and surviving malformed or stray comm messages."""
from __future__ import annotations

import pytest

from conftest import collect_iopub, execute


def send(client, msg_type: str, content: dict) -> str:
    message = client.session.msg(msg_type, content)
    client.shell_channel.send(message)
    return message["header"]["msg_id"]


def states(messages: list[dict]) -> list[str]:
    return [m["content"]["execution_state"] for m in messages if m["msg_type"] == "status"]


@pytest.mark.parametrize("content", [{}, {"target_name": "jupyter.widget"}])
def test_comm_info_lists_no_comms(raw_kernel, content):
    client = raw_kernel.client
    msg_id = send(client, "comm_info_request", content)
    reply = client.get_shell_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["msg_type"] == "comm_info_reply"
    assert reply["content"] == {"status": "ok", "comms": {}}
    assert states(collect_iopub(client, msg_id, 5)) == ["busy", "idle"]


def test_a_comm_for_an_unknown_target_is_closed_and_not_listed(raw_kernel):
    client = raw_kernel.client
    msg_id = send(client, "comm_open", {"comm_id": "w1", "target_name": "jupyter.widget", "data": {"state": {}}})
    messages = collect_iopub(client, msg_id, 5)
    assert [m["msg_type"] for m in messages] == ["status", "comm_close", "status"]
    assert states(messages) == ["busy", "idle"]
    assert messages[1]["content"] == {"comm_id": "w1", "data": {}}
    assert "closed comm 'w1': no target 'jupyter.widget' is registered" in raw_kernel.stderr()

    client.comm_info(target_name="jupyter.widget")
    assert client.get_shell_msg(timeout=5)["content"]["comms"] == {}


# (type, content, the log line, the comm the kernel closes in answer or None)
@pytest.mark.parametrize("msg_type, content, logged, closed", [
    ("comm_open", {"target_name": "jupyter.widget", "data": {}}, "dropped comm_open without a string comm_id", None),
    ("comm_open", {"comm_id": ["not", "a", "string"], "target_name": "x"}, "dropped comm_open without a string comm_id",
     None),
    ("comm_open", {"comm_id": "m1", "data": {}}, "closed comm 'm1': its comm_open has no string target_name", "m1"),
    ("comm_msg", {"comm_id": "ghost", "data": {"method": "update"}},
     "ignored comm_msg for comm 'ghost': no comm with that id is open", None),
    ("comm_msg", {"data": {}}, "ignored comm_msg without a string comm_id", None),
    ("comm_close", {"comm_id": "ghost", "data": {}}, "ignored comm_close for comm 'ghost': no comm with that id is open",
     None),
])
def test_malformed_and_stray_comm_messages_are_logged_and_the_kernel_keeps_serving(
        raw_kernel, msg_type, content, logged, closed):
    client = raw_kernel.client
    msg_id = send(client, msg_type, content)
    messages = collect_iopub(client, msg_id, 5)
    assert states(messages) == ["busy", "idle"]
    closes = [m["content"] for m in messages if m["msg_type"] == "comm_close"]
    assert closes == ([{"comm_id": closed, "data": {}}] if closed else [])
    assert logged in raw_kernel.stderr()
    assert raw_kernel.process.poll() is None
    reply, outputs = execute(client, "1 + 2")
    assert reply["content"]["status"] == "ok"
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["3"]


def test_comm_messages_between_cells_keep_their_order(raw_kernel):
    """A burst of comm messages and cells sent at once is served in the order sent, each in busy/idle."""
    client = raw_kernel.client
    sent = []
    for index in range(20):
        sent.append(send(client, "comm_msg", {"comm_id": f"ghost{index}", "data": {}}))
        if index % 5 == 4:
            sent.append(client.execute(f"{index}"))
    busy = []
    while len(busy) < len(sent):
        message = client.get_iopub_msg(timeout=10)
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "busy" \
                and message["parent_header"].get("msg_id") in sent:
            busy.append(message["parent_header"].get("msg_id"))
    assert busy == sent
    log = raw_kernel.stderr()
    positions = [log.index(f"comm 'ghost{index}'") for index in range(20)]
    assert positions == sorted(positions)
