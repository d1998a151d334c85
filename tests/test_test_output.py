"""`make test` tells node's test runner's verdict in one line when every test passed, and every failure in full
when one did not (tasks.node_report, over the spec reporter's output)."""

from tasks import node_report

PASSED = """\
✔ normalise gives the spelling the build gives (1.29ms)
▶ segment
  ✔ segment "ລັດດິຈິຕອນ" (1.54ms)
✔ segment (2.1ms)
ℹ tests 212
ℹ suites 1
ℹ pass 212
ℹ fail 0
ℹ cancelled 0
ℹ skipped 0
ℹ todo 0
ℹ duration_ms 2330.178987
"""

FAILED = """\
✔ ok one (0.82ms)
✖ fails (1.80ms)
  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:
    at TestContext.<anonymous> (file:///work/main/js/test/a.test.mjs:4:28)

Error [ERR_MODULE_NOT_FOUND]: Cannot find module 'js/src/nope.mjs' imported from js/test/b.test.mjs
✖ js/test/b.test.mjs (64.72ms)
  'test failed'

ℹ tests 3
ℹ suites 0
ℹ pass 1
ℹ fail 2
ℹ cancelled 0
ℹ skipped 1
ℹ todo 0
ℹ duration_ms 153.625084

✖ failing tests:

test at js/test/a.test.mjs:4:1
✖ fails (1.80ms)
  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:
"""


def test_every_test_passed_is_one_line():
    assert node_report(PASSED, ok=True) == "js/test: 212 passed in 2.33s"


def test_a_failure_is_shown_in_full_without_the_passing_tests_and_the_totals_come_last():
    report = node_report(FAILED, ok=False).splitlines()
    assert "ok one" not in "\n".join(report) and not [line for line in report if line.startswith("ℹ")]
    assert report[:3] == [
        "✖ fails (1.80ms)",
        "  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:",
        "    at TestContext.<anonymous> (file:///work/main/js/test/a.test.mjs:4:28)",
    ]
    assert any(line.startswith("Error [ERR_MODULE_NOT_FOUND]: Cannot find module") for line in report)
    assert "test at js/test/a.test.mjs:4:1" in report
    assert report[-1] == "js/test: 2 failed, 1 passed, 1 skipped in 0.15s"


def test_output_it_cannot_read_is_shown_whole():
    assert node_report("TAP version 13\nnot ok 1 - fails\n", ok=False) == "TAP version 13\nnot ok 1 - fails"
