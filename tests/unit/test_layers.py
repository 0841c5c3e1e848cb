"""The layers of `tui/` and the direction of their imports, read from the source (every
import, also those inside functions), as an import contract."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "tui"

#: What each layer may not import (a prefix of a module name).
FORBIDDEN = {
    "tui.core": ("textual", "tui.store", "tui.reader", "tui.output", "tui.bench", "tui.cli"),
    "tui.store": ("textual", "tui.reader", "tui.output", "tui.bench", "tui.cli"),
    "tui.output": ("textual", "tui.store", "tui.reader", "tui.bench", "tui.cli"),
    "tui.reader": ("tui.bench", "tui.cli"),
    "tui.draft": ("textual", "tui.store", "tui.reader", "tui.output", "tui.bench", "tui.cli"),
    # textual-serve runs the reader as a command per tab; the server never imports it.
    "tui.web": ("textual", "tui.reader", "tui.output", "tui.draft", "tui.bench", "tui.cli"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, as absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _modules(prefix: str) -> list[Path]:
    folder = PACKAGE / prefix.removeprefix("tui.").replace(".", "/")
    return sorted(folder.rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer):
    broken = [
        f"{module_name(path)} imports {target}"
        for path in _modules(layer)
        for target in sorted(imports(path))
        if any(target == bad or target.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert not broken, broken


def test_only_the_cli_imports_the_reader():
    outside = [p for p in PACKAGE.rglob("*.py") if not module_name(p).startswith("tui.reader")]
    users = sorted(module_name(p) for p in outside
                   if any(t == "tui.reader" or t.startswith("tui.reader.") for t in imports(p)))
    assert users == ["tui.cli"]


def test_the_top_of_the_package_holds_at_most_five_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 5, top
    layers = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert layers == ["bench", "core", "draft", "output", "reader", "store", "web"]


def test_every_package_says_what_it_holds_and_what_it_may_import():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "import" in doc.lower(), f"{init.relative_to(ROOT)} has no such docstring"


def test_the_contract_sees_relative_imports():
    """The reader's app imports the store through a relative import: the contract sees it."""
    assert "tui.store.loading" in imports(PACKAGE / "reader" / "app.py")


def test_no_module_is_over_400_lines():
    long = {module_name(p): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long


#: The store's modules, each imported only by those after it: opening a file goes down
#: from watch through loading to the cache and the stamps, and never back up. The state
#: kept between runs stands apart: it imports none of them.
STORE_ORDER = ("state", "collector", "paths", "stamps", "cache", "loading", "watch")


def test_the_store_calls_down_only_and_its_cache_knows_nothing_of_the_loader():
    names = [f"tui.store.{name}" for name in STORE_ORDER]
    assert sorted(module_name(p) for p in _modules("tui.store")) == sorted(names + ["tui.store"])
    for number, name in enumerate(names):
        found = imports(PACKAGE / "store" / f"{name.rpartition('.')[2]}.py")
        above = [other for other in names[number:] if other in found]
        assert not above, f"{name} imports {above}"
    for name in ("cache", "stamps"):
        found = imports(PACKAGE / "store" / f"{name}.py")
        assert not [t for t in found if t.startswith("tui.core.loader")], name
