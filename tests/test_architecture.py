"""The layout's rules, checked on the code itself.

Each folder holding an ``apps.py`` is a node; every first-party import outside migrations and tests (at the top
of a module or inside a function) is an edge from the node holding the importing module to the node holding the
imported one. Imports of leaf modules, which import no first-party code themselves (``portal.text``,
``portal.formats``...), are not edges. The graph must have no cycle: dependencies run one way.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = ("portal", "news", "campaigns")
MAX_MODULE_LINES = 400


def _modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file, for first-party code outside migrations and tests."""
    found = {}
    for top in FIRST_PARTY:
        for path in (root / top).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path) -> set[str]:
    """Every first-party module ``name`` imports, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            targets.add(base)
            targets |= {f"{base}.{alias.name}" for alias in node.names}
    return {t for t in targets if t.split(".")[0] in FIRST_PARTY}


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """App node -> the app nodes it imports (leaf modules left out)."""
    modules = _modules(root)
    apps = sorted(
        (".".join(p.parent.relative_to(root).parts) for top in FIRST_PARTY for p in (root / top).rglob("apps.py")),
        key=len,
        reverse=True,
    )

    def node_of(module: str) -> str | None:
        return next((app for app in apps if module == app or module.startswith(app + ".")), None)

    imports = {name: {t for t in _imports(name, path) if t in modules} for name, path in modules.items()}
    leaves = {name for name, targets in imports.items() if not targets - {name}}
    graph: dict[str, set[str]] = {app: set() for app in apps}
    for name, targets in imports.items():
        source = node_of(name)
        for target in targets - leaves:
            destination = node_of(target)
            if source and destination and destination != source:
                graph[source].add(destination)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path (first node repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_apps_import_each_other_one_way():
    graph = import_graph()
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph))


def test_campaigns_never_reach_news():
    """news may import campaigns, never the reverse, not even through another app."""
    graph, seen, todo = import_graph(), set(), ["campaigns"]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    assert "news" not in seen and not any(node.startswith("news.") for node in seen), seen


def test_the_cycle_finder_finds_a_cycle_someone_adds(tmp_path):
    """The check above would see a cycle: two apps importing each other, through a non-leaf module."""
    for app, other in (("news", "campaigns"), ("campaigns", "news")):
        (tmp_path / app).mkdir()
        (tmp_path / app / "apps.py").write_text("")
        (tmp_path / app / "__init__.py").write_text("")
        (tmp_path / app / "models.py").write_text(f"from {other}.views import x\nfrom .views import y\n")
        (tmp_path / app / "views.py").write_text("from .models import z\n")
    (tmp_path / "portal").mkdir()
    graph = import_graph(tmp_path)
    assert graph == {"news": {"campaigns"}, "campaigns": {"news"}}
    assert find_cycle(graph) == ["campaigns", "news", "campaigns"]


def test_leaf_modules_are_not_edges(tmp_path):
    for app in ("news", "portal"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "apps.py").write_text("")
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "portal" / "text.py").write_text("import unicodedata\n")
    (tmp_path / "portal" / "views.py").write_text("from news.models import Article\n")
    (tmp_path / "news" / "models.py").write_text("from portal.text import fold\n")
    assert import_graph(tmp_path) == {"news": set(), "portal": {"news"}}


def test_no_module_is_over_400_lines():
    """Migrations are generated and left out."""
    long = {
        str(path.relative_to(ROOT)): n
        for path in _modules(ROOT).values()
        if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}
