#!/usr/bin/env python3
"""Tests of scripts/check-layers.py on small trees: it passes includes that go down the layers
and fails, naming file, line and include, on each kind that crosses a layer the wrong way."""
import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check-layers.py")


def check(files):
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        run = subprocess.run([sys.executable, SCRIPT, "--root", root], capture_output=True, text=True)
        return run.returncode, run.stdout


class CheckLayersTest(unittest.TestCase):
    def test_includes_that_go_down_pass(self):
        code, out = check({
            "core/result.h": "#pragma once\n",
            "http/edge.h": '#include "core/result.h"\n#include "auth/caller.h"\n',
            "modules/people/people.cc": '#include "kit/module.h"\n#include "modules/people/repo.h"\n'
                                        '#include "modules/organizations/public/counters.h"\n',
            "app/app.cc": '#include "modules/people/module.h"\n',
            "modules/people/people_test.cc": '#include "modules/organizations/repository.h"\n',
        })
        self.assertEqual(code, 0, out)

    def test_a_module_including_another_modules_internals_fails(self):
        code, out = check({"modules/spreadsheets/import.cc": '#include <vector>\n\n#include "modules/people/person_repository.h"\n'})
        self.assertEqual(code, 1)
        self.assertIn('server/src/modules/spreadsheets/import.cc:3: modules/spreadsheets may not include '
                      '"modules/people/person_repository.h"', out)

    def test_a_module_including_app_fails(self):
        code, out = check({"modules/volunteering/load_demo.cc": '#include "app/config.h"\n'})
        self.assertEqual(code, 1)
        self.assertIn('may not include "app/config.h"', out)

    def test_a_lower_layer_including_a_higher_one_fails(self):
        code, out = check({
            "core/json.cc": '#include "storage/database.h"\n',
            "auth/session.cc": '#include "kit/module.h"\n',
            "http/router.cc": '#include "auth/session_store.h"\n',
        })
        self.assertEqual(code, 1)
        self.assertEqual(out.count("may not include"), 3, out)


if __name__ == "__main__":
    unittest.main()
