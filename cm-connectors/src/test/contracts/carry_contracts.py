#!/usr/bin/env python3
"""Copies the parts of the public platform contracts that cmkit uses into the test resources.

Deterministic: the same inputs give byte-identical outputs (key order of the source kept,
two-space indent, trailing newline), so a re-run shows as no change in git.

    python3 cm-connectors/src/test/contracts/carry_contracts.py ../shared/contracts

- Mastodon: the OpenAPI 3.1 document, cut down to the operations listed in MASTODON_OPERATIONS
  and every component they reference (transitively). Operations and schemas are kept verbatim.
- Bluesky: the lexicons listed in BLUESKY_LEXICONS and every lexicon they reference
  (transitively), copied verbatim.
Each licence file is copied beside its contract.
"""
import json
import os
import re
import shutil
import sys

MASTODON_OPERATIONS = [
    ("/api/v1/statuses", "post"),
    ("/api/v1/statuses/{id}", "get"),
    ("/api/v1/statuses/{id}", "delete"),
    ("/api/v1/statuses/{id}/context", "get"),
    ("/api/v2/media", "post"),
    ("/api/v1/media/{id}", "get"),
    ("/api/v1/notifications", "get"),
    ("/api/v1/accounts/verify_credentials", "get"),
    ("/api/v1/accounts/update_credentials", "patch"),
    ("/api/v1/accounts/{id}", "get"),
    ("/api/v1/accounts/{id}/followers", "get"),
    ("/api/v1/accounts/{id}/statuses", "get"),
    ("/api/v1/accounts/{id}/block", "post"),
    ("/api/v2/instance", "get"),
    ("/api/v1/reports", "post"),
    ("/api/v1/scheduled_statuses", "get"),
    ("/api/v1/scheduled_statuses/{id}", "get"),
    ("/api/v1/scheduled_statuses/{id}", "put"),
    ("/api/v1/scheduled_statuses/{id}", "delete"),
]

BLUESKY_LEXICONS = [
    "com.atproto.server.createSession",
    "com.atproto.server.refreshSession",
    "com.atproto.repo.createRecord",
    "com.atproto.repo.putRecord",
    "com.atproto.repo.deleteRecord",
    "com.atproto.repo.getRecord",
    "com.atproto.repo.listRecords",
    "com.atproto.repo.uploadBlob",
    "com.atproto.repo.strongRef",
    "app.bsky.feed.post",
    "app.bsky.feed.threadgate",
    "app.bsky.feed.getPostThread",
    "app.bsky.feed.getPosts",
    "app.bsky.feed.getLikes",
    "app.bsky.feed.getRepostedBy",
    "app.bsky.feed.defs",
    "app.bsky.notification.listNotifications",
    "app.bsky.actor.getProfile",
    "com.atproto.identity.resolveHandle",
    "app.bsky.graph.block",
    "app.bsky.actor.defs",
    "app.bsky.actor.profile",
    "app.bsky.richtext.facet",
    "app.bsky.embed.images",
    "app.bsky.embed.external",
    "app.bsky.embed.record",
    "app.bsky.embed.defs",
]


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write("\n")


def refs_in(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            else:
                yield from refs_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs_in(v)


def carry_mastodon(src, out):
    with open(os.path.join(src, "mastodon-openapi.json"), encoding="utf-8") as f:
        doc = json.load(f)
    wanted = {}
    for path, method in MASTODON_OPERATIONS:
        wanted.setdefault(path, set()).add(method)
    paths = {}
    for path, item in doc["paths"].items():  # source order
        if path in wanted:
            paths[path] = {k: v for k, v in item.items() if k in wanted[path] or k not in
                           ("get", "put", "post", "delete", "patch", "head", "options", "trace")}
    missing = [p for p, m in MASTODON_OPERATIONS if m not in paths.get(p, {})]
    if missing:
        sys.exit(f"operations not in the source document: {missing}")
    # Transitive closure over "#/components/<kind>/<name>" references.
    keep = set()
    todo = list(refs_in(paths))
    while todo:
        ref = todo.pop()
        if not ref.startswith("#/components/") or ref in keep:
            continue
        keep.add(ref)
        _, _, kind, name = ref.split("/", 3)
        todo.extend(refs_in(doc["components"][kind][name]))
    components = {}
    for kind, entries in doc["components"].items():
        kept = {n: v for n, v in entries.items() if f"#/components/{kind}/{n}" in keep}
        if kind == "securitySchemes":
            kept = entries
        if kept:
            components[kind] = kept
    subset = {}
    for key, value in doc.items():
        subset[key] = paths if key == "paths" else components if key == "components" else value
    info = dict(subset["info"])
    info["x-cmkit-subset"] = ("Operations used by cmkit and the components they reference, "
                              "cut verbatim from the full document by carry_contracts.py")
    subset["info"] = info
    write_json(os.path.join(out, "mastodon", "openapi.json"), subset)
    shutil.copyfile(os.path.join(src, "mastodon-openapi.LICENSE"), os.path.join(out, "mastodon", "LICENSE"))
    # The document declares GFDL-1.3 (info.license); its text is carried beside it as
    # LICENSE-GFDL-1.3.txt (copied once from /usr/share/common-licenses/GFDL-1.3).
    print(f"mastodon: {len(MASTODON_OPERATIONS)} operations, {len(keep)} components")


def lexicon_file(root, nsid):
    return os.path.join(root, *nsid.split(".")) + ".json"


def carry_bluesky(src, out):
    root = os.path.join(src, "bluesky-lexicons")
    dest = os.path.join(out, "bluesky")
    if os.path.isdir(dest):
        shutil.rmtree(dest)
    seen = set()
    absent = set()
    todo = list(BLUESKY_LEXICONS)
    while todo:
        nsid = todo.pop()
        if nsid in seen or nsid in absent:
            continue
        if not os.path.isfile(lexicon_file(root, nsid)):
            if nsid in BLUESKY_LEXICONS:
                sys.exit(f"lexicon not in the source: {nsid}")
            absent.add(nsid)  # referenced, but not published in the source folder
            continue
        seen.add(nsid)
        with open(lexicon_file(root, nsid), encoding="utf-8") as f:
            lexicon = json.load(f)
        for node in walk(lexicon):
            for ref in node.get("refs", []) if node.get("type") == "union" else []:
                todo.append(ref.split("#")[0])
            if node.get("type") == "ref":
                todo.append(node["ref"].split("#")[0])
        todo[:] = [n for n in todo if n]  # local refs ("#view") stay in the same lexicon
        write_json(lexicon_file(dest, nsid), lexicon)
    shutil.copyfile(os.path.join(root, "LICENSE-MIT.txt"), os.path.join(dest, "LICENSE-MIT.txt"))
    with open(os.path.join(dest, "index.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Lexicons carried (the ones cmkit uses and every lexicon they reference).\n")
        f.write("\n".join(sorted(seen)) + "\n")
        f.write("# Referenced but absent from the source folder: values of these types are not checked.\n")
        f.write("\n".join("absent " + n for n in sorted(absent)) + "\n")
    print(f"bluesky: {len(BLUESKY_LEXICONS)} lexicons asked, {len(seen)} carried, absent: {sorted(absent)}")


def walk(node):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "contracts")
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "resources", "contracts")
    carry_mastodon(src, out)
    carry_bluesky(src, out)


if __name__ == "__main__":
    main()
