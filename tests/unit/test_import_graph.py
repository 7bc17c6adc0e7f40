"""No import circles in the house: the import graph of pos_app and sync (every import statement,
function-local ones included, as grimp reads them; imports only for the type checker left out)
has no two modules that reach each other. A circle is how a layer quietly starts depending on
the one above it; .importlinter states the layers, this catches a circle they do not name."""

from __future__ import annotations

import grimp


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The graph's strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_of_the_till_or_the_server_imports_itself_round_a_circle():
    graph = grimp.build_graph("pos_app", "sync", exclude_type_checking_imports=True)
    assert len(graph.modules) > 80  # the whole house was read
    assert circles(graph) == []


def test_a_circle_is_found():
    graph = grimp.build_graph("pos_app", "sync", exclude_type_checking_imports=True)
    graph.add_import(importer="sync.server.store", imported="sync.server.ingest")  # ingest imports the store
    assert ["sync.server.ingest", "sync.server.store"] in [
        [m for m in circle if m in ("sync.server.ingest", "sync.server.store")] for circle in circles(graph)
    ]
