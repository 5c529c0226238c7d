"""The whole jupyter_kernel_test suite, with every sample attribute set, against the installed kernel."""
import unittest

import jupyter_kernel_test


class RegulaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "regula"
    language_name = "regula"
    file_extension = ".regula"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'warn("careful: a large learning rate")'

    completion_samples = [
        {"text": "prin", "matches": ["print"]},
        {"text": "plo", "matches": ["plot"]},
        {"text": "cle", "matches": ["clearOutput"]},
    ]

    complete_code_samples = ["1 + 1", "let x = 3", 'print("hi")', "plot([1, 2, 3])\n"]
    incomplete_code_samples = ["plot([1, 2,", "let y = (1 +", 'print("abc', "let z = 2 *"]
    invalid_code_samples = ["let = 5", "1 +* 2", ")(", "let 3 = x"]

    code_page_something = "help(plot)"
    code_generate_error = "undefinedName + 1"

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "0.1 + 0.2", "result": "0.30000000000000004"},
        {"code": '"a" + "b"', "result": '"ab"'},
        {"code": "plot([1, 4, 9])", "mime": "image/svg+xml"},
        {"code": 'table(weight: [0.5, 0], feature: ["age", "bmi"])', "mime": "text/html"},
    ]
    code_display_data = [
        {"code": "show(plot([1, 4, 9]))", "mime": "image/svg+xml"},
        {"code": "show(table(x: [1, 2]))", "mime": "text/html"},
    ]

    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "print"
    code_clear_output = "clearOutput()"


class RegulaIopubWelcomeTests(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = "regula"
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
