"""The learning engine through the real kernel: pictures for paths and datasets, errors from
training, and interrupts in the middle of a fit, all through jupyter_client."""
import re
import time

from conftest import execute
from test_protocol import interrupt_running_cell


def results(outputs):
    return [m["content"]["data"] for m in outputs if m["msg_type"] == "execute_result"]


def test_a_path_comes_back_as_svg_and_a_dataset_as_html(raw_kernel):
    client = raw_kernel.client
    reply, outputs = execute(client, 'let path = lassoPath(load("diabetes"), lambdas: 30)\npath')
    assert reply["content"]["status"] == "ok"
    [data] = results(outputs)
    assert data["image/svg+xml"].startswith("<svg")
    assert "bmi" in data["image/svg+xml"]
    assert data["text/plain"].startswith("lasso path: 30 λ")
    _, outputs = execute(client, 'load("prostate")')
    [data] = results(outputs)
    assert "<th>lcavol</th>" in data["text/html"]
    assert data["text/plain"] == "prostate: 97 samples × 8 features, target lpsa"


def test_divergence_is_a_training_error_and_keeps_variables(raw_kernel):
    client = raw_kernel.client
    execute(client, "let data = synthetic(samples: 200, features: 50, correlation: 0.5, seed: 42)")
    reply, _ = execute(client, "let f = fit(linear, data, optimizer: sgd(lr: 10), epochs: 100)")
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "TrainingError"
    assert "diverged at epoch" in reply["content"]["evalue"]
    _, outputs = execute(client, "data.samples")
    assert [d["text/plain"] for d in results(outputs)] == ["200"]


def test_an_interrupt_stops_a_long_fit_and_keeps_variables(raw_kernel):
    client = raw_kernel.client
    execute(client, "let kept = 7\nlet big = synthetic(samples: 2000, features: 200, seed: 1)")
    interrupt_running_cell(client, "let f = fit(mlp(hidden: [256, 256]), big, optimizer: adam(lr: 0.001), epochs: 1000, batch: 8)")
    interrupt_running_cell(client, "let p = lassoPath(big, lambdas: 100000, ratio: 0.000001)")
    reply, outputs = execute(client, "kept + big.features")
    assert [d["text/plain"] for d in results(outputs)] == ["207"]


def test_a_training_loop_cell_runs(raw_kernel):
    client = raw_kernel.client
    code = """
let data = synthetic(samples: 200, features: 20, informative: 4, noise: 0.5, seed: 42)
let (train, test) = data.split(0.8, seed: 1)
let model = linear(features: 20)
let opt = proximal(lr: 0.05)
let log = record()
for epoch in 1...20 {
  for batch in train.batches(32, seed: epoch) {
    step(model, batch, loss: mse, penalty: l1(0.1), optimizer: opt, epoch: epoch)
  }
  log.add(epoch: epoch, loss: mse(model, test), zeros: model.zeros)
}
plot(log, x: "epoch", y: ["loss", "zeros"])
"""
    reply, outputs = execute(client, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    [data] = results(outputs)
    assert data["image/svg+xml"].startswith("<svg")


def test_long_work_shows_live_progress_that_ends_with_a_summary(raw_kernel):
    client = raw_kernel.client
    execute(client, "let data = synthetic(samples: 2000, features: 20, informative: 4, seed: 5)")
    _, outputs = execute(client, "let f = fit(mlp(hidden: [64]), data, optimizer: adam(lr: 0.001), epochs: 50, batch: 32)")
    displays = [m for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
    assert displays, "a long fit shows progress"
    assert displays[0]["msg_type"] == "display_data"
    display_id = displays[0]["content"]["transient"]["display_id"]
    assert all(m["content"]["transient"]["display_id"] == display_id for m in displays)
    assert all(m["msg_type"] == "update_display_data" for m in displays[1:])
    # Live lines carry the epoch and the elapsed time; the last one is a summary without timings.
    assert all("epoch " in m["content"]["data"]["text/plain"] for m in displays[:-1])
    assert displays[-1]["content"]["data"]["text/plain"].startswith("trained 50 epochs: loss ")
    assert " s" not in displays[-1]["content"]["data"]["text/plain"]
    # Short work shows none.
    _, outputs = execute(client, "let g = fit(linear, data, optimizer: proximal(lr: 0.1), epochs: 2)")
    assert not [m for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]


def test_names_from_a_users_csv_are_shown_as_text_not_markup(raw_kernel, tmp_path):
    data = tmp_path / "odd.csv"
    data.write_text('"<b>&""",y\n1,2\n3,5\n4,4\n')
    client = raw_kernel.client
    _, outputs = execute(client, f'csv("{data}", target: "y")')
    [bundle] = results(outputs)
    assert "<th>&lt;b&gt;&amp;&quot;</th>" in bundle["text/html"]
    assert "<b>" not in bundle["text/html"]
    _, outputs = execute(client, f'fit(linear, csv("{data}", target: "y"), penalty: l1(0.01))')
    [bundle] = results(outputs)
    assert "&lt;b&gt;&amp;&quot;" in bundle["text/html"]


def progress_messages(outputs):
    return [m for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]


def test_a_long_training_loop_written_out_shows_live_progress(raw_kernel):
    client = raw_kernel.client
    execute(client, "let data = synthetic(samples: 2000, features: 50, informative: 5, seed: 5)\n"
                    "let model = linear(features: 50)\nlet opt = sgd(lr: 0.01)\nlet log = record()")
    code = """
for epoch in 1...60 {
  for batch in data.batches(200, seed: epoch) { step(model, batch, loss: mse, penalty: l1(0.01), optimizer: opt) }
  log.add(epoch: epoch, loss: mse(model, data))
}
"""
    start = time.monotonic()
    reply, outputs = execute(client, code, timeout=120)
    elapsed = time.monotonic() - start
    assert reply["content"]["status"] == "ok"
    displays = progress_messages(outputs)
    assert displays and displays[0]["msg_type"] == "display_data"
    display_id = displays[0]["content"]["transient"]["display_id"]
    assert all(m["content"]["transient"]["display_id"] == display_id for m in displays)
    # Live lines follow the log's last row and the time so far, at most about ten a second.
    assert all(m["content"]["data"]["text/plain"].startswith("step ") for m in displays[:-1])
    assert len(displays) - 1 <= 10 * elapsed + 2
    # The end is a summary without timings: the step count and the last row recorded.
    final = displays[-1]["content"]["data"]["text/plain"]
    assert final.startswith("600 steps: last recorded epoch 60 · loss "), final
    assert not final.endswith(" s")
    # A short loop shows nothing.
    _, outputs = execute(client, "for batch in data.batches(500, seed: 1) { step(model, batch, optimizer: opt) }")
    assert not progress_messages(outputs)


def test_a_long_path_reports_lambda_objective_and_nonzeros(raw_kernel):
    client = raw_kernel.client
    execute(client, "let wide = synthetic(samples: 2000, features: 400, informative: 10, seed: 2)")
    _, outputs = execute(client, "let path = lassoPath(wide, lambdas: 100)", timeout=120)
    displays = progress_messages(outputs)
    assert displays
    live = [m["content"]["data"]["text/plain"] for m in displays[:-1]]
    assert all(re.match(r"λ \d+ of 100 · objective [-\d.e]+ · \d+ nonzero · [\d.]+ s$", line) for line in live), live
    assert displays[-1]["content"]["data"]["text/plain"].startswith("path of 100 λ: ")
